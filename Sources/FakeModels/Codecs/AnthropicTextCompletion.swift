import BedrockAPI
import Foundation

/// Claude's legacy text completions: `"\n\nHuman: ...\n\nAssistant:"` prompts for Claude
/// Instant and 2.x; newer Claude models refuse them as Bedrock does.
struct AnthropicTextCompletion: ChatCodec {
    static let keys: Set<String> = ["prompt", "max_tokens_to_sample", "temperature", "top_p", "top_k", "stop_sequences", "anthropic_version"]

    func decode(_ json: JSONValue, _ invocation: Invocation) throws(BedrockError) -> ChatRequest {
        guard AnthropicCodec.legacyModels.contains(invocation.model.modelId) else {
            throw .validation("\"\(AnthropicCodec.modelName(invocation.model.modelId))\" is not supported on this API. Please use the Messages API instead.")
        }
        var body = try NativeBody(json)
        body.require("prompt", "max_tokens_to_sample")
        body.onlyKeys(Self.keys)
        let prompt = body.string("prompt") ?? ""
        var request = ChatRequest(prompt: prompt, maxTokens: body.integer("max_tokens_to_sample", min: 1))
        request.temperature = body.number("temperature", min: 0, max: 1)
        request.topP = body.number("top_p", min: 0, max: 1)
        _ = body.integer("top_k", min: 0, max: 500)
        request.stopSequences = body.strings("stop_sequences") ?? []
        try body.finish()
        guard prompt.contains("\n\nHuman:") else {
            throw .validation("prompt must start with \"\\n\\nHuman:\" turn after an optional system prompt")
        }
        guard prompt.hasSuffix("\n\nAssistant:") || prompt.hasSuffix("\n\nAssistant: ") else {
            throw .validation("prompt must end with \"\\n\\nAssistant:\" turn")
        }
        // The last Human turn is what the reply is about.
        let lastHuman = prompt.components(separatedBy: "\n\nHuman:").last ?? prompt
        let question = lastHuman.components(separatedBy: "\n\nAssistant:").first ?? lastHuman
        request.messages = [ChatMessage(role: .user, content: [.text(question.trimmingCharacters(in: .whitespacesAndNewlines))])]
        return request
    }

    func encode(_ result: ChatResult, _ request: ChatRequest, _ invocation: Invocation) -> JSONValue {
        let (reason, stop) = Self.stop(result.stopReason)
        return ["completion": .string(" " + result.text), "stop_reason": .string(reason), "stop": stop]
    }

    func chunks(_ result: ChatResult, _ request: ChatRequest, _ invocation: Invocation) -> [JSONValue] {
        let pieces = Tokenizer.pieces(of: " " + result.text, tokensPerPiece: invocation.tokensPerChunk ?? 3)
        let (reason, stop) = Self.stop(result.stopReason)
        return pieces.enumerated().map { index, piece in
            let last = index == pieces.count - 1
            return ["completion": .string(piece), "stop_reason": last ? .string(reason) : .null, "stop": last ? stop : .null]
        }
    }

    /// A finished completion stops at the next `"\n\nHuman:"`, so that is its stop sequence.
    static func stop(_ reason: StopReason) -> (String, JSONValue) {
        switch reason {
        case .maxTokens: ("max_tokens", .null)
        case .stopSequence(let s): ("stop_sequence", .string(s))
        default: ("stop_sequence", "\n\nHuman:")
        }
    }
}
