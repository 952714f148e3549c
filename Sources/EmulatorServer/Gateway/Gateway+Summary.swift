import BedrockAPI

extension Gateway {
    static let summaryLength = 200

    /// The input's plain members, `name=value` in name order: enough to tell calls apart in
    /// the journal without copying bodies into it.
    static func summary(of input: ShapeValue) -> String? {
        guard case .map(let members) = input else { return nil }
        let parts = members.keys.sorted().compactMap { name -> String? in
            switch members[name] {
            case .string(let text)?: "\(name)=\(text)"
            case .integer(let number)?: "\(name)=\(number)"
            case .bool(let flag)?: "\(name)=\(flag)"
            default: nil
            }
        }
        return parts.isEmpty ? nil : brief(parts.joined(separator: ", "))
    }

    static func brief(_ text: String) -> String {
        // UTF-8 bytes bound the characters from above, and counting them does not walk
        // graphemes; past that, only the first `summaryLength` characters are walked, once.
        guard text.utf8.count > summaryLength,
              let end = text.index(text.startIndex, offsetBy: summaryLength, limitedBy: text.endIndex), end < text.endIndex
        else { return text }
        return String(text[..<text.index(before: end)]) + "…"
    }
}
