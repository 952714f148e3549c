import BedrockAPI
import EmulatorCore

/// A model id that names something other than a model: an application inference profile
/// (invoked as the model or system profile it was copied from) or a prompt router (invoked
/// as its fallback model, the emulator's deterministic routing choice).
enum AccountModelTarget {
    /// The request with `modelId` replaced by what it stands for; other requests unchanged,
    /// without touching the store.
    static func resolving(_ request: OperationRequest, environment: EmulatorEnvironment) async throws -> OperationRequest {
        let modelId = request.input["modelId"]?.stringValue ?? ""
        // Only ARNs name routers; a plain model id skips the search.
        if modelId.utf8.starts(with: "arn:".utf8), modelId.contains("prompt-router/") {
            return replacing(request, with: try await routed(modelId, request: request, environment: environment))
        }
        guard ResourceCollection.mayNameApplicationProfile(modelId) else { return request }
        let profiles = ResourceCollection.applicationInferenceProfiles(environment)
        guard let profile = try await profiles.find(modelId, account: request.context.account) else {
            if modelId.hasPrefix("arn:") {
                throw BedrockError.resourceNotFound("The inference profile \(modelId) does not exist in this account and region.")
            }
            return request
        }
        return replacing(request, with: profile.value["modelSource"]?["copyFrom"]?.stringValue)
    }

    /// The model a prompt router sends the call to.
    static func routed(_ arn: String, request: OperationRequest, environment: EmulatorEnvironment) async throws -> String? {
        if let builtIn = DefaultPromptRouter.named(byArn: arn) { return builtIn.fallback }
        guard let router = try await ResourceCollection.promptRouters(environment).find(arn, account: request.context.account) else {
            throw BedrockError.resourceNotFound("The prompt router \(arn) does not exist in this account and region.")
        }
        return router.value["fallbackModel"]?["modelArn"]?.stringValue
    }

    static func replacing(_ request: OperationRequest, with modelId: String?) -> OperationRequest {
        guard let modelId, var input = request.input.mapValue else { return request }
        input["modelId"] = .string(modelId)
        return OperationRequest(key: request.key, input: .map(input), context: request.context)
    }
}
