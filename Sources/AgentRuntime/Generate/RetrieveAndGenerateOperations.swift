import BedrockAPI
import EmulatorCore
import FakeModels
import Runtime

/// RetrieveAndGenerate and RetrieveAndGenerateStream: the same answer (see
/// `KnowledgeBaseGeneration`), whole or as `output` pieces each followed by the `citation`
/// of the part it finishes, then `guardrail` when one is configured.
public enum RetrieveAndGenerateOperations {
    static let service = "bedrock-agent-runtime"
    /// Output tokens per `output` event when the scenario does not say.
    static let tokensPerEvent = 8

    /// Registers RetrieveAndGenerate and RetrieveAndGenerateStream.
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let generation = KnowledgeBaseGeneration(environment: environment)

        registry.register(service, "RetrieveAndGenerate", decidesRules: true) { request in
            let turn = try await generation.answer(request)
            if let wait = request.context.rules.decision?.answerMs(outputTokens: turn.outputTokens), wait > 0 {
                try? await Task.sleep(for: .milliseconds(wait))
            }
            var output: [String: ShapeValue] = [
                "sessionId": .string(turn.sessionId), "output": ["text": .string(turn.answer.text)], "citations": .list(turn.citations),
            ]
            output["guardrailAction"] = turn.guardrailAction.map { .string($0) }
            return OperationOutput(.map(output), usage: (turn.inputTokens, turn.outputTokens))
        }

        registry.register(service, "RetrieveAndGenerateStream", decidesRules: true) { request in
            let turn = try await generation.answer(request)
            let chunkTokens = request.context.rules.decision?.action.chunkTokens ?? tokensPerEvent
            let stream = OperationOutput.stream(
                of: events(of: turn, tokensPerEvent: chunkTokens), outputTokens: turn.outputTokens, decision: request.context.rules.decision)
            return OperationOutput(["sessionId": .string(turn.sessionId)], events: stream, usage: (turn.inputTokens, turn.outputTokens))
        }
    }

    /// The stream's events: each part's text in pieces, then its citation when it cites a passage.
    static func events(of turn: KnowledgeBaseGeneration.Turn, tokensPerEvent: Int) -> [OperationOutput.Event] {
        var events: [OperationOutput.Event] = []
        var citations = turn.citations.makeIterator()
        for (index, part) in turn.answer.parts.enumerated() {
            for piece in Tokenizer.pieces(of: (index > 0 ? " " : "") + part.text, tokensPerPiece: max(1, tokensPerEvent)) {
                events.append(.init("output", ["text": .string(piece)]))
            }
            if !part.sources.isEmpty, let citation = citations.next() {
                events.append(.init("citation", [
                    "citation": citation, "generatedResponsePart": citation["generatedResponsePart"] ?? .null,
                    "retrievedReferences": citation["retrievedReferences"] ?? .list([]),
                ]))
            }
        }
        if let action = turn.guardrailAction { events.append(.init("guardrail", ["action": .string(action)])) }
        return events
    }
}
