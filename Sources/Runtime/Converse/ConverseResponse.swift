import BedrockAPI
import EmulatorCore
import FakeModels

/// Writes the generator's answer as Converse output and as ConverseStream events.
struct ConverseResponse {
    let result: ChatResult
    let responseFieldPaths: [String]
    let latencyMs: Int
    let tokensPerChunk: Int
    /// A guardrail blocked or masked the input or the answer.
    var guardrailIntervened = false
    /// The `trace.guardrail` value when the guardrail configuration asked for a trace.
    var guardrailTrace: ShapeValue?
    /// What ConverseStream sends when it differs from `result`: the unjudged answer of the
    /// guardrail's async mode.
    var streamedResult: ChatResult?

    var stopReason: String { guardrailIntervened ? "guardrail_intervened" : result.stopReason.snakeCased }

    var trace: ShapeValue? { guardrailTrace.map { ShapeValue.map(["guardrail": $0]) } }

    var usage: ShapeValue {
        ["inputTokens": .integer(Int64(result.inputTokens)), "outputTokens": .integer(Int64(result.outputTokens)),
         "totalTokens": .integer(Int64(result.inputTokens + result.outputTokens))]
    }

    var metrics: ShapeValue { ["latencyMs": .integer(Int64(latencyMs))] }

    /// The response fields asked for by path; Claude's `/stop_sequence` is the one there is.
    var additionalFields: ShapeValue? {
        guard responseFieldPaths.contains("/stop_sequence") else { return nil }
        return ["stop_sequence": result.stopReason.stopSequence.map(ShapeValue.string) ?? .null]
    }

    /// The Converse output.
    var output: ShapeValue {
        let content: [ShapeValue] = result.content.compactMap { block in
            switch block {
            case .text(let text): ["text": .string(text)]
            case .toolUse(let id, let name, let input): ["toolUse": ["toolUseId": .string(id), "name": .string(name), "input": ShapeDecoder.document(input)]]
            case .reasoning(let text, let signature):
                ["reasoningContent": ["reasoningText": ["text": .string(text), "signature": .string(signature ?? ChatContent.signature(forReasoning: text))]]]
            default: nil
            }
        }
        var value: [String: ShapeValue] = [
            "output": ["message": ["role": "assistant", "content": .list(content)]],
            "stopReason": .string(stopReason), "usage": usage, "metrics": metrics,
        ]
        value["additionalModelResponseFields"] = additionalFields
        value["trace"] = trace
        return .map(value)
    }

    /// The ConverseStream events, in Bedrock's order.
    var events: [OperationOutput.Event] {
        var events: [OperationOutput.Event] = [.init("messageStart", ["role": "assistant"])]
        for (position, block) in (streamedResult ?? result).content.enumerated() {
            let index = ShapeValue.integer(Int64(position))
            switch block {
            case .text(let text):
                for piece in Tokenizer.pieces(of: text, tokensPerPiece: tokensPerChunk) {
                    events.append(.init("contentBlockDelta", ["contentBlockIndex": index, "delta": ["text": .string(piece)]]))
                }
            case .toolUse(let id, let name, let input):
                events.append(.init("contentBlockStart", ["contentBlockIndex": index, "start": ["toolUse": ["toolUseId": .string(id), "name": .string(name)]]]))
                events.append(.init("contentBlockDelta", ["contentBlockIndex": index, "delta": ["toolUse": ["input": .string(input.jsonText)]]]))
            case .reasoning(let text, let signature):
                for piece in Tokenizer.pieces(of: text, tokensPerPiece: tokensPerChunk) {
                    events.append(.init("contentBlockDelta", ["contentBlockIndex": index, "delta": ["reasoningContent": ["text": .string(piece)]]]))
                }
                events.append(.init("contentBlockDelta", ["contentBlockIndex": index, "delta": ["reasoningContent": ["signature": .string(signature ?? ChatContent.signature(forReasoning: text))]]]))
            default:
                continue
            }
            events.append(.init("contentBlockStop", ["contentBlockIndex": index]))
        }
        var stop: [String: ShapeValue] = ["stopReason": .string(stopReason)]
        stop["additionalModelResponseFields"] = additionalFields
        events.append(.init("messageStop", .map(stop)))
        var metadata: [String: ShapeValue] = ["usage": usage, "metrics": metrics]
        metadata["trace"] = trace
        events.append(.init("metadata", .map(metadata)))
        return events
    }
}
