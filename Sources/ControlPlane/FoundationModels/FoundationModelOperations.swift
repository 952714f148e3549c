import BedrockAPI
import EmulatorCore
import FakeModels

/// ListFoundationModels and GetFoundationModel, served from the model catalog.
public enum FoundationModelOperations {
    static let service = "bedrock"

    public static func register(into registry: inout OperationRegistry, catalog: ModelCatalog) {
        registry.register(service, "ListFoundationModels") { request in
            let input = request.input
            let models = catalog.list(
                provider: input["byProvider"]?.stringValue, customization: input["byCustomizationType"]?.stringValue,
                outputModality: input["byOutputModality"]?.stringValue, inferenceType: input["byInferenceType"]?.stringValue)
            return OperationOutput(["modelSummaries": .list(models.map { summary($0, region: request.context.account.region) })])
        }

        registry.register(service, "GetFoundationModel") { request in
            let identifier = request.input["modelIdentifier"]?.stringValue ?? ""
            // Only base-model ids and ARNs name a foundation model; profiles do not.
            guard let resolved = catalog.resolve(identifier), resolved.inferenceProfile == nil,
                  resolved.model.lifecycleStatus != .endOfLife else {
                throw BedrockError.validation("The provided model identifier is invalid.")
            }
            return OperationOutput(["modelDetails": summary(resolved.model, region: request.context.account.region)])
        }
    }

    /// The FoundationModelSummary (and FoundationModelDetails, which has the same members).
    static func summary(_ model: FoundationModel, region: String) -> ShapeValue {
        var lifecycle: [String: ShapeValue] = ["status": .string(model.lifecycleStatus.rawValue)]
        for (key, date) in model.lifecycleTimes { lifecycle[key] = .timestamp(date) }
        return [
            "modelArn": .string(model.arn(region: region)),
            "modelId": .string(model.modelId),
            "modelName": .string(model.modelName),
            "providerName": .string(model.providerName),
            "inputModalities": .list(model.inputModalities.map(ShapeValue.string)),
            "outputModalities": .list(model.outputModalities.map(ShapeValue.string)),
            "responseStreamingSupported": .bool(model.responseStreamingSupported),
            "customizationsSupported": .list(model.customizationsSupported.map(ShapeValue.string)),
            "inferenceTypesSupported": .list(model.inferenceTypesSupported.map(ShapeValue.string)),
            "modelLifecycle": .map(lifecycle),
        ]
    }
}
