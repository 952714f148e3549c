import EmulatorCore

/// The flow runtime of `bedrock-agent-runtime`: InvokeFlow and flow executions.
public enum FlowRuntimeOperations {
    /// Registers InvokeFlow and the flow execution operations.
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let runs = FlowRuns(environment: environment)
        InvokeFlowOperations.register(into: &registry, runs: runs)
        FlowExecutionOperations.register(into: &registry, runs: runs)
    }
}
