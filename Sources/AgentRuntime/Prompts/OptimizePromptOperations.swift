import BedrockAPI
import EmulatorCore
import FakeModels

/// OptimizePrompt: the prompt analysed, then rewritten for the target model's family, as
/// the two events of the `optimizedPrompt` stream (`analyzePromptEvent`, `optimizedPromptEvent`).
public enum OptimizePromptOperations {
    static let service = "bedrock-agent-runtime"

    /// Registers OptimizePrompt.
    public static func register(into registry: inout OperationRegistry, catalog: ModelCatalog = .bundled) {
        registry.register(service, "OptimizePrompt") { request in
            let targetModelId = request.input["targetModelId"]?.stringValue ?? ""
            guard let model = catalog.resolve(targetModelId)?.model else {
                throw BedrockError.validation(
                    "The provided model identifier \(targetModelId) is invalid. Use the id or ARN of a foundation model (ListFoundationModels).")
            }
            guard PromptOptimizer.supports(model) else {
                throw BedrockError.validation(
                    "Prompt optimization doesn't support the model \(model.modelId). Choose one of: \(PromptOptimizer.supportedModelIds.sorted().joined(separator: ", ")).")
            }
            let prompt = request.input["input"]?["textPrompt"]?["text"]?.stringValue ?? ""
            let events = [
                OperationOutput.Event("analyzePromptEvent", ["message": .string(PromptOptimizer.analysis(of: prompt, for: model))]),
                OperationOutput.Event(
                    "optimizedPromptEvent",
                    ["optimizedPrompt": ["textPrompt": ["text": .string(PromptOptimizer.optimize(prompt, for: model))]]]),
            ]
            return OperationOutput(events: events, outputTokens: 0, decision: nil)
        }
    }
}
