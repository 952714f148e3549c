import BedrockAPI

/// Mistral's text completion: `<s>[INST] ... [/INST]` prompts answered as `outputs`.
struct MistralTextCompletion: ChatCodec {
    static let keys: Set<String> = ["prompt", "max_tokens", "stop", "temperature", "top_p", "top_k"]

    func decode(_ json: JSONValue, _ invocation: Invocation) throws(BedrockError) -> ChatRequest {
        var body = try NativeBody(json)
        body.require("prompt")
        body.onlyKeys(Self.keys)
        var request = PromptTemplate.mistral.request(prompt: body.string("prompt") ?? "", maxTokens: nil)
        MistralCodec.readSampling(&body, into: &request, invocation)
        request.stopSequences = body.strings("stop", maxItems: 10) ?? []
        _ = body.integer("top_k", min: 1, max: 200)
        try body.finish()
        return request
    }

    func encode(_ result: ChatResult, _ request: ChatRequest, _ invocation: Invocation) -> JSONValue {
        ["outputs": [["text": .string(result.text), "stop_reason": .string(result.stopReason.stopOrLength)]]]
    }

    func chunks(_ result: ChatResult, _ request: ChatRequest, _ invocation: Invocation) -> [JSONValue] {
        StreamPiece.pieces(of: result.text, totalTokens: result.outputTokens, tokensPerPiece: invocation.tokensPerChunk ?? 3).map { piece in
            ["outputs": [["text": .string(piece.text), "stop_reason": piece.isLast ? .string(result.stopReason.stopOrLength) : .null]]]
        }
    }
}
