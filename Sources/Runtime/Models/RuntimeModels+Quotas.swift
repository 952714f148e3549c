import BedrockAPI
import EmulatorCore
import FakeModels

extension RuntimeModels {
    /// Charges one call to the model's (or inference profile's) per-minute window, or
    /// throws ThrottlingException: InvokeModel, the stream and Converse share the window.
    static func admit(
        _ resolved: ResolvedModel, inputTokens: Int, outputTokens: Int, maxOutputTokens: Int?,
        request: OperationRequest, environment: EmulatorEnvironment, provisioned: ProvisionedTarget? = nil
    ) throws(BedrockError) {
        let model = resolved.model
        // Provisioned throughput has its own window, sized by its model units.
        let window = provisioned?.arn ?? resolved.inferenceProfile ?? model.modelId
        let units = provisioned?.units ?? 1
        // A scenario's limit for the model applies whatever the mode; else the catalog's, in aws mode.
        let mode = environment.scenario.quotaMode ?? environment.quotas.mode
        let limits = environment.scenario.policy(for: [window, model.modelId]) { $0.quotas }
            ?? (mode == .aws
                ? QuotaLimits(requestsPerMinute: model.requestsPerMinute.map { $0 * units }, tokensPerMinute: model.tokensPerMinute.map { $0 * units })
                : nil)
        try environment.quotas.admit(
            account: request.context.account, model: window, limits: limits,
            reserve: inputTokens + max(outputTokens, maxOutputTokens ?? 0), charge: inputTokens + outputTokens,
            now: environment.clock.now())
    }
}
