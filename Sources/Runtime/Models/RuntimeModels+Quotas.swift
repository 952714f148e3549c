import BedrockAPI
import EmulatorCore
import FakeModels

extension RuntimeModels {
    /// Charges one call to the model's (or inference profile's) per-minute window, or
    /// throws ThrottlingException: InvokeModel, the stream and Converse share the window.
    static func admit(
        _ resolved: ResolvedModel, inputTokens: Int, outputTokens: Int, maxOutputTokens: Int?,
        request: OperationRequest, environment: EmulatorEnvironment
    ) throws(BedrockError) {
        let model = resolved.model
        let window = resolved.inferenceProfile ?? model.modelId
        // A scenario's limit for the model applies whatever the mode; else the catalog's, in aws mode.
        let mode = environment.scenario.quotaMode ?? environment.quotas.mode
        let limits = environment.scenario.policy(for: [window, model.modelId]) { $0.quotas }
            ?? (mode == .aws ? QuotaLimits(requestsPerMinute: model.requestsPerMinute, tokensPerMinute: model.tokensPerMinute) : nil)
        try environment.quotas.admit(
            account: request.context.account, model: window, limits: limits,
            reserve: inputTokens + max(outputTokens, maxOutputTokens ?? 0), charge: inputTokens + outputTokens,
            now: environment.clock.now())
    }
}
