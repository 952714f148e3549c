import Foundation

/// A regular expression run over text: its matches as ranges of the text, taking the first
/// capture group as the match when the pattern has one (so a keyword can lead the way to
/// the value without being part of it). An invalid pattern matches nothing.
struct TextPattern: Sendable {
    let pattern: String
    let caseInsensitive: Bool

    init(_ pattern: String, caseInsensitive: Bool = false) {
        self.pattern = pattern
        self.caseInsensitive = caseInsensitive
    }

    /// A phrase matched as whole words, case-insensitively, any run of spaces between its words.
    static func phrase(_ phrase: String) -> TextPattern {
        let words = phrase.split(whereSeparator: \.isWhitespace).map { NSRegularExpression.escapedPattern(for: String($0)) }
        return TextPattern("(?<![\\p{L}\\p{N}_])" + words.joined(separator: "\\s+") + "(?![\\p{L}\\p{N}_])", caseInsensitive: true)
    }

    /// The ranges of `text` the pattern matches, in order.
    func matches(in text: String) -> [Range<String.Index>] {
        guard let regex = try? NSRegularExpression(pattern: pattern, options: caseInsensitive ? [.caseInsensitive] : []) else { return [] }
        let whole = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.matches(in: text, range: whole).compactMap { match in
            let range = match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range
            return Range(range, in: text)
        }
    }
}
