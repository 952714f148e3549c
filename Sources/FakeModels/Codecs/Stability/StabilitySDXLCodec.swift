import BedrockAPI
import Foundation

/// Stability AI SDXL 0.8 and 1.0: weighted `text_prompts` with size, `cfg_scale`, `steps`,
/// `seed` and `style_preset` (and an `init_image` for image-to-image), answered as `artifacts`.
struct StabilitySDXLCodec: WholeAnswerCodec {
    static let sizes: Set<[Int]> = [[1024, 1024], [1152, 896], [1216, 832], [1344, 768], [1536, 640], [640, 1536], [768, 1344], [832, 1216], [896, 1152]]
    static let styles = [
        "3d-model", "analog-film", "anime", "cinematic", "comic-book", "digital-art", "enhance", "fantasy-art", "isometric",
        "line-art", "low-poly", "modeling-compound", "neon-punk", "origami", "photographic", "pixel-art", "tile-texture",
    ]
    static let guidancePresets = ["FAST_BLUE", "FAST_GREEN", "NONE", "SIMPLE", "SLOW", "SLOWER", "SLOWEST"]

    func answer(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> NativeAnswer {
        let request = try read(body)
        let artifacts: [JSONValue] = request.base64PNGs().map { ["seed": .integer(Int64(request.seed)), "base64": $0, "finishReason": "SUCCESS"] }
        return NativeAnswer(body: ["result": "success", "artifacts": .array(artifacts)], inputTokens: request.promptTokens, outputTokens: 0)
    }

    func inputTokens(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> Int {
        try read(body).promptTokens
    }

    func read(_ json: JSONValue) throws(BedrockError) -> ImageRequest {
        var body = try NativeBody(json)
        body.require("text_prompts")
        var request = ImageRequest()
        // Negative weights say what to avoid; the picture is drawn from the positive prompts.
        let prompts = body.objects("text_prompts") { (prompt: inout NativeBody) -> (String, Double) in
            prompt.require("text")
            return (prompt.string("text") ?? "", prompt.number("weight") ?? 1)
        } ?? []
        request.prompt = prompts.filter { $0.1 >= 0 }.map(\.0).joined(separator: " ")
        _ = body.number("cfg_scale", min: 0, max: 35)
        _ = body.integer("steps", min: 10, max: 150)
        _ = body.integer("samples", min: 1, max: 1)
        _ = body.string("style_preset", oneOf: Self.styles)
        _ = body.string("clip_guidance_preset", oneOf: Self.guidancePresets)
        _ = body.number("image_strength", min: 0, max: 1)
        if let image = ImagePayload.decode("init_image", in: &body) { request.edit(image) }
        let width = body.integer("width") ?? request.width
        let height = body.integer("height") ?? request.height
        if body["width"] != nil || body["height"] != nil, !Self.sizes.contains([width, height]) {
            body.fail(nil, "\(width)x\(height) is not a supported width x height")
        }
        (request.width, request.height) = (width, height)
        request.pickSeed(body.integer("seed", min: 0, max: 4_294_967_295), family: "sdxl", below: 4_294_967_295)
        try body.finish()
        return request
    }
}
