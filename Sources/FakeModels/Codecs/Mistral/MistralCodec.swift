import BedrockAPI

/// Mistral AI: text completion (`prompt`) for every Mistral model, and chat completion
/// (`messages`) for Mistral Large 2407 and Pixtral; the body's shape says which.
struct MistralCodec: ModelCodec {
    static func isChat(_ body: JSONValue) -> Bool { body["messages"] != nil && body["prompt"] == nil }

    func invoke(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> NativeAnswer {
        Self.isChat(body) ? try MistralChatCompletion().invoke(body, invocation) : try MistralTextCompletion().invoke(body, invocation)
    }

    func inputTokens(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> Int {
        Self.isChat(body) ? try MistralChatCompletion().inputTokens(body, invocation) : try MistralTextCompletion().inputTokens(body, invocation)
    }

    /// `max_tokens`, `temperature` and `top_p`, which both formats take.
    static func readSampling(_ body: inout NativeBody, into request: inout ChatRequest, _ invocation: Invocation) {
        request.maxTokens = body.integer("max_tokens", min: 1, max: invocation.model.maxOutputTokens) ?? 512
        request.temperature = body.number("temperature", min: 0, max: 1)
        request.topP = body.number("top_p", min: 0, max: 1)
    }
}
