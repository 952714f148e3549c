import EmulatorCore
import FakeModels

/// Every operation of this module's service that has behaviour; the rest answer NotImplemented.
public enum AgentsOperations {
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        AgentBuildOperations.register(into: &registry, environment: environment)
        FlowBuildOperations.register(into: &registry, environment: environment)
        KnowledgeBaseFamily.register(into: &registry, environment: environment, catalog: .bundled)
        PromptOperations.register(into: &registry, environment: environment, catalog: .bundled)
    }
}
