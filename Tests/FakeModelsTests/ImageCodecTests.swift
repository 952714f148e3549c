import BedrockAPI
import Testing
@testable import FakeModels

@Suite struct ImageCodecTests {
    typealias M = CodecTestModels
    let titan = "amazon.titan-image-generator-v1"
    let titan2 = "amazon.titan-image-generator-v2:0"
    let canvas = "amazon.nova-canvas-v1:0"

    func textImage(_ text: String, config: JSONValue) -> JSONValue {
        ["taskType": "TEXT_IMAGE", "textToImageParams": ["text": .string(text), "negativeText": "blurry"], "imageGenerationConfig": config]
    }

    @Test func titanGeneratesTheRequestedImages() throws {
        let answer = try M.invoke(titan, textImage("a lighthouse at dusk", config: ["numberOfImages": 2, "width": 512, "height": 512, "cfgScale": 8, "seed": 42]))
        let images = try #require(answer.body["images"]?.arrayValue)
        #expect(images.count == 2)
        #expect(M.size(ofBase64: images[0]).map { [$0.0, $0.1] } == [512, 512])
        #expect(images[0] != images[1])
        #expect(answer.body["error"] == .null)
    }

    @Test func titanRefusesBadSizesCountsAndTasks() {
        #expect(M.failure(titan, textImage("x", config: ["width": 500, "height": 500]))
            == "Malformed input request: #/imageGenerationConfig: 500x500 is not a supported width x height, please reformat your input and try again.")
        #expect(M.failure(titan, textImage("x", config: ["numberOfImages": 6, "width": 512, "height": 512]))
            == "Malformed input request: #/imageGenerationConfig/numberOfImages: 6 is not less or equal to 5, please reformat your input and try again.")
        #expect(M.failure(titan, ["taskType": "BACKGROUND_REMOVAL", "backgroundRemovalParams": ["image": .string(M.smallPNG)]])
            == "Malformed input request: #/taskType: BACKGROUND_REMOVAL is not a valid enum value, please reformat your input and try again.")
        #expect(M.failure(titan, ["taskType": "TEXT_IMAGE", "textToImageParams": [:]])
            == "Malformed input request: #/textToImageParams: required key [text] not found, please reformat your input and try again.")
        #expect(M.failure(titan, textImage("x", config: [:]), streaming: true)?.contains("doesn't support streaming") == true)
    }

    @Test func editsComeBackAtTheInputSize() throws {
        let answer = try M.invoke(titan2, ["taskType": "BACKGROUND_REMOVAL", "backgroundRemovalParams": ["image": .string(M.smallPNG)]])
        #expect(M.size(ofBase64: answer.body["images"]?[0]).map { [$0.0, $0.1] } == [64, 48])
        let inpaint: JSONValue = ["taskType": "INPAINTING", "inPaintingParams": ["image": .string(M.smallPNG), "maskPrompt": "the sky", "text": "stars"]]
        #expect(try M.invoke(titan2, inpaint).body["images"]?.arrayValue?.count == 1)
        #expect(M.failure(titan2, ["taskType": "INPAINTING", "inPaintingParams": ["image": .string(M.smallPNG)]])
            == "Malformed input request: #/inPaintingParams: exactly one of [maskPrompt, maskImage] is required, please reformat your input and try again.")
    }

    @Test func novaCanvasTakesAnySizeWithinItsRules() throws {
        let answer = try M.invoke(canvas, textImage("a red fox", config: ["width": 320, "height": 480, "quality": "standard"]))
        #expect(M.size(ofBase64: answer.body["images"]?[0]).map { [$0.0, $0.1] } == [320, 480])
        #expect(M.failure(canvas, textImage("x", config: ["width": 330, "height": 480]))
            == "Malformed input request: #/imageGenerationConfig: width and height must be divisible by 16, please reformat your input and try again.")
        #expect(M.failure(canvas, textImage("x", config: ["width": 1600, "height": 320]))
            == "Malformed input request: #/imageGenerationConfig: the aspect ratio must be between 1:4 and 4:1, please reformat your input and try again.")
        let colors: JSONValue = ["taskType": "COLOR_GUIDED_GENERATION", "colorGuidedGenerationParams": ["text": "a garden", "colors": ["#ff0000"]],
                                 "imageGenerationConfig": ["width": 320, "height": 320]]
        #expect(try M.invoke(canvas, colors).body["images"]?.arrayValue?.count == 1)
        #expect(try M.isDeterministic(canvas, textImage("a red fox", config: ["width": 320, "height": 320, "seed": 7])))
    }

    @Test func sdxlAnswersWithArtifacts() throws {
        let body: JSONValue = ["text_prompts": [["text": "a castle on a hill", "weight": 1], ["text": "fog", "weight": -1]], "cfg_scale": 7, "steps": 30, "style_preset": "fantasy-art"]
        let answer = try M.invoke("stability.stable-diffusion-xl-v1", body)
        #expect(answer.body["result"] == "success")
        let artifact = try #require(answer.body["artifacts"]?[0])
        #expect(artifact["finishReason"] == "SUCCESS")
        #expect((artifact["seed"]?.intValue ?? 0) > 0)
        #expect(M.size(ofBase64: artifact["base64"]).map { [$0.0, $0.1] } == [1024, 1024])
        #expect(M.failure("stability.stable-diffusion-xl-v1", ["text_prompts": [["text": "x"]], "width": 1000, "height": 1000])
            == "Malformed input request: #: 1000x1000 is not a supported width x height, please reformat your input and try again.")
        #expect(M.failure("stability.stable-diffusion-xl-v1", ["cfg_scale": 7])
            == "Malformed input request: #: required key [text_prompts] not found, please reformat your input and try again.")
        #expect(try M.isDeterministic("stability.stable-diffusion-xl-v1", ["text_prompts": [["text": "a castle"]], "seed": 5]))
    }

    @Test func sd3AnswersWithImagesSeedsAndFinishReasons() throws {
        let id = "stability.sd3-large-v1:0"
        let answer = try M.invoke(id, ["prompt": "a koi pond", "aspect_ratio": "16:9", "output_format": "jpeg", "seed": 9])
        #expect(answer.body["seeds"] == [9])
        #expect(answer.body["finish_reasons"] == [.null])
        #expect(M.size(ofBase64: answer.body["images"]?[0]).map { [$0.0, $0.1] } == [1344, 768])
        let derived = try M.invoke(id, ["prompt": "a koi pond"]).body["seeds"]?[0]?.intValue ?? 0
        #expect(derived > 0)
        let edit = try M.invoke(id, ["prompt": "as a painting", "mode": "image-to-image", "image": .string(M.smallPNG), "strength": .double(0.5)])
        #expect(M.size(ofBase64: edit.body["images"]?[0]).map { [$0.0, $0.1] } == [64, 48])
        #expect(M.failure(id, ["prompt": "x", "aspect_ratio": "4:3"])
            == "Malformed input request: #/aspect_ratio: 4:3 is not a valid enum value, please reformat your input and try again.")
        #expect(try M.isDeterministic(id, ["prompt": "a koi pond", "aspect_ratio": "21:9"]))
    }
}
