/// One of AWS's built-in prompt routers (type `default`): its id in
/// `default-prompt-router/<id>`, its name, the two models it routes between and its fallback.
public struct DefaultPromptRouter: Sendable {
    public let id: String
    public let name: String
    public let models: [String]
    public let fallback: String

    /// The built-in routers, by provider.
    public static let all = [
        DefaultPromptRouter(
            id: "anthropic.claude:1", name: "Anthropic Prompt Router",
            models: ["anthropic.claude-3-5-sonnet-20240620-v1:0", "anthropic.claude-3-haiku-20240307-v1:0"],
            fallback: "anthropic.claude-3-5-sonnet-20240620-v1:0"),
        DefaultPromptRouter(
            id: "meta.llama:1", name: "Meta Prompt Router",
            models: ["meta.llama3-1-70b-instruct-v1:0", "meta.llama3-1-8b-instruct-v1:0"], fallback: "meta.llama3-1-70b-instruct-v1:0"),
        DefaultPromptRouter(
            id: "amazon.nova:1", name: "Amazon Nova Prompt Router",
            models: ["amazon.nova-pro-v1:0", "amazon.nova-lite-v1:0"], fallback: "amazon.nova-lite-v1:0"),
    ]

    /// The built-in router a `default-prompt-router/<id>` ARN names.
    public static func named(byArn arn: String) -> DefaultPromptRouter? {
        all.first { arn.hasSuffix(":default-prompt-router/\($0.id)") }
    }
}
