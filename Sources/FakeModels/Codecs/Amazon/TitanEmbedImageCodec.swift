import BedrockAPI
import Foundation

/// Amazon Titan Multimodal Embeddings: `inputText` and/or `inputImage` (base64), with
/// `embeddingConfig.outputEmbeddingLength` of 256, 384 or 1024.
struct TitanEmbedImageCodec: WholeAnswerCodec {
    func answer(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> NativeAnswer {
        let (text, image, length) = try read(body, invocation.model)
        var parts: [[Double]] = []
        if let text { parts.append(Embedder.embed(text, dimensions: length)) }
        if let image { parts.append(Embedder.embed(image: image, dimensions: length)) }
        // Text and image together embed as the normalized mean of the two.
        var vector = parts.count == 1 ? parts[0] : zip(parts[0], parts[1]).map { ($0 + $1) / 2 }
        if parts.count > 1 {
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm > 0 { vector = vector.map { ($0 / norm * 1e8).rounded() / 1e8 } }
        }
        let tokens = text.map(Tokenizer.count) ?? 0
        return NativeAnswer(body: [
            "embedding": .array(vector.map(JSONValue.double)),
            "inputTextTokenCount": .integer(Int64(tokens)),
            "message": .null,
        ], inputTokens: tokens, outputTokens: 0)
    }

    func inputTokens(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> Int {
        try read(body, invocation.model).0.map(Tokenizer.count) ?? 0
    }

    func read(_ json: JSONValue, _ model: FoundationModel) throws(BedrockError) -> (String?, Data?, Int) {
        let lengths = model.embeddingDimensions ?? .init(defaultValue: 1024, allowed: [256, 384, 1024])
        var body = try NativeBody(json)
        body.onlyKeys(["inputText", "inputImage", "embeddingConfig"])
        let text = body.string("inputText")
        let image = ImagePayload.decode("inputImage", in: &body)
        if body["inputText"] == nil && body["inputImage"] == nil {
            body.fail(nil, "at least one of [inputText, inputImage] is required")
        }
        let length = body.object("embeddingConfig") { config in
            config.onlyKeys(["outputEmbeddingLength"])
            let length = config.integer("outputEmbeddingLength")
            if let length, !lengths.allowed.contains(length) { config.fail("outputEmbeddingLength", "\(length) is not a valid enum value") }
            return length
        } ?? nil
        try body.finish()
        return (text, image, length ?? lengths.defaultValue)
    }
}
