import BedrockAPI

/// AI21 Jurassic-2 (Mid, Ultra): a `prompt` with `maxTokens`, `topP`, `stopSequences` and
/// penalty objects, answered with token-level `completions`; it never streams.
struct AI21JurassicCodec: ModelCodec {
    static let penalties = [("countPenalty", 1.0), ("presencePenalty", 5.0), ("frequencyPenalty", 500.0)]

    func invoke(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> NativeAnswer {
        try invocation.refuseStreaming()
        let (request, count) = try read(body, invocation)
        try invocation.check(request)
        let results = try invocation.samples(request, count: count)
        var random = SeededRandom.forAnswer(request, salt: "jurassic")
        let prompt = body["prompt"]?.stringValue ?? ""
        let completions: [JSONValue] = results.map { result in
            ["data": ["text": .string(result.text), "tokens": Self.tokens(result.text, random: &random)],
             "finishReason": Self.finishReason(result.stopReason, maxTokens: request.maxTokens ?? 0)]
        }
        let answer: JSONValue = [
            // Bedrock returns Jurassic's id as an integer.
            "id": .integer(Int64(1000 + random.below(9000))),
            "prompt": ["text": .string(prompt), "tokens": Self.tokens(prompt, random: &random)],
            "completions": .array(completions),
        ]
        return NativeAnswer(body: answer, inputTokens: results.first?.inputTokens ?? 0, outputTokens: results.reduce(0) { $0 + $1.outputTokens })
    }

    func inputTokens(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> Int {
        ChatGenerator.inputTokens(of: try read(body, invocation).0)
    }

    func read(_ json: JSONValue, _ invocation: Invocation) throws(BedrockError) -> (ChatRequest, Int) {
        var body = try NativeBody(json)
        body.require("prompt")
        var request = PromptTemplate.plain.request(prompt: body.string("prompt") ?? "", maxTokens: body.integer("maxTokens", min: 0, max: invocation.model.maxOutputTokens) ?? 200)
        request.temperature = body.number("temperature", min: 0, max: 1)
        request.topP = body.number("topP", min: 0, max: 1)
        request.stopSequences = body.strings("stopSequences") ?? []
        let count = body.integer("numResults", min: 1, max: 16) ?? 1
        for (key, maximum) in Self.penalties {
            _ = body.object(key) { penalty in penalty.require("scale"); return penalty.number("scale", min: 0, max: maximum) }
        }
        try body.finish()
        return (request, count)
    }

    /// AI21's token list: `▁` marks a leading space, each token with a log probability and
    /// its range in the text.
    static func tokens(_ text: String, random: inout SeededRandom) -> JSONValue {
        var offset = 0
        var tokens: [JSONValue] = []
        for piece in Tokenizer.pieces(of: text, tokensPerPiece: 1) {
            let length = piece.count
            let logprob = JSONValue.double(-Double(random.below(5000)) / 1000)
            let token = piece.hasPrefix(" ") ? "▁" + piece.dropFirst() : piece
            tokens.append(["generatedToken": ["token": .string(token), "logprob": logprob, "raw_logprob": logprob],
                           "topTokens": .null, "textRange": ["start": .integer(Int64(offset)), "end": .integer(Int64(offset + length))]])
            offset += length
        }
        return .array(tokens)
    }

    static func finishReason(_ reason: StopReason, maxTokens: Int) -> JSONValue {
        switch reason {
        case .maxTokens: ["reason": "length", "length": .integer(Int64(maxTokens))]
        case .stopSequence(let sequence): ["reason": "stop", "sequence": .string(sequence)]
        default: ["reason": "endoftext"]
        }
    }
}
