import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// An answer built from passages, in parts, each part citing the passages it came from, so
/// every citation's span indexes the answer's text exactly and points at a passage that
/// really says it.
public struct GroundedAnswer: Sendable, Equatable {
    /// One sentence-sized part of the answer and the indexes of the passages it cites.
    public struct Part: Sendable, Equatable {
        public var text: String
        public var sources: [Int]

        public init(text: String, sources: [Int]) {
            self.text = text
            self.sources = sources
        }
    }

    /// What the answer says when no passage holds what was asked, in AWS's words.
    public static let cannotAnswer = "Sorry, I am unable to assist you with this request."
    /// How many passages an answer draws on at most.
    static let maximumParts = 3

    public var parts: [Part]

    public init(parts: [Part]) { self.parts = parts }

    /// The answer's text: its parts joined by spaces.
    public var text: String { parts.map(\.text).joined(separator: " ") }

    /// The answer the fake models give: from each of the best passages that share words with
    /// the question, the sentence sharing the most, citing that passage; `context` (earlier
    /// turns) lends its words when the question's own match nothing. No such passage:
    /// `cannotAnswer`, citing nothing.
    public static func composing(question: String, context: String = "", passages: [GroundingPassage]) -> GroundedAnswer {
        var parts = extract(KnowledgeBaseSearch.keywords(question), from: passages)
        if parts.isEmpty && !context.isEmpty { parts = extract(KnowledgeBaseSearch.keywords(question + " " + context), from: passages) }
        return GroundedAnswer(parts: parts.isEmpty ? [Part(text: cannotAnswer, sources: [])] : parts)
    }

    static func extract(_ words: Set<String>, from passages: [GroundingPassage]) -> [Part] {
        guard !words.isEmpty else { return [] }
        var parts: [Part] = []
        for (index, passage) in passages.enumerated() where parts.count < maximumParts {
            let scored = sentences(passage.text).map { ($0, words.intersection(KnowledgeBaseSearch.keywords($0)).count) }
            guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 > 0 else { continue }
            if let same = parts.firstIndex(where: { $0.text == best.0 }) {
                parts[same].sources.append(index)
            } else {
                parts.append(Part(text: best.0, sources: [index]))
            }
        }
        return parts
    }

    /// An answer a scenario scripted: parts marked up as the output format instructions ask
    /// (`<answer_part><text>…</text><sources><source>1</source></sources></answer_part>`,
    /// sources counted from 1), else each sentence citing the passage that shares the most
    /// of its words, if any does.
    public static func reading(_ reply: String, passages: [GroundingPassage]) -> GroundedAnswer {
        let marked = markedParts(reply, passageCount: passages.count)
        if !marked.isEmpty { return GroundedAnswer(parts: marked) }
        let parts = sentences(reply).map { sentence -> Part in
            let words = KnowledgeBaseSearch.keywords(sentence)
            let shared = passages.map { words.intersection(KnowledgeBaseSearch.keywords($0.text)).count }
            guard let best = shared.indices.max(by: { shared[$0] < shared[$1] || (shared[$0] == shared[$1] && $0 > $1) }), shared[best] > 0 else {
                return Part(text: sentence, sources: [])
            }
            return Part(text: sentence, sources: [best])
        }
        return GroundedAnswer(parts: parts.isEmpty ? [Part(text: reply, sources: [])] : parts)
    }

    /// The sentences of `text`, a line break ending one too (a heading is not part of the next line).
    static func sentences(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).flatMap { Chunker.sentences(String($0)) }
    }

    static func markedParts(_ reply: String, passageCount: Int) -> [Part] {
        reply.components(separatedBy: "<answer_part>").dropFirst().compactMap { block in
            guard let text = between(block, "<text>", "</text>")?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            let sources = block.components(separatedBy: "<source>").dropFirst().compactMap { between("<source>" + $0, "<source>", "</source>") }
                .compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map { $0 - 1 }.filter { (0..<passageCount).contains($0) }
            return Part(text: text, sources: sources)
        }
    }

    static func between(_ text: String, _ open: String, _ close: String) -> String? {
        guard let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }

    /// The answer cut as the inference configuration says: at the first stop sequence, then
    /// to `maxTokens`; parts cut away entirely are dropped.
    public func limited(maxTokens: Int?, stopSequences: [String]) -> GroundedAnswer {
        var kept: [Part] = []
        var used = 0
        for var part in parts {
            let separator = kept.isEmpty ? "" : " "
            var stopped = false
            if let stop = stopSequences.filter({ !$0.isEmpty }).compactMap({ part.text.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) {
                part.text = String(part.text[..<stop.lowerBound]).trimmingCharacters(in: .whitespaces)
                stopped = true
            }
            if let maxTokens {
                let room = maxTokens - used - Tokenizer.count(separator)
                if Tokenizer.count(part.text) > room {
                    part.text = Tokenizer.prefix(of: part.text, tokens: max(0, room)).trimmingCharacters(in: .whitespaces)
                    stopped = true
                }
            }
            if !part.text.isEmpty {
                used += Tokenizer.count(separator + part.text)
                kept.append(part)
            }
            if stopped { break }
        }
        return GroundedAnswer(parts: kept)
    }

    /// The `Citation` values: one per part that cites a passage, its span the part's place
    /// in `text` in characters (Unicode scalars), `end` inclusive, as AWS counts it.
    public func citations(_ passages: [GroundingPassage]) -> [ShapeValue] {
        var citations: [ShapeValue] = []
        var offset = 0
        for (index, part) in parts.enumerated() {
            if index > 0 { offset += 1 }
            let length = part.text.unicodeScalars.count
            if !part.sources.isEmpty {
                let span: ShapeValue = ["start": .integer(Int64(offset)), "end": .integer(Int64(offset + max(0, length - 1)))]
                citations.append([
                    "generatedResponsePart": ["textResponsePart": ["text": .string(part.text), "span": span]],
                    "retrievedReferences": .list(part.sources.map { passages[$0].reference }),
                ])
            }
            offset += length
        }
        return citations
    }
}
