import EmulatorCore

/// Every `bedrock-agent-runtime` operation that has behaviour.
public enum AgentRuntimeOperations {
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        SessionOperations.register(into: &registry, environment: environment)
        RetrieveOperations.register(into: &registry, environment: environment)
        OptimizePromptOperations.register(into: &registry)
        AgentInvocationOperations.register(into: &registry, environment: environment)
        AgentMemoryOperations.register(into: &registry, environment: environment)
        FlowRuntimeOperations.register(into: &registry, environment: environment)
        RetrieveAndGenerateOperations.register(into: &registry, environment: environment)
        RerankOperations.register(into: &registry, environment: environment)
        GenerateQueryOperations.register(into: &registry, environment: environment)
    }
}
