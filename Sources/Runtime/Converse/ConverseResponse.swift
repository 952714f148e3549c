import BedrockAPI
import FakeModels

/// Writes the generator's answer as Converse output and as ConverseStream events.
struct ConverseResponse {
    let result: ChatResult
    let responseFieldPaths: [String]
    let latencyMs: Int

    var stopReason: String {
        switch result.stopReason {
        case .endTurn: "end_turn"
        case .maxTokens: "max_tokens"
        case .stopSequence: "stop_sequence"
        case .toolUse: "tool_use"
        }
    }

    var usage: ShapeValue {
        ["inputTokens": .integer(Int64(result.inputTokens)), "outputTokens": .integer(Int64(result.outputTokens)),
         "totalTokens": .integer(Int64(result.inputTokens + result.outputTokens))]
    }

    var metrics: ShapeValue { ["latencyMs": .integer(Int64(latencyMs))] }

    /// The response fields asked for by path; Claude's `/stop_sequence` is the one there is.
    var additionalFields: ShapeValue? {
        guard responseFieldPaths.contains("/stop_sequence") else { return nil }
        if case .stopSequence(let sequence) = result.stopReason { return ["stop_sequence": .string(sequence)] }
        return ["stop_sequence": .null]
    }

    /// The Converse output.
    var output: ShapeValue {
        let content: [ShapeValue] = result.content.compactMap { block in
            switch block {
            case .text(let text): ["text": .string(text)]
            case .toolUse(let id, let name, let input): ["toolUse": ["toolUseId": .string(id), "name": .string(name), "input": ShapeDecoder.document(input)]]
            case .reasoning(let text, let signature):
                ["reasoningContent": ["reasoningText": ["text": .string(text), "signature": .string(signature ?? Self.signature(text))]]]
            default: nil
            }
        }
        var value: [String: ShapeValue] = [
            "output": ["message": ["role": "assistant", "content": .list(content)]],
            "stopReason": .string(stopReason), "usage": usage, "metrics": metrics,
        ]
        value["additionalModelResponseFields"] = additionalFields
        return .map(value)
    }

    /// The ConverseStream events, in Bedrock's order.
    var events: [OperationOutputEvent] {
        var events: [OperationOutputEvent] = [("messageStart", ["role": "assistant"])]
        for (position, block) in result.content.enumerated() {
            let index = ShapeValue.integer(Int64(position))
            switch block {
            case .text(let text):
                for piece in Tokenizer.pieces(of: text, tokensPerPiece: 3) {
                    events.append(("contentBlockDelta", ["contentBlockIndex": index, "delta": ["text": .string(piece)]]))
                }
            case .toolUse(let id, let name, let input):
                events.append(("contentBlockStart", ["contentBlockIndex": index, "start": ["toolUse": ["toolUseId": .string(id), "name": .string(name)]]]))
                events.append(("contentBlockDelta", ["contentBlockIndex": index, "delta": ["toolUse": ["input": .string(input.jsonText)]]]))
            case .reasoning(let text, let signature):
                for piece in Tokenizer.pieces(of: text, tokensPerPiece: 3) {
                    events.append(("contentBlockDelta", ["contentBlockIndex": index, "delta": ["reasoningContent": ["text": .string(piece)]]]))
                }
                events.append(("contentBlockDelta", ["contentBlockIndex": index, "delta": ["reasoningContent": ["signature": .string(signature ?? Self.signature(text))]]]))
            default:
                continue
            }
            events.append(("contentBlockStop", ["contentBlockIndex": index]))
        }
        var stop: [String: ShapeValue] = ["stopReason": .string(stopReason)]
        stop["additionalModelResponseFields"] = additionalFields
        events.append(("messageStop", .map(stop)))
        events.append(("metadata", ["usage": usage, "metrics": metrics]))
        return events
    }

    static func signature(_ text: String) -> String {
        var random = SeededRandom(text: "sig\u{0}" + text)
        return random.alphanumeric(64)
    }
}

typealias OperationOutputEvent = (name: String, value: ShapeValue)
