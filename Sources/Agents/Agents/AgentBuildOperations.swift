import EmulatorCore
import FakeModels

/// The agent build-time family of `bedrock-agent`: agents, versions, aliases, action groups,
/// knowledge-base associations and collaborators.
public enum AgentBuildOperations {
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let family = AgentFamily(environment: environment, catalog: .bundled)
        AgentOperations.register(into: &registry, family: family)
        AgentActionGroupOperations.register(into: &registry, family: family)
        AgentAliasOperations.register(into: &registry, family: family)
        AgentVersionOperations.register(into: &registry, family: family)
        AgentKnowledgeBaseOperations.register(into: &registry, family: family)
        AgentCollaboratorOperations.register(into: &registry, family: family)
    }
}
