import BedrockAPI
import Foundation

/// Amazon Titan Image Generator v1/v2 and Nova Canvas, which share one format: a `taskType`,
/// that task's parameters object, and `imageGenerationConfig`; answered as base64 PNGs.
struct TitanImageCodec: WholeAnswerCodec {
    /// Each task type and the key of its parameters object.
    static let taskParams: [String: String] = [
        "TEXT_IMAGE": "textToImageParams", "INPAINTING": "inPaintingParams", "OUTPAINTING": "outPaintingParams",
        "IMAGE_VARIATION": "imageVariationParams", "COLOR_GUIDED_GENERATION": "colorGuidedGenerationParams",
        "BACKGROUND_REMOVAL": "backgroundRemovalParams",
    ]
    static let firstGenerationTasks = ["TEXT_IMAGE", "INPAINTING", "OUTPAINTING", "IMAGE_VARIATION"]
    /// Titan's supported sizes (width x height); Nova Canvas takes any size within its rules.
    static let titanSizes: Set<[Int]> = [
        [1024, 1024], [768, 768], [512, 512], [768, 1152], [384, 576], [1152, 768], [576, 384], [768, 1280], [384, 640],
        [1280, 768], [640, 384], [896, 1152], [448, 576], [1152, 896], [576, 448], [768, 1408], [384, 704], [1408, 768],
        [704, 384], [640, 1408], [320, 704], [1408, 640], [704, 320], [1152, 640], [1173, 640],
    ]

    func answer(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> NativeAnswer {
        let request = try read(body, invocation.model)
        return NativeAnswer(body: ["images": .array(request.base64PNGs()), "error": .null], inputTokens: request.promptTokens, outputTokens: 0)
    }

    func inputTokens(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> Int {
        try read(body, invocation.model).promptTokens
    }

    func read(_ json: JSONValue, _ model: FoundationModel) throws(BedrockError) -> ImageRequest {
        let canvas = model.codec == "nova-canvas"
        let tasks = model.modelId == "amazon.titan-image-generator-v1" ? Self.firstGenerationTasks : Array(Self.taskParams.keys).sorted()
        var body = try NativeBody(json)
        body.require("taskType")
        body.onlyKeys(Set(["taskType", "imageGenerationConfig"] + Self.taskParams.values))
        let task = body.string("taskType", oneOf: tasks) ?? "TEXT_IMAGE"
        var request = ImageRequest()
        var source: Data?
        if let key = Self.taskParams[task] {
            if body[key] == nil { body.require(key) }
            _ = body.object(key) { params in
                if ["TEXT_IMAGE", "OUTPAINTING", "COLOR_GUIDED_GENERATION"].contains(task) { params.require("text") }
                if ["INPAINTING", "OUTPAINTING", "BACKGROUND_REMOVAL"].contains(task) { params.require("image") }
                if task == "IMAGE_VARIATION" { params.require("images") }
                if task == "COLOR_GUIDED_GENERATION" { _ = params.strings("colors", maxItems: 10); params.require("colors") }
                if task == "INPAINTING" || task == "OUTPAINTING", (params["maskPrompt"] == nil) == (params["maskImage"] == nil) {
                    params.fail(nil, "exactly one of [maskPrompt, maskImage] is required")
                }
                _ = params.string("outPaintingMode", oneOf: ["DEFAULT", "PRECISE"])
                _ = params.string("negativeText")
                request.prompt = params.string("text") ?? ""
                source = ImagePayload.decode("image", in: &params) ?? ImagePayload.decode("referenceImage", in: &params)
                if let first = params.strings("images", maxItems: 5)?.first { source = ImagePayload.decode(first) }
            }
        }
        if let source { request.edit(source) }
        _ = body.object("imageGenerationConfig") { config in
            request.count = config.integer("numberOfImages", min: 1, max: 5) ?? 1
            request.seed = config.integer("seed", min: 0, max: canvas ? 858_993_459 : 2_147_483_646) ?? (canvas ? 12 : 0)
            _ = config.number("cfgScale", min: 1.1, max: 10)
            _ = config.string("quality", oneOf: ["standard", "premium"])
            let width = config.integer("width") ?? request.width
            let height = config.integer("height") ?? request.height
            if config["width"] != nil || config["height"] != nil, let problem = Self.sizeProblem(width, height, canvas: canvas) {
                config.fail(nil, problem)
            }
            (request.width, request.height) = (width, height)
        }
        try body.finish()
        return request
    }

    /// Why a size is refused, or nil. Nova Canvas: sides of 320 to 4096 in steps of 16, an
    /// aspect ratio within 1:4 and 4:1, at most 4.19 million pixels.
    static func sizeProblem(_ width: Int, _ height: Int, canvas: Bool) -> String? {
        guard canvas else {
            return titanSizes.contains([width, height]) ? nil : "\(width)x\(height) is not a supported width x height"
        }
        if !(320...4096).contains(width) || !(320...4096).contains(height) { return "width and height must be between 320 and 4096" }
        if width % 16 != 0 || height % 16 != 0 { return "width and height must be divisible by 16" }
        if width > 4 * height || height > 4 * width { return "the aspect ratio must be between 1:4 and 4:1" }
        if width * height > 4_194_304 { return "width x height must be at most 4194304 pixels" }
        return nil
    }
}
