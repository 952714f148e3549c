import BedrockAPI
import Foundation
@testable import FakeModels

/// One model of each native format, in a small inline catalog, and helpers that call a
/// model's codec the way the runtime does.
enum CodecTestModels {
    static let entries: [(id: String, codec: String, maxOutput: Int?, dimensions: String?)] = [
        ("amazon.titan-text-express-v1", "titan-text", 8192, nil),
        ("amazon.titan-embed-text-v1", "titan-embed-text", nil, #"{"default": 1536, "allowed": [1536]}"#),
        ("amazon.titan-embed-text-v2:0", "titan-embed-text", nil, #"{"default": 1024, "allowed": [256, 512, 1024]}"#),
        ("amazon.titan-embed-image-v1", "titan-embed-image", nil, #"{"default": 1024, "allowed": [256, 384, 1024]}"#),
        ("amazon.titan-image-generator-v1", "titan-image", nil, nil),
        ("amazon.titan-image-generator-v2:0", "titan-image", nil, nil),
        ("amazon.nova-canvas-v1:0", "nova-canvas", nil, nil),
        ("amazon.nova-lite-v1:0", "nova", 10000, nil),
        ("meta.llama3-8b-instruct-v1:0", "llama", 2048, nil),
        ("mistral.mistral-7b-instruct-v0:2", "mistral", 8192, nil),
        ("mistral.mistral-large-2407-v1:0", "mistral", 8192, nil),
        ("cohere.command-text-v14", "cohere-command", 4096, nil),
        ("cohere.command-r-v1:0", "cohere-command-r", 4000, nil),
        ("cohere.embed-english-v3", "cohere-embed", nil, #"{"default": 1024, "allowed": [1024]}"#),
        ("cohere.rerank-v3-5:0", "cohere-rerank", nil, nil),
        ("ai21.j2-mid-v1", "ai21-jurassic", 8191, nil),
        ("ai21.jamba-1-5-mini-v1:0", "ai21-jamba", 4096, nil),
        ("stability.stable-diffusion-xl-v1", "stability-sdxl", nil, nil),
        ("stability.sd3-large-v1:0", "stability-sd3", nil, nil),
        ("deepseek.r1-v1:0", "deepseek", 32768, nil),
    ]

    static let catalog: ModelCatalog = {
        let models = entries.map { entry in
            """
            {"modelId": "\(entry.id)", "modelName": "\(entry.id)", "providerName": "Test", "codec": "\(entry.codec)",
             "responseStreamingSupported": \(entry.maxOutput != nil), "contextWindow": 200000
             \(entry.maxOutput.map { #", "maxOutputTokens": \#($0)"# } ?? "")
             \(entry.dimensions.map { #", "embeddingDimensions": \#($0)"# } ?? "")}
            """
        }
        return try! ModelCatalog.load(Data(#"{"models": [\#(models.joined(separator: ","))]}"#.utf8))
    }()

    static func model(_ id: String) -> FoundationModel { catalog.model(id: id)! }

    /// The model's codec answering `body`, as InvokeModel (or the stream) would.
    static func invoke(_ id: String, _ body: JSONValue, streaming: Bool = false) throws -> NativeAnswer {
        let model = model(id)
        return try Codecs.codec(for: model)!.invoke(body, Invocation(model: model, streaming: streaming))
    }

    /// The ValidationException message `body` earns, or nil when it is answered.
    static func failure(_ id: String, _ body: JSONValue, streaming: Bool = false) -> String? {
        do {
            _ = try invoke(id, body, streaming: streaming)
            return nil
        } catch let error as BedrockError {
            return error.code == "ValidationException" ? error.message : "\(error.code): \(error.message)"
        } catch {
            return "\(error)"
        }
    }

    /// The answer's bytes: the body, or every chunk, as JSON text.
    static func text(_ answer: NativeAnswer) -> String {
        answer.body.jsonText + answer.chunks.map(\.jsonText).joined(separator: "\n")
    }

    /// Whether the same body gives byte-identical answers twice.
    static func isDeterministic(_ id: String, _ body: JSONValue, streaming: Bool = false) throws -> Bool {
        text(try invoke(id, body, streaming: streaming)) == text(try invoke(id, body, streaming: streaming))
    }

    /// A small real PNG, base64, for the formats that take an input image.
    static let smallPNG = ImageMaker.images(prompt: "input", seed: 1, width: 64, height: 48, count: 1)[0].base64EncodedString()

    /// The width and height of a base64 PNG in an answer.
    static func size(ofBase64 value: JSONValue?) -> (Int, Int)? {
        guard let text = value?.stringValue, let data = Data(base64Encoded: text) else { return nil }
        return ImagePayload.size(of: data)
    }
}

extension JSONValue {
    /// An array element, nil out of range: lets tests walk answers like `body["choices"]?[0]`.
    subscript(index: Int) -> JSONValue? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }
}
