import BedrockAPI

/// Amazon Titan Text (Lite, Express, Premier): `inputText` with an optional
/// `textGenerationConfig`, answered as `results` with a `completionReason`.
struct TitanTextCodec: ChatCodec {
    static let configKeys: Set<String> = ["maxTokenCount", "temperature", "topP", "stopSequences"]

    func decode(_ json: JSONValue, _ invocation: Invocation) throws(BedrockError) -> ChatRequest {
        var body = try NativeBody(json)
        body.require("inputText")
        body.onlyKeys(["inputText", "textGenerationConfig"])
        let text = body.string("inputText") ?? ""
        var request = PromptTemplate.titan.request(prompt: text, maxTokens: 512)
        _ = body.object("textGenerationConfig") { config in
            config.onlyKeys(Self.configKeys)
            request.maxTokens = config.integer("maxTokenCount", min: 0, max: invocation.model.maxOutputTokens) ?? 512
            request.temperature = config.number("temperature", min: 0, max: 1)
            request.topP = config.number("topP", min: 0, max: 1)
            request.stopSequences = config.strings("stopSequences") ?? []
        }
        try body.finish()
        return request
    }

    func encode(_ result: ChatResult, _ request: ChatRequest, _ invocation: Invocation) -> JSONValue {
        [
            "inputTextTokenCount": .integer(Int64(result.inputTokens)),
            "results": [[
                "tokenCount": .integer(Int64(result.outputTokens)),
                "outputText": .string(result.text),
                "completionReason": .string(Self.completionReason(result.stopReason)),
            ]],
        ]
    }

    func chunks(_ result: ChatResult, _ request: ChatRequest, _ invocation: Invocation) -> [JSONValue] {
        StreamPiece.pieces(of: result.text, totalTokens: result.outputTokens, tokensPerPiece: invocation.tokensPerChunk ?? 3).map { piece in
            [
                "outputText": .string(piece.text),
                "index": 0,
                "totalOutputTextTokenCount": .integer(Int64(piece.tokensSoFar)),
                "completionReason": piece.isLast ? .string(Self.completionReason(result.stopReason)) : .null,
                "inputTextTokenCount": piece.isFirst ? .integer(Int64(result.inputTokens)) : .null,
            ]
        }
    }

    static func completionReason(_ reason: StopReason) -> String {
        reason.spelled(endTurn: "FINISH", maxTokens: "LENGTH", stopSequence: "STOP_CRITERIA_MET")
    }
}
