import BedrockAPI

/// The codec of each `codec` name the catalog uses.
public enum Codecs {
    static let all: [String: any ModelCodec] = [
        "anthropic": AnthropicCodec(),
    ]

    /// The codec for `model`, or nil when its format is not spoken yet.
    public static func codec(for model: FoundationModel) -> (any ModelCodec)? { all[model.codec] }
}
