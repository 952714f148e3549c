import BedrockAPI

/// The codec of each `codec` name the catalog uses.
public enum Codecs {
    static let all: [String: any ModelCodec] = [
        "anthropic": AnthropicCodec(),
        "titan-text": TitanTextCodec(),
        "titan-embed-text": TitanEmbedTextCodec(),
        "titan-embed-image": TitanEmbedImageCodec(),
        // Nova Canvas speaks Titan Image Generator's format.
        "titan-image": TitanImageCodec(),
        "nova-canvas": TitanImageCodec(),
        "nova": NovaCodec(),
        "llama": LlamaCodec(),
        "mistral": MistralCodec(),
        "cohere-command": CohereCommandCodec(),
        "cohere-command-r": CohereCommandRCodec(),
        "cohere-embed": CohereEmbedCodec(),
        "cohere-rerank": CohereRerankCodec(),
        "ai21-jurassic": AI21JurassicCodec(),
        "ai21-jamba": AI21JambaCodec(),
        "stability-sdxl": StabilitySDXLCodec(),
        "stability-sd3": StabilitySD3Codec(),
        "deepseek": DeepSeekCodec(),
    ]

    /// The codec for `model`, or nil when its format is not spoken yet.
    public static func codec(for model: FoundationModel) -> (any ModelCodec)? { all[model.codec] }
}
