import BedrockAPI
import EmulatorCore
import FakeModels

/// ListFoundationModels and GetFoundationModel, served from the model catalog with the
/// lifecycle a scenario gives a model (LEGACY, or END_OF_LIFE: gone from both).
public enum FoundationModelOperations {
    static let service = "bedrock"

    public static func register(into registry: inout OperationRegistry, catalog: ModelCatalog, scenario: ScenarioEngine = ScenarioEngine()) {
        registry.register(service, "ListFoundationModels") { request in
            let input = request.input
            let models = catalog.list(
                provider: input["byProvider"]?.stringValue, customization: input["byCustomizationType"]?.stringValue,
                outputModality: input["byOutputModality"]?.stringValue, inferenceType: input["byInferenceType"]?.stringValue,
                includingEndOfLife: true)
            let summaries = models.compactMap { model -> ShapeValue? in
                let lifecycle = effectiveLifecycle(model, scenario: scenario)
                return lifecycle == .endOfLife ? nil : summary(model, region: request.context.account.region, lifecycle: lifecycle)
            }
            return OperationOutput(["modelSummaries": .list(summaries)])
        }

        registry.register(service, "GetFoundationModel") { request in
            let identifier = request.input["modelIdentifier"]?.stringValue ?? ""
            // Only base-model ids and ARNs name a foundation model; profiles do not.
            let invalid = BedrockError.validation("The provided model identifier is invalid.")
            guard let resolved = catalog.resolve(identifier), resolved.inferenceProfile == nil else { throw invalid }
            let lifecycle = effectiveLifecycle(resolved.model, scenario: scenario)
            if lifecycle == .endOfLife { throw invalid }
            return OperationOutput(["modelDetails": summary(resolved.model, region: request.context.account.region, lifecycle: lifecycle)])
        }
    }

    /// The scenario's lifecycle for the model, else the catalog's: a scenario can bring an
    /// end-of-life model back as the runtime does, or retire an active one.
    static func effectiveLifecycle(_ model: FoundationModel, scenario: ScenarioEngine) -> ModelPolicy.Lifecycle {
        if let given = scenario.policy(for: [model.modelId], { $0.lifecycle }) { return given }
        switch model.lifecycleStatus {
        case .active: return .active
        case .legacy: return .legacy
        case .endOfLife: return .endOfLife
        }
    }

    /// The FoundationModelSummary (and FoundationModelDetails, which has the same members).
    static func summary(_ model: FoundationModel, region: String, lifecycle status: ModelPolicy.Lifecycle? = nil) -> ShapeValue {
        var lifecycle: [String: ShapeValue] = ["status": .string(status?.rawValue ?? model.lifecycleStatus.rawValue)]
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
