import BedrockAPI

/// Mistral's chat completion (Large 2407, Pixtral): OpenAI-like `messages` and `tools`,
/// answered as `choices` whose `stop_reason` is `stop`, `length` or `tool_calls`.
struct MistralChatCompletion: ChatCodec {
    func decode(_ json: JSONValue, _ invocation: Invocation) throws(BedrockError) -> ChatRequest {
        var body = try NativeBody(json)
        body.require("messages")
        var request = ChatRequest()
        OpenAIStyleChat.readMessages(&body, into: &request)
        OpenAIStyleChat.readTools(&body, into: &request)
        MistralCodec.readSampling(&body, into: &request, invocation)
        request.stopSequences = body.strings("stop", maxItems: 10) ?? []
        try body.finish()
        if request.messages.isEmpty { throw NativeBody.malformed(["#/messages: expected minimum item count: 1, found: 0"]) }
        return request
    }

    func encode(_ result: ChatResult, _ request: ChatRequest, _ invocation: Invocation) -> JSONValue {
        ["choices": [["index": 0, "message": OpenAIStyleChat.message(result, idLength: 9),
                      "stop_reason": .string(OpenAIStyleChat.finishReason(result.stopReason))]]]
    }

    /// Text arrives as message pieces; tool calls arrive whole in the last chunk.
    func chunks(_ result: ChatResult, _ request: ChatRequest, _ invocation: Invocation) -> [JSONValue] {
        let reason = JSONValue.string(OpenAIStyleChat.finishReason(result.stopReason))
        let calls = OpenAIStyleChat.toolCalls(result, idLength: 9)
        guard calls.isEmpty else {
            return [["choices": [["index": 0, "message": ["role": "assistant", "content": "", "tool_calls": .array(calls)], "stop_reason": reason]]]]
        }
        return StreamPiece.pieces(of: result.text, totalTokens: result.outputTokens, tokensPerPiece: invocation.tokensPerChunk ?? 3).map { piece in
            ["choices": [["index": 0, "message": ["role": "assistant", "content": .string(piece.text)], "stop_reason": piece.isLast ? reason : .null]]]
        }
    }
}
