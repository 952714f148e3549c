/// What a minority of shapes carry (constraints, payload, map key and value, error trait),
/// boxed so the rest do not pay for it.
final class ShapeDetails: Sendable {
    let min: Double?
    let max: Double?
    let pattern: String?
    let payload: String?
    let timestampFormat: String?
    let error: Shape.ErrorTrait?
    let key: String?
    let value: String?

    init?(min: Double?, max: Double?, pattern: String?, payload: String?, timestampFormat: String?, error: Shape.ErrorTrait?, key: String?, value: String?) {
        if min == nil && max == nil && pattern == nil && payload == nil && timestampFormat == nil && error == nil && key == nil && value == nil {
            return nil
        }
        self.min = min
        self.max = max
        self.pattern = pattern
        self.payload = payload
        self.timestampFormat = timestampFormat
        self.error = error
        self.key = key
        self.value = value
    }
}
