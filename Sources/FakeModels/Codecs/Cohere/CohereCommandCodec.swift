import BedrockAPI

/// Cohere Command and Command Light: a `prompt` with `max_tokens`, `p`, `k`,
/// `num_generations` and `return_likelihoods`, answered as `generations` (several
/// generations at once, so it is not a one-answer `ChatCodec`).
struct CohereCommandCodec: ModelCodec {
    struct Options {
        var prompt = ""
        var generations = 1
        var likelihoods = "NONE"
    }

    func invoke(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> NativeAnswer {
        let (request, options) = try read(body, invocation)
        try invocation.check(request)
        let results = try invocation.samples(request, count: options.generations)
        let response = Self.response(results, request, options)
        let output = results.reduce(0) { $0 + $1.outputTokens }
        let input = results.first?.inputTokens ?? 0
        guard invocation.streaming else { return NativeAnswer(body: response, inputTokens: input, outputTokens: output) }
        var chunks: [JSONValue] = []
        for (index, result) in results.enumerated() {
            for piece in StreamPiece.pieces(of: result.text, totalTokens: result.outputTokens, tokensPerPiece: invocation.tokensPerChunk ?? 3) {
                var chunk: [String: JSONValue] = ["text": .string(piece.text), "is_finished": false]
                // Cohere numbers the chunks of each generation only when there are several.
                if results.count > 1 { chunk["index"] = .integer(Int64(index)) }
                chunks.append(.object(chunk))
            }
        }
        let reason = results.last.map { Self.finishReason($0.stopReason) } ?? "COMPLETE"
        chunks.append(["is_finished": true, "finish_reason": .string(reason), "response": response])
        return NativeAnswer(body: .null, chunks: chunks, inputTokens: input, outputTokens: output)
    }

    func inputTokens(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> Int {
        ChatGenerator.inputTokens(of: try read(body, invocation).0)
    }

    func read(_ json: JSONValue, _ invocation: Invocation) throws(BedrockError) -> (ChatRequest, Options) {
        var body = try NativeBody(json)
        body.require("prompt")
        let prompt = body.string("prompt") ?? ""
        var request = PromptTemplate.plain.request(prompt: prompt, maxTokens: body.integer("max_tokens", min: 1, max: invocation.model.maxOutputTokens) ?? 20)
        request.temperature = body.number("temperature", min: 0, max: 5)
        request.topP = body.number("p", min: 0, max: 1)
        _ = body.number("k", min: 0, max: 500)
        request.stopSequences = body.strings("stop_sequences", maxItems: 4) ?? []
        var options = Options(prompt: prompt)
        options.generations = body.integer("num_generations", min: 1, max: 5) ?? 1
        options.likelihoods = body.string("return_likelihoods", oneOf: ["GENERATION", "ALL", "NONE"]) ?? "NONE"
        _ = body.bool("stream")
        _ = body.string("truncate", oneOf: ["NONE", "START", "END"])
        try body.finish()
        return (request, options)
    }

    /// The whole answer; streams end with it as their `response`.
    static func response(_ results: [ChatResult], _ request: ChatRequest, _ options: Options) -> JSONValue {
        var random = SeededRandom.forAnswer(request, salt: "cohere-command")
        let generations: [JSONValue] = results.enumerated().map { index, result in
            var generation: [String: JSONValue] = [
                "id": .string(random.uuid()), "text": .string(result.text), "finish_reason": .string(finishReason(result.stopReason)),
            ]
            if results.count > 1 { generation["index"] = .integer(Int64(index)) }
            if options.likelihoods != "NONE" {
                let pieces = Tokenizer.pieces(of: result.text, tokensPerPiece: 1)
                let scores = pieces.map { _ in -Double(random.below(4000)) / 1000 }
                generation["likelihood"] = .double(scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count))
                generation["token_likelihoods"] = .array(zip(pieces, scores).map { ["token": .string($0), "likelihood": .double($1)] })
            }
            return .object(generation)
        }
        return ["id": .string(random.uuid()), "generations": .array(generations), "prompt": .string(options.prompt)]
    }

    static func finishReason(_ reason: StopReason) -> String { reason.spelled(endTurn: "COMPLETE", maxTokens: "MAX_TOKENS") }
}
