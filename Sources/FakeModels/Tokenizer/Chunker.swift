import BedrockAPI
import Foundation

/// Splits a document's text into chunks as a data source's chunkingConfiguration says,
/// counting tokens with the emulator's tokenizer.
///
/// FIXED_SIZE and NONE are exact. HIERARCHICAL indexes the child level (the last level's
/// maxTokens, with `overlapTokens` overlap). SEMANTIC packs whole sentences up to maxTokens
/// and always breaks at a paragraph (blank line). No configuration is AWS's default:
/// about 300 tokens with 20% overlap.
public struct Chunker: Sendable {
    /// A data source's `chunkingConfiguration`; nil is the default.
    public var configuration: ShapeValue?

    public init(configuration: ShapeValue?) { self.configuration = configuration }

    /// The chunks of `text`, in order.
    public func chunks(_ text: String) -> [String] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        switch configuration?["chunkingStrategy"]?.stringValue {
        case "NONE":
            return [trimmed]
        case "FIXED_SIZE":
            let fixed = configuration?["fixedSizeChunkingConfiguration"]
            let maxTokens = max(1, fixed?["maxTokens"]?.intValue ?? 300)
            return Self.fixed(trimmed, maxTokens: maxTokens, overlap: maxTokens * (fixed?["overlapPercentage"]?.intValue ?? 20) / 100)
        case "HIERARCHICAL":
            let hierarchical = configuration?["hierarchicalChunkingConfiguration"]
            let child = hierarchical?["levelConfigurations"]?.listValue?.last?["maxTokens"]?.intValue ?? 300
            return Self.fixed(trimmed, maxTokens: max(1, child), overlap: hierarchical?["overlapTokens"]?.intValue ?? 60)
        case "SEMANTIC":
            return Self.semantic(trimmed, maxTokens: max(1, configuration?["semanticChunkingConfiguration"]?["maxTokens"]?.intValue ?? 300))
        default:
            return Self.fixed(trimmed, maxTokens: 300, overlap: 60)
        }
    }

    /// Windows of at most `maxTokens` tokens, each starting `overlap` tokens before the last ended.
    static func fixed(_ text: String, maxTokens: Int, overlap: Int) -> [String] {
        let words = Tokenizer.pieces(of: text)
        let costs = words.map { max(1, Tokenizer.count($0)) }
        var chunks: [String] = []
        var start = 0
        while start < words.count {
            var end = start
            var used = 0
            while end < words.count && (end == start || used + costs[end] <= maxTokens) {
                used += costs[end]
                end += 1
            }
            chunks.append(words[start..<end].joined().trimmingCharacters(in: .whitespacesAndNewlines))
            if end >= words.count { break }
            // Step back over `overlap` tokens, but always move forward.
            var next = end
            var back = 0
            while next > start + 1 && back + costs[next - 1] <= overlap {
                back += costs[next - 1]
                next -= 1
            }
            start = next
        }
        return chunks
    }

    static func semantic(_ text: String, maxTokens: Int) -> [String] {
        var chunks: [String] = []
        for paragraph in text.components(separatedBy: "\n\n") {
            var current = ""
            for sentence in sentences(paragraph) {
                let candidate = current.isEmpty ? sentence : current + " " + sentence
                if !current.isEmpty && Tokenizer.count(candidate) > maxTokens {
                    chunks.append(current)
                    current = sentence
                } else {
                    current = candidate
                }
            }
            if !current.isEmpty { chunks.append(contentsOf: Tokenizer.count(current) > maxTokens ? fixed(current, maxTokens: maxTokens, overlap: 0) : [current]) }
        }
        return chunks
    }

    /// The sentences of `text`, each ending at `.`, `!` or `?`, trimmed.
    public static func sentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if ".!?".contains(character) {
                sentences.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
                current = ""
            }
        }
        sentences.append(current.trimmingCharacters(in: .whitespacesAndNewlines))
        return sentences.filter { !$0.isEmpty }
    }
}
