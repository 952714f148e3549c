import BedrockAPI

/// Amazon Titan Text Embeddings: v1 takes only `inputText` (1,536 values); v2 adds
/// `dimensions`, `normalize` and `embeddingTypes` (float and binary).
struct TitanEmbedTextCodec: WholeAnswerCodec {
    struct Request {
        var text: String
        var dimensions: Int
        var normalize: Bool
        var types: [String]
    }

    func answer(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> NativeAnswer {
        let request = try read(body, invocation.model)
        let vector = Embedder.embed(request.text, dimensions: request.dimensions, normalize: request.normalize)
        let tokens = Tokenizer.count(request.text)
        var answer: [String: JSONValue] = [
            "embedding": .array(vector.map(JSONValue.double)),
            "inputTextTokenCount": .integer(Int64(tokens)),
        ]
        if !request.types.isEmpty {
            var byType: [String: JSONValue] = [:]
            if request.types.contains("float") { byType["float"] = answer["embedding"] }
            if request.types.contains("binary") { byType["binary"] = .array(vector.map { $0 > 0 ? 1 : 0 }) }
            answer["embeddingsByType"] = .object(byType)
        }
        return NativeAnswer(body: .object(answer), inputTokens: tokens, outputTokens: 0)
    }

    func inputTokens(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> Int {
        Tokenizer.count(try read(body, invocation.model).text)
    }

    func read(_ json: JSONValue, _ model: FoundationModel) throws(BedrockError) -> Request {
        let dimensions = model.embeddingDimensions ?? .init(defaultValue: 1536, allowed: [1536])
        // Only v2 offers a choice of sizes, and only it takes the options that go with it.
        let configurable = dimensions.allowed.count > 1
        var body = try NativeBody(json)
        body.require("inputText")
        body.onlyKeys(configurable ? ["inputText", "dimensions", "normalize", "embeddingTypes"] : ["inputText"])
        let text = body.string("inputText") ?? ""
        if body["inputText"]?.stringValue?.isEmpty == true { body.fail("inputText", "expected minLength: 1, actual: 0") }
        let size = configurable ? body.integer("dimensions") ?? dimensions.defaultValue : dimensions.defaultValue
        if !dimensions.allowed.contains(size) { body.fail("dimensions", "\(size) is not a valid enum value") }
        // v1 vectors are not unit length; v2 normalizes unless told not to.
        let normalize = body.bool("normalize") ?? configurable
        let types = body.strings("embeddingTypes") ?? []
        for (index, type) in types.enumerated() where !["float", "binary"].contains(type) {
            body.fail("embeddingTypes/\(index)", "\(type) is not a valid enum value")
        }
        try body.finish()
        return Request(text: text, dimensions: size, normalize: normalize, types: types)
    }
}
