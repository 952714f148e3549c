/// The whitespace handling SigV4 applies to header values.
extension String {
    /// Trimmed of leading and trailing spaces and tabs, the whitespace HTTP allows around values.
    func trimmingSigV4Whitespace() -> String {
        guard let first = firstIndex(where: { !$0.isSigV4Blank }), let last = lastIndex(where: { !$0.isSigV4Blank })
        else { return "" }
        return String(self[first...last])
    }

    /// Trimmed, with each run of inner spaces and tabs collapsed to one space, as canonical headers want.
    func collapsingSigV4Whitespace() -> String {
        split(whereSeparator: \.isSigV4Blank).joined(separator: " ")
    }
}

extension Character {
    fileprivate var isSigV4Blank: Bool { self == " " || self == "\t" }
}
