import BedrockAPI

/// AI21 Jamba (Instruct, 1.5 Mini and Large): OpenAI-like `messages`, `n`, `stop` and
/// `tools`, answered as `choices` with `usage`; streams `delta` chunks.
struct AI21JambaCodec: ModelCodec {
    func invoke(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> NativeAnswer {
        let (request, count) = try read(body, invocation)
        if invocation.streaming && count > 1 { throw NativeBody.malformed(["#/n: must be 1 when streaming"]) }
        try invocation.check(request)
        let results = try invocation.samples(request, count: count)
        let input = results.first?.inputTokens ?? 0
        let output = results.reduce(0) { $0 + $1.outputTokens }
        var random = SeededRandom.forAnswer(request, salt: "jamba")
        let id = JSONValue.string("chatcmpl-" + random.uuid())
        let usage: JSONValue = ["prompt_tokens": .integer(Int64(input)), "completion_tokens": .integer(Int64(output)), "total_tokens": .integer(Int64(input + output))]
        guard invocation.streaming, let result = results.first else {
            let choices: [JSONValue] = results.enumerated().map { index, result in
                ["index": .integer(Int64(index)), "message": OpenAIStyleChat.message(result, idLength: 24),
                 "finish_reason": .string(OpenAIStyleChat.finishReason(result.stopReason))]
            }
            return NativeAnswer(body: ["id": id, "choices": .array(choices), "usage": usage], inputTokens: input, outputTokens: output)
        }
        let calls = OpenAIStyleChat.toolCalls(result, idLength: 24)
        let reason = JSONValue.string(OpenAIStyleChat.finishReason(result.stopReason))
        // The last chunk carries the finish reason and the usage, so clients need no empty chunk.
        let chunks: [JSONValue] = StreamPiece.pieces(of: result.text, totalTokens: result.outputTokens, tokensPerPiece: invocation.tokensPerChunk ?? 3).map { piece in
            var delta: [String: JSONValue] = ["content": .string(piece.text)]
            if piece.isFirst { delta["role"] = "assistant" }
            if piece.isLast && !calls.isEmpty { delta["tool_calls"] = .array(calls) }
            var chunk: [String: JSONValue] = ["id": id, "choices": [["index": 0, "delta": .object(delta), "finish_reason": piece.isLast ? reason : .null]]]
            if piece.isLast { chunk["usage"] = usage }
            return .object(chunk)
        }
        return NativeAnswer(body: .null, chunks: chunks, inputTokens: input, outputTokens: output)
    }

    func inputTokens(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> Int {
        ChatGenerator.inputTokens(of: try read(body, invocation).0)
    }

    func read(_ json: JSONValue, _ invocation: Invocation) throws(BedrockError) -> (ChatRequest, Int) {
        var body = try NativeBody(json)
        body.require("messages")
        var request = ChatRequest()
        OpenAIStyleChat.readMessages(&body, into: &request)
        OpenAIStyleChat.readTools(&body, into: &request)
        request.maxTokens = body.integer("max_tokens", min: 0, max: invocation.model.maxOutputTokens) ?? 4096
        request.temperature = body.number("temperature", min: 0, max: 2)
        request.topP = body.number("top_p", min: 0, max: 1)
        if case .string(let stop)? = body["stop"] { request.stopSequences = [stop] } else { request.stopSequences = body.strings("stop") ?? [] }
        let count = body.integer("n", min: 1, max: 16) ?? 1
        _ = body.number("frequency_penalty", min: -2, max: 2)
        _ = body.number("presence_penalty", min: -2, max: 2)
        try body.finish()
        if request.messages.isEmpty { throw NativeBody.malformed(["#/messages: expected minimum item count: 1, found: 0"]) }
        return (request, count)
    }
}
