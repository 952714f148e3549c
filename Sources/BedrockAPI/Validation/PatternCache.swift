import Foundation
import Synchronization

/// Compiled `pattern` constraints, compiled once each on first use. The models' patterns are
/// Java regular expressions; ICU reads them the same way. A pattern ICU cannot compile is
/// not enforced rather than refusing every value.
final class PatternCache: Sendable {
    static let shared = PatternCache()

    private struct Compiled: @unchecked Sendable {
        // NSRegularExpression is immutable and documented as safe to use from several threads.
        let regex: NSRegularExpression?
    }

    private let cache = Mutex<[String: Compiled]>([:])

    func matches(_ pattern: String, _ text: String) -> Bool {
        let compiled = cache.withLock { cache in
            if let hit = cache[pattern] { return hit }
            let made = Compiled(regex: try? NSRegularExpression(pattern: pattern))
            cache[pattern] = made
            return made
        }
        guard let regex = compiled.regex else { return true }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.firstMatch(in: text, options: [], range: range) != nil
    }
}
