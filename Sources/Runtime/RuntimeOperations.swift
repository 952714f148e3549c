import EmulatorCore

/// Every operation of `bedrock-runtime` that has behaviour; the rest answer NotImplemented.
public enum RuntimeOperations {
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let models = RuntimeModels(scenario: environment.scenario)
        InvokeOperations.register(into: &registry, models: models, environment: environment)
        ConverseOperations.register(into: &registry, models: models, environment: environment)
        CountTokensOperation.register(into: &registry, models: models)
        AsyncInvokeOperations.register(into: &registry, models: models, environment: environment)
        ApplyGuardrailOperation.register(into: &registry, environment: environment)
    }
}
