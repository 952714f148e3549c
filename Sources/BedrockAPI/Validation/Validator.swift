/// Checks a decoded input against its shape's constraints (required, length, range,
/// pattern, enum, union) and words the failures the way AWS does:
/// `1 validation error detected: Value '0' at 'inferenceConfig.maxTokens' failed to satisfy
/// constraint: Member must have value greater than or equal to 1`.
public struct Validator: Sendable {
    public let service: ServiceModel

    public init(service: ServiceModel) { self.service = service }

    /// Throws a `ValidationException` listing every violation found in `value`.
    public func validate(_ value: ShapeValue, as shapeName: String) throws(BedrockError) {
        var violations: [String] = []
        check(value, shapeName: shapeName, path: "", sensitive: false, into: &violations)
        guard !violations.isEmpty else { return }
        let count = violations.count
        let head = count == 1 ? "1 validation error detected: " : "\(count) validation errors detected: "
        throw .validation(head + violations.joined(separator: "; "))
    }

    func check(_ value: ShapeValue, shapeName: String, path: String, sensitive: Bool, into violations: inout [String]) {
        let shape = service.shape(shapeName)
        let sensitive = sensitive || shape.isSensitive
        func fail(_ constraint: String) {
            violations.append("Value \(Self.render(value, sensitive: sensitive)) at '\(path)' failed to satisfy constraint: Member must \(constraint)")
        }
        if shape.isDocument { return }
        switch value {
        case .map(let members) where shape.type == .structure:
            for name in shape.requiredMembers where (members[name] ?? .null) == .null {
                violations.append("Value null at '\(ShapeDecoder.join(path, name))' failed to satisfy constraint: Member must not be null")
            }
            if shape.isUnion, members.count != 1 {
                fail("have exactly one member set, but \(members.count) are set")
            }
            for (name, memberValue) in members.sorted(by: { $0.key < $1.key }) {
                guard let member = shape.members?[name], memberValue != .null else { continue }
                check(memberValue, shapeName: member.shape, path: ShapeDecoder.join(path, name), sensitive: sensitive, into: &violations)
            }
        case .map(let members) where shape.type == .map:
            checkLength(members.count, shape: shape, fail: fail)
            for (key, element) in members.sorted(by: { $0.key < $1.key }) {
                if let keyShape = shape.key {
                    check(.string(key), shapeName: keyShape, path: ShapeDecoder.join(path, key), sensitive: sensitive, into: &violations)
                }
                check(element, shapeName: shape.value!, path: ShapeDecoder.join(path, key), sensitive: sensitive, into: &violations)
            }
        case .list(let elements):
            checkLength(elements.count, shape: shape, fail: fail)
            for (i, element) in elements.enumerated() {
                check(element, shapeName: shape.member!, path: ShapeDecoder.join(path, "\(i + 1).member"), sensitive: sensitive, into: &violations)
            }
        case .string(let text):
            checkLength(text.utf16.count, shape: shape, fail: fail)
            if let allowed = shape.enum, !allowed.contains(text) {
                fail("satisfy enum value set: [\(allowed.joined(separator: ", "))]")
            }
            if let pattern = shape.pattern, !PatternCache.shared.matches(pattern, text) {
                fail("satisfy regular expression pattern: \(pattern)")
            }
        case .blob(let data):
            checkLength(data.count, shape: shape, fail: fail)
        case .integer, .double:
            let number = value.doubleValue!
            if let min = shape.min, number < min { fail("have value greater than or equal to \(Self.bound(min))") }
            if let max = shape.max, number > max { fail("have value less than or equal to \(Self.bound(max))") }
        default:
            break
        }
    }

    func checkLength(_ length: Int, shape: Shape, fail: (String) -> Void) {
        if let min = shape.min, Double(length) < min { fail("have length greater than or equal to \(Self.bound(min))") }
        if let max = shape.max, Double(length) > max { fail("have length less than or equal to \(Self.bound(max))") }
    }

    /// A number as validation messages write it: `1`, not `1.0`; native-body messages too.
    public static func bound(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }

    /// How AWS quotes a value in a validation message.
    static func render(_ value: ShapeValue, sensitive: Bool) -> String {
        if sensitive { return "'*** Sensitive Data Redacted ***'" }
        if value == .null { return "null" }
        return "'\(plain(value))'"
    }

    static func plain(_ value: ShapeValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): String(b)
        case .integer(let i): String(i)
        case .double(let d): bound(d)
        case .string(let s): s
        case .blob(let d): "java.nio.HeapByteBuffer[pos=0 lim=\(d.count) cap=\(d.count)]"
        case .timestamp(let t): Timestamp.iso8601(t)
        case .list(let l): "[" + l.map(plain).joined(separator: ", ") + "]"
        case .map(let m): "{" + m.sorted { $0.key < $1.key }.map { "\($0.key)=\(plain($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
