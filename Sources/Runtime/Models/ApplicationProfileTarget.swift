import BedrockAPI
import EmulatorCore

/// An application inference profile a request names as its model: the runtime invokes the
/// foundation model or system profile it was copied from.
enum ApplicationProfileTarget {
    /// The request with `modelId` replaced by the profile's source when it names an
    /// application profile; otherwise the request unchanged, without touching the store.
    static func resolving(_ request: OperationRequest, environment: EmulatorEnvironment) async throws -> OperationRequest {
        let modelId = request.input["modelId"]?.stringValue ?? ""
        guard ResourceCollection.mayNameApplicationProfile(modelId) else { return request }
        let profiles = ResourceCollection.applicationInferenceProfiles(environment)
        guard let profile = try await profiles.find(modelId, account: request.context.account) else {
            if modelId.hasPrefix("arn:") {
                throw BedrockError.resourceNotFound("The inference profile \(modelId) does not exist in this account and region.")
            }
            return request
        }
        guard let source = profile.value["modelSource"]?["copyFrom"]?.stringValue, var input = request.input.mapValue else { return request }
        input["modelId"] = .string(source)
        return OperationRequest(key: request.key, input: .map(input), context: request.context)
    }
}
