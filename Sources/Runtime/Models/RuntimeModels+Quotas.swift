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
        try environment.quotas.admit(
            account: request.context.account, model: resolved.inferenceProfile ?? model.modelId,
            limits: QuotaLimits(requestsPerMinute: model.requestsPerMinute, tokensPerMinute: model.tokensPerMinute),
            reserve: inputTokens + max(outputTokens, maxOutputTokens ?? 0), charge: inputTokens + outputTokens,
            now: environment.clock.now())
    }
}
