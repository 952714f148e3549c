extension PromptOptimizer {
    /// The models OptimizePrompt rewrites for: the user guide's table of supported models
    /// for prompt optimization, by base model id.
    public static let supportedModelIds: Set<String> = [
        "amazon.nova-lite-v1:0", "amazon.nova-micro-v1:0", "amazon.nova-premier-v1:0", "amazon.nova-pro-v1:0",
        "amazon.titan-text-premier-v1:0",
        "anthropic.claude-3-haiku-20240307-v1:0", "anthropic.claude-3-opus-20240229-v1:0", "anthropic.claude-3-sonnet-20240229-v1:0",
        "anthropic.claude-3-5-haiku-20241022-v1:0", "anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic.claude-3-5-sonnet-20241022-v2:0",
        "anthropic.claude-3-7-sonnet-20250219-v1:0", "anthropic.claude-sonnet-4-20250514-v1:0", "anthropic.claude-opus-4-20250514-v1:0",
        "deepseek.r1-v1:0",
        "meta.llama3-70b-instruct-v1:0", "meta.llama3-1-70b-instruct-v1:0", "meta.llama3-2-11b-instruct-v1:0",
        "meta.llama3-2-90b-instruct-v1:0", "meta.llama3-3-70b-instruct-v1:0",
        "mistral.mistral-large-2402-v1:0", "mistral.mistral-large-2407-v1:0",
    ]

    /// Whether OptimizePrompt can rewrite prompts for `model`.
    public static func supports(_ model: FoundationModel) -> Bool {
        supportedModelIds.contains(model.modelId)
    }
}
