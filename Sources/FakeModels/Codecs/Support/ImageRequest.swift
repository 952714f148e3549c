import BedrockAPI
import Foundation

/// What an image model is asked to draw, whatever its native format: the prompt (with a
/// digest of any input image), seed, size and number of pictures.
struct ImageRequest: Sendable, Equatable {
    var prompt = ""
    var seed = 0
    var width = 1024
    var height = 1024
    var count = 1

    /// The pictures, as base64 PNGs.
    func base64PNGs() -> [JSONValue] {
        ImagePayload.base64PNGs(prompt: prompt, seed: seed, width: width, height: height, count: count)
    }

    var promptTokens: Int { Tokenizer.count(prompt) }

    /// Stability's seed: 0 or none means "pick one"; the pick comes from the prompt so it repeats.
    mutating func pickSeed(_ given: Int?, family: String, below bound: Int) {
        seed = given ?? 0
        if seed == 0 {
            var random = SeededRandom(text: family + "\u{0}" + prompt)
            seed = 1 + random.below(bound - 1)
        }
    }

    /// Draws from an input image: the answer comes back at its size (when its header says),
    /// and different inputs give different pictures.
    mutating func edit(_ image: Data) {
        (width, height) = ImagePayload.size(of: image) ?? (width, height)
        prompt += "\u{0}" + ImagePayload.digest(image)
    }
}
