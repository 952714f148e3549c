import BedrockAPI

/// Cohere Embed v3 (English, Multilingual): up to 96 `texts` (or one data-URI image) with an
/// `input_type`, answered as float vectors or, with `embedding_types`, by type.
struct CohereEmbedCodec: WholeAnswerCodec {
    static let inputTypes = ["search_document", "search_query", "classification", "clustering", "image"]
    static let embeddingTypes = ["float", "int8", "uint8", "binary", "ubinary"]

    struct Request {
        var texts: [String] = []
        var images: [String] = []
        var types: [String]?
    }

    func answer(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> NativeAnswer {
        let request = try read(body)
        let dimensions = invocation.model.embeddingDimensions?.defaultValue ?? 1024
        let vectors = request.texts.map { Embedder.embed($0, dimensions: dimensions) }
            + request.images.map { Embedder.embed(image: ImagePayload.decode($0) ?? .init(), dimensions: dimensions) }
        var random = SeededRandom(text: "cohere-embed\u{0}" + body.jsonText)
        var answer: [String: JSONValue] = ["id": .string(random.uuid()), "texts": .array(request.texts.map(JSONValue.string))]
        if let types = request.types {
            answer["response_type"] = "embeddings_by_type"
            var byType: [String: JSONValue] = [:]
            for type in types { byType[type] = .array(vectors.map { Self.encode($0, as: type) }) }
            answer["embeddings"] = .object(byType)
        } else {
            answer["response_type"] = "embeddings_floats"
            answer["embeddings"] = .array(vectors.map { Self.encode($0, as: "float") })
        }
        if !request.images.isEmpty { answer["images"] = .array(request.images.map { _ in ["format": "png"] }) }
        return NativeAnswer(body: .object(answer), inputTokens: Self.tokens(request), outputTokens: 0)
    }

    func inputTokens(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> Int {
        Self.tokens(try read(body))
    }

    static func tokens(_ request: Request) -> Int { request.texts.reduce(0) { $0 + Tokenizer.count($1) } }

    func read(_ json: JSONValue) throws(BedrockError) -> Request {
        var body = try NativeBody(json)
        var request = Request()
        request.texts = body.strings("texts", maxItems: 96) ?? []
        request.images = body.strings("images", maxItems: 1) ?? []
        if body["texts"] == nil && body["images"] == nil { body.require("texts") }
        body.require("input_type")
        _ = body.string("input_type", oneOf: Self.inputTypes)
        _ = body.string("truncate", oneOf: ["NONE", "START", "END", "LEFT", "RIGHT"])
        request.types = body.strings("embedding_types")
        for (index, type) in (request.types ?? []).enumerated() where !Self.embeddingTypes.contains(type) {
            body.fail("embedding_types/\(index)", "\(type) is not a valid enum value")
        }
        try body.finish()
        return request
    }

    /// A vector in one of Cohere's encodings: signed or unsigned bytes scaled to the largest
    /// value, or sign bits packed eight to a byte.
    static func encode(_ vector: [Double], as type: String) -> JSONValue {
        let peak = max(vector.map(abs).max() ?? 1, 1e-12)
        switch type {
        case "int8", "uint8":
            let offset: Int64 = type == "uint8" ? 128 : 0
            return .array(vector.map { .integer(max(-128, min(127, Int64(($0 / peak * 127).rounded()))) + offset) })
        case "binary", "ubinary":
            var bytes: [JSONValue] = []
            for start in stride(from: 0, to: vector.count, by: 8) {
                let byte = vector[start..<min(start + 8, vector.count)].enumerated().reduce(0) { $0 | ($1.element > 0 ? 128 >> $1.offset : 0) }
                bytes.append(.integer(Int64(type == "binary" ? byte - 128 : byte)))
            }
            return .array(bytes)
        default:
            return .array(vector.map(JSONValue.double))
        }
    }
}
