import EmulatorCore

/// The flow build-time family of `bedrock-agent`: flows, their versions and aliases,
/// PrepareFlow and ValidateFlowDefinition.
public enum FlowBuildOperations {
    /// Registers every flow build-time operation.
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let family = FlowFamily(environment: environment)
        FlowOperations.register(into: &registry, family: family)
        FlowVersionOperations.register(into: &registry, family: family)
        FlowAliasOperations.register(into: &registry, family: family)
    }
}
