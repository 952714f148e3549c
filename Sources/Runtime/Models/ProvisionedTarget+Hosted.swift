import BedrockAPI
import EmulatorCore
import FakeModels

extension ProvisionedTarget {
    /// The catalog model whose native format an imported model of each architecture speaks.
    static let importedFormats = [
        "llama": "meta.llama3-1-8b-instruct-v1:0", "mistral": "mistral.mistral-7b-instruct-v0:2", "mixtral": "mistral.mixtral-8x7b-instruct-v0:1",
    ]

    /// A custom model deployment or an imported model named by ARN, served like a
    /// provisioned model in its own quota window; nil when `modelId` names neither.
    static func hosted(_ modelId: String, request: OperationRequest, environment: EmulatorEnvironment) async throws -> ProvisionedTarget? {
        let account = request.context.account
        if modelId.contains(":custom-model-deployment/") {
            guard let deployment = try await ResourceCollection.customModelDeployments(environment).find(modelId, account: account) else {
                throw BedrockError.resourceNotFound("The custom model deployment \(modelId) does not exist in this account and region.")
            }
            guard deployment.value["status"] == "Active" else {
                throw BedrockError.modelNotReady("The custom model deployment is \(deployment.value["status"]?.stringValue ?? "not ready"). Wait until it is Active and try again.")
            }
            let modelArn = deployment.value["modelArn"]?.stringValue ?? ""
            let model = try await ResourceCollection.customModels(environment).find(modelArn, account: account)
            guard let base = model?.value["baseModelArn"]?.stringValue?.split(separator: "/").last else {
                throw BedrockError.validation(
                    "The deployed model \(modelArn) has no base model the emulator knows, so it cannot answer; deploy a model made by a customization or copy job.")
            }
            return ProvisionedTarget(arn: deployment.arn, foundationModelId: String(base), units: 1)
        }
        if modelId.contains(":imported-model/") {
            guard let imported = try await ResourceCollection.importedModels(environment).find(modelId, account: account) else {
                throw BedrockError.resourceNotFound("The imported model \(modelId) does not exist in this account and region.")
            }
            let architecture = imported.value["modelArchitecture"]?.stringValue ?? ""
            guard let format = importedFormats[architecture] else {
                throw BedrockError.validation(
                    "The emulator answers imported \(importedFormats.keys.sorted().joined(separator: ", ")) models; this one is \(architecture).")
            }
            return ProvisionedTarget(arn: imported.arn, foundationModelId: format, units: imported.value["customModelUnits"]?["customModelUnitsPerModelCopy"]?.intValue ?? 1)
        }
        return nil
    }
}
