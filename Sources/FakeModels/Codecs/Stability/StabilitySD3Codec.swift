import BedrockAPI
import Foundation

/// Stability AI SD3 Large, SD3.5 Large, Stable Image Core and Ultra: a `prompt` with an
/// `aspect_ratio` (or an `image` to transform), answered as `images`, `seeds` and
/// `finish_reasons`. The images are PNG whatever `output_format` asks for.
struct StabilitySD3Codec: WholeAnswerCodec {
    /// Each aspect ratio's output size, about one megapixel.
    static let sizes: [String: (Int, Int)] = [
        "1:1": (1024, 1024), "16:9": (1344, 768), "21:9": (1536, 640), "2:3": (832, 1216), "3:2": (1216, 832),
        "4:5": (896, 1088), "5:4": (1088, 896), "9:16": (768, 1344), "9:21": (640, 1536),
    ]

    func answer(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> NativeAnswer {
        let request = try read(body)
        return NativeAnswer(body: ["seeds": [.integer(Int64(request.seed))], "finish_reasons": [.null], "images": .array(request.base64PNGs())],
                            inputTokens: request.promptTokens, outputTokens: 0)
    }

    func inputTokens(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> Int {
        try read(body).promptTokens
    }

    func read(_ json: JSONValue) throws(BedrockError) -> ImageRequest {
        var body = try NativeBody(json)
        body.require("prompt")
        var request = ImageRequest()
        request.prompt = body.string("prompt") ?? ""
        if request.prompt.count > 10_000 { body.fail("prompt", "expected maxLength: 10000, actual: \(request.prompt.count)") }
        _ = body.string("negative_prompt")
        _ = body.string("output_format", oneOf: ["png", "jpeg", "webp"])
        let mode = body.string("mode", oneOf: ["text-to-image", "image-to-image"]) ?? "text-to-image"
        let ratio = body.string("aspect_ratio", oneOf: Self.sizes.keys.sorted()) ?? "1:1"
        (request.width, request.height) = Self.sizes[ratio] ?? (1024, 1024)
        if mode == "image-to-image" {
            body.require("image", "strength")
            _ = body.number("strength", min: 0, max: 1)
            if body["aspect_ratio"] != nil { body.fail("aspect_ratio", "is not allowed in image-to-image mode") }
        }
        if let image = ImagePayload.decode("image", in: &body) { request.edit(image) }
        request.pickSeed(body.integer("seed", min: 0, max: 4_294_967_294), family: "sd3", below: 4_294_967_294)
        try body.finish()
        return request
    }
}
