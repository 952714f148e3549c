import BedrockAPI

/// DeepSeek-R1: a raw `prompt` in R1's template, answered as `choices` whose text holds the
/// model's reasoning, closed by `</think>`, then the answer. R1 always reasons.
struct DeepSeekCodec: ChatCodec {
    static let keys: Set<String> = ["prompt", "max_tokens", "temperature", "top_p", "stop"]

    func decode(_ json: JSONValue, _ invocation: Invocation) throws(BedrockError) -> ChatRequest {
        var body = try NativeBody(json)
        body.require("prompt")
        body.onlyKeys(Self.keys)
        let limit = body.integer("max_tokens", min: 1, max: invocation.model.maxOutputTokens)
        var request = PromptTemplate.deepSeek.request(prompt: body.string("prompt") ?? "", maxTokens: limit)
        request.temperature = body.number("temperature", min: 0, max: 1)
        request.topP = body.number("top_p", min: 0, max: 1)
        request.stopSequences = body.strings("stop", maxItems: 10) ?? []
        try body.finish()
        // Reasoning shares the output budget with the answer.
        request.reasoningBudget = limit ?? invocation.model.maxOutputTokens ?? 4096
        return request
    }

    /// The reasoning, then `</think>` and the answer once reasoning finished within the limit.
    static func text(_ result: ChatResult) -> String {
        let answer = result.text
        let reasoning = result.reasoningText
        if answer.isEmpty && result.stopReason == .maxTokens { return reasoning }
        return reasoning + "\n</think>\n\n" + answer
    }

    func encode(_ result: ChatResult, _ request: ChatRequest, _ invocation: Invocation) -> JSONValue {
        ["choices": [["text": .string(Self.text(result)), "stop_reason": .string(result.stopReason.stopOrLength)]]]
    }

    func chunks(_ result: ChatResult, _ request: ChatRequest, _ invocation: Invocation) -> [JSONValue] {
        StreamPiece.pieces(of: Self.text(result), totalTokens: result.outputTokens, tokensPerPiece: invocation.tokensPerChunk ?? 3).map { piece in
            ["choices": [["text": .string(piece.text), "stop_reason": piece.isLast ? .string(result.stopReason.stopOrLength) : .null]]]
        }
    }
}
