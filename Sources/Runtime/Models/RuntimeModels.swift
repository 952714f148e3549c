import BedrockAPI
import EmulatorCore
import FakeModels

/// How the runtime finds the model a request names and refuses the ones it cannot call,
/// with Bedrock's messages.
public struct RuntimeModels: Sendable {
    public let catalog: ModelCatalog
    /// The scenario whose `models` entries grant or deny access and end models' lives.
    public let scenario: ScenarioEngine

    public init(catalog: ModelCatalog = .bundled, scenario: ScenarioEngine = ScenarioEngine()) {
        self.catalog = catalog
        self.scenario = scenario
    }

    /// The model for an invocation; `streaming` and `converse` say what the call needs.
    /// A provisioned model serves its model whatever on-demand access the model has.
    public func resolve(_ modelId: String, streaming: Bool = false, converse: Bool = false, provisioned: Bool = false) throws(BedrockError) -> ResolvedModel {
        guard let resolved = catalog.resolve(modelId) else {
            throw .validation("The provided model identifier is invalid.")
        }
        let model = resolved.model
        let names = [model.modelId, resolved.inferenceProfile ?? modelId]
        if scenario.policy(for: names, { $0.access }) == .denied { throw ModelPolicy.accessDenied }
        let lifecycle = scenario.policy(for: names) { $0.lifecycle }
        if lifecycle == .endOfLife || (lifecycle == nil && model.lifecycleStatus == .endOfLife) {
            throw .validation("This model version has reached the end of its life. Please refer to the AWS documentation for more details.")
        }
        if !model.onDemand && resolved.inferenceProfile == nil && !provisioned {
            throw .validation("Invocation of model ID \(model.modelId) with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.")
        }
        if converse && !model.supports(.converse) {
            throw .validation("This action doesn't support the model that you provided. Try again with a supported text or chat model.")
        }
        if streaming && !(converse ? model.supports(.converseStream) : model.responseStreamingSupported) {
            throw Invocation.streamingRefused(model.modelId, instead: converse ? "Converse" : "InvokeModel")
        }
        return resolved
    }

    /// The codec of a resolved model; models whose format is not spoken yet say so.
    public func codec(for model: FoundationModel) throws(BedrockError) -> any ModelCodec {
        guard let codec = Codecs.codec(for: model) else {
            throw .validation("The emulator does not speak the native request format of \(model.modelId) (\(model.codec)) yet; use Converse for this model.")
        }
        return codec
    }
}
