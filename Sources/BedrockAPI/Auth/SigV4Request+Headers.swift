/// Header and query lookups the parser and the canonicaliser share.
extension SigV4Request {
    /// Every value of header `name`, in the order received.
    func headerValues(_ name: String) -> [String] {
        headers.filter { HeaderName.same($0.name, name) }.map(\.value)
    }

    /// The first value of header `name`.
    func header(_ name: String) -> String? {
        headers.first { HeaderName.same($0.name, name) }?.value
    }

    /// The first value of query parameter `name` (exact, case-sensitive like AWS), percent-decoded.
    func queryValue(_ name: String) -> String? {
        SigV4Encoding.queryItems(rawQuery).first { $0.name == name }?.value
    }
}
