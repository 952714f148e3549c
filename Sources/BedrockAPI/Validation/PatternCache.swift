import Foundation
import Synchronization

/// Compiled `pattern` constraints, compiled once each on first use. The models' patterns are
/// Java regular expressions, which ICU reads the same way but for one thing (`icuPattern`).
/// A pattern ICU cannot compile is not enforced rather than refusing every value; a test
/// checks that every pattern in the model compiles.
final class PatternCache: Sendable {
    static let shared = PatternCache()

    private struct Compiled: @unchecked Sendable {
        // NSRegularExpression is immutable and documented as safe to use from several threads.
        let regex: NSRegularExpression?
    }

    private let cache = Mutex<[String: Compiled]>([:])
    /// Values that matched recently: the same model id or ARN arrives on call after call, and
    /// an ICU match costs more than the rest of the request's validation together.
    private let recentMatches = Mutex<Set<Recent>>([])
    static let recentLimit = 4096

    /// A value that matched a pattern (a pair, so no joined string is built per check).
    private struct Recent: Hashable {
        let pattern: String
        let text: String
    }

    func matches(_ pattern: String, _ text: String) -> Bool {
        let key = Recent(pattern: pattern, text: text)
        if recentMatches.withLock({ $0.contains(key) }) { return true }
        let matched = compiledMatch(pattern, text)
        if matched {
            recentMatches.withLock { recent in
                if recent.count >= Self.recentLimit { recent.removeAll(keepingCapacity: true) }
                recent.insert(key)
            }
        }
        return matched
    }

    private func compiledMatch(_ pattern: String, _ text: String) -> Bool {
        let compiled = cache.withLock { cache in
            if let hit = cache[pattern] { return hit }
            let made = Compiled(regex: try? NSRegularExpression(pattern: Self.icuPattern(pattern)))
            cache[pattern] = made
            return made
        }
        guard let regex = compiled.regex else { return true }
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.firstMatch(in: text, options: [], range: range) != nil
    }

    /// ICU reads `[:` as the start of a POSIX class (`[:alpha:]`); Java has no such syntax,
    /// so there it is a set starting with a literal colon, as in the models' `([:][a-z]+)`.
    static func icuPattern(_ java: String) -> String {
        var out = ""
        var escaped = false
        var opensSet = false
        for character in java {
            if opensSet, character == ":" { out.append("\\") }
            opensSet = character == "[" && !escaped
            escaped = character == "\\" && !escaped
            out.append(character)
        }
        // bedrock-agent's TaggableResourcesArn says `:/d{12}` where it means an account id,
        // `:\d{12}`; read literally it refuses every agent and knowledge-base ARN AWS issues.
        return out.replacingOccurrences(of: ":/d{12}", with: ":\\d{12}")
    }
}
