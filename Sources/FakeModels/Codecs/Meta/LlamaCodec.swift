import BedrockAPI

/// Meta Llama 2, 3, 3.x and 4: a raw `prompt` in the model's chat template, with
/// `max_gen_len`, `temperature`, `top_p` and, for the vision models, base64 `images`.
struct LlamaCodec: ChatCodec {
    static let keys: Set<String> = ["prompt", "max_gen_len", "temperature", "top_p", "images"]

    func decode(_ json: JSONValue, _ invocation: Invocation) throws(BedrockError) -> ChatRequest {
        var body = try NativeBody(json)
        body.require("prompt")
        body.onlyKeys(Self.keys)
        let prompt = body.string("prompt") ?? ""
        var request = PromptTemplate.llama.request(prompt: prompt, maxTokens: body.integer("max_gen_len", min: 1, max: invocation.model.maxOutputTokens) ?? 512)
        request.temperature = body.number("temperature", min: 0, max: 1)
        request.topP = body.number("top_p", min: 0, max: 1)
        let images = body.strings("images") ?? []
        try body.finish()
        // The images go with the question: the last user turn.
        if !images.isEmpty, let last = request.messages.lastIndex(where: { $0.role == .user }) {
            request.messages[last].content += images.map { .image(format: "image/png", byteCount: $0.utf8.count * 3 / 4) }
        }
        return request
    }

    func encode(_ result: ChatResult, _ request: ChatRequest, _ invocation: Invocation) -> JSONValue {
        [
            "generation": .string(result.text),
            "prompt_token_count": .integer(Int64(result.inputTokens)),
            "generation_token_count": .integer(Int64(result.outputTokens)),
            "stop_reason": .string(result.stopReason.stopOrLength),
        ]
    }

    func chunks(_ result: ChatResult, _ request: ChatRequest, _ invocation: Invocation) -> [JSONValue] {
        StreamPiece.pieces(of: result.text, totalTokens: result.outputTokens, tokensPerPiece: invocation.tokensPerChunk ?? 3).map { piece in
            [
                "generation": .string(piece.text),
                "prompt_token_count": piece.isFirst ? .integer(Int64(result.inputTokens)) : .null,
                "generation_token_count": .integer(Int64(piece.tokensSoFar)),
                "stop_reason": piece.isLast ? .string(result.stopReason.stopOrLength) : .null,
            ]
        }
    }
}
