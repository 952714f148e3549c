import BedrockAPI
import EmulatorCore
import FakeModels

/// A provisioned model a request names by ARN: the foundation model it serves (directly or
/// under a custom model) and the model units that size its own quota window.
struct ProvisionedTarget: Sendable {
    let arn: String
    let foundationModelId: String
    let units: Int

    /// The provisioned model `modelId` names, nil when it names no account resource; a
    /// custom model named directly is refused, as AWS refuses on-demand custom models.
    static func find(_ modelId: String, request: OperationRequest, environment: EmulatorEnvironment) async throws -> ProvisionedTarget? {
        // Most calls name a model by id; only ARNs can name account resources.
        guard modelId.utf8.starts(with: "arn:".utf8) else { return nil }
        if let hosted = try await hosted(modelId, request: request, environment: environment) { return hosted }
        if modelId.contains(":custom-model/") {
            throw BedrockError.validation(
                "Invocation of the custom model \(modelId) with on-demand throughput isn't supported. Buy Provisioned Throughput for it and invoke the provisioned model ARN.")
        }
        guard modelId.contains(":provisioned-model/") else { return nil }
        guard let stored = try await ResourceCollection.provisionedModels(environment).find(modelId, account: request.context.account) else {
            throw BedrockError.resourceNotFound("The provisioned model \(modelId) does not exist in this account and region.")
        }
        guard stored.value["status"] == "InService" else {
            throw BedrockError.modelNotReady("The provisioned model is \(stored.value["status"]?.stringValue ?? "not ready") and not ready for inference yet. Wait until it is InService and try again.")
        }
        let foundation = stored.value["foundationModelArn"]?.stringValue ?? ""
        return ProvisionedTarget(
            arn: stored.arn, foundationModelId: String(foundation.split(separator: "/").last ?? ""), units: stored.value["modelUnits"]?.intValue ?? 1)
    }
}
