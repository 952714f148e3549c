import BedrockAPI
import EmulatorCore
import FakeModels

/// A model call another Bedrock feature makes on the caller's behalf (an agent's
/// orchestration, RetrieveAndGenerate, a flow's prompt node, a prompt): the same model
/// resolution, access policy, scenario rules and quotas as Converse, so a scenario that
/// scripts or throttles a model does so wherever the model is called.
public struct ModelCall: Sendable {
    let environment: EmulatorEnvironment
    let models: RuntimeModels

    public init(environment: EmulatorEnvironment) {
        self.environment = environment
        self.models = RuntimeModels(scenario: environment.scenario)
    }

    /// The model's reply to `chat`. `modelId` may be a model id, a foundation-model or
    /// system inference profile ARN, or an application inference profile of the caller's
    /// account. The scenario's rules are decided once per operation call (the first model
    /// call's conversation decides), as `request.context.rules` remembers them.
    public func reply(
        to chat: ChatRequest, modelId: String, request: OperationRequest
    ) async throws -> (model: FoundationModel, result: ChatResult) {
        let target = try await AccountModelTarget.resolving(
            OperationRequest(key: request.key, input: ["modelId": .string(modelId)], context: request.context),
            environment: environment)
        let resolved = try models.resolve(target.input["modelId"]?.stringValue ?? modelId, converse: true)
        let invocation = Invocation.ruled(resolved.model, streaming: false, rules: request.context.rules, seed: environment.scenario.seed)
        try invocation.check(chat)
        let result = try invocation.reply(chat)
        try RuntimeModels.admit(
            resolved, inputTokens: result.inputTokens, outputTokens: result.outputTokens,
            maxOutputTokens: chat.maxTokens ?? resolved.model.maxOutputTokens, request: request, environment: environment)
        return (resolved.model, result)
    }
}
