import BedrockAPI
import FakeModels

extension AgentOrchestrator {
    /// The system prompt: the instruction, the prompt session attributes, summaries of
    /// earlier sessions, and the passages the knowledge bases returned.
    func systemPrompt(session: AgentSession, passages: [String]) -> String {
        var parts = [setup.instruction]
        let attributes = session.promptSessionAttributes.sorted { $0.key < $1.key }.compactMap { key, value in value.stringValue.map { "\(key): \($0)" } }
        if !attributes.isEmpty { parts.append("Session attributes:\n" + attributes.joined(separator: "\n")) }
        if !session.summaries.isEmpty { parts.append("Summaries of earlier sessions:\n" + session.summaries.joined(separator: "\n")) }
        if !passages.isEmpty { parts.append("Search results:\n" + passages.enumerated().map { "[\($0.offset + 1)] \($0.element)" }.joined(separator: "\n")) }
        return parts.joined(separator: "\n\n")
    }

    /// The final answer as chunk events: one, or (streamed) a chunk every few words. The
    /// citation of the knowledge bases' references rides on the last chunk.
    func chunks(of answer: String, references: [ShapeValue], streamed: Bool) -> [AgentTurn.Event] {
        var attribution: ShapeValue?
        if !references.isEmpty {
            let part: ShapeValue = ["textResponsePart": ["text": .string(answer), "span": ["start": 0, "end": .integer(Int64(max(answer.count - 1, 0)))]]]
            attribution = ["citations": [["generatedResponsePart": part, "retrievedReferences": .list(references)]]]
        }
        guard streamed else { return [.chunk(text: answer, attribution: attribution)] }
        let words = answer.split(separator: " ", omittingEmptySubsequences: false)
        let pieces = stride(from: 0, to: max(words.count, 1), by: 8).map { start in
            words[start..<min(start + 8, words.count)].joined(separator: " ") + (start + 8 < words.count ? " " : "")
        }
        return pieces.enumerated().map { index, piece in .chunk(text: piece, attribution: index == pieces.count - 1 ? attribution : nil) }
    }
}
