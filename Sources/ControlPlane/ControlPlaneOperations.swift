import EmulatorCore
import FakeModels

/// Every operation of this module's service that has behaviour; the rest answer NotImplemented.
public enum ControlPlaneOperations {
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        FoundationModelOperations.register(into: &registry, catalog: .bundled, scenario: environment.scenario)
        BatchInferenceOperations.register(into: &registry, environment: environment, catalog: .bundled)
        ModelCustomizationOperations.register(into: &registry, environment: environment, catalog: .bundled)
        ProvisionedThroughputOperations.register(into: &registry, environment: environment, catalog: .bundled)
        GuardrailOperations.register(into: &registry, environment: environment)
        AutomatedReasoningOperations.register(into: &registry, environment: environment)
        PromptOptimizationOperations.register(into: &registry, environment: environment, catalog: .bundled)
        EvaluationOperations.register(into: &registry, environment: environment, catalog: .bundled)
        ModelImportOperations.register(into: &registry, environment: environment)
        ModelCopyOperations.register(into: &registry, environment: environment)
        CustomModelOperations.register(into: &registry, environment: environment)
        CustomModelDeploymentOperations.register(into: &registry, environment: environment)
        InferenceProfileOperations.register(into: &registry, environment: environment, catalog: .bundled)
        InvocationLoggingOperations.register(into: &registry, environment: environment)
        ModelAccessOperations.register(into: &registry, environment: environment, catalog: .bundled)
        PromptRouterOperations.register(into: &registry, environment: environment, catalog: .bundled)
        MarketplaceEndpointOperations.register(into: &registry, environment: environment)
    }
}
