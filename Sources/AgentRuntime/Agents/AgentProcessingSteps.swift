import BedrockAPI

/// Which of the agent's optional steps run around orchestration, as its
/// `promptOverrideConfiguration` sets them: pre-processing is on and post-processing off
/// unless a `promptConfigurations` entry of that `promptType` says otherwise (`promptState`).
struct AgentProcessingSteps: Sendable, Equatable {
    var preProcessing = true
    var postProcessing = false

    /// The steps a `PromptOverrideConfiguration` value turns on and off.
    init(_ override: ShapeValue?) {
        for configuration in override?["promptConfigurations"]?.listValue ?? [] {
            guard let state = configuration["promptState"]?.stringValue else { continue }
            switch configuration["promptType"]?.stringValue {
            case "PRE_PROCESSING": preProcessing = state == "ENABLED"
            case "POST_PROCESSING": postProcessing = state == "ENABLED"
            default: break
            }
        }
    }
}
