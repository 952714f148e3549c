/// The agent resources `bedrock-agent` builds and `bedrock-agent-runtime` invokes, named
/// once so both read the same rows. Sub-resources are keyed `<agentId>/<version>/<id>`
/// (aliases and versions `<agentId>/<id>`), since their ids are unique only within an agent.
extension ResourceCollection {
    /// Agents (`agent/<id>`), stored as the `Agent` shape; the DRAFT version is the agent itself.
    public static func agents(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock-agent", type: "agent", shape: "Agent", environment: environment)
    }

    /// Numbered agent versions, snapshots of DRAFT, stored as the `AgentVersion` shape.
    public static func agentVersions(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock-agent", type: "agent-version", shape: "AgentVersion", environment: environment)
    }

    /// Agent aliases (`agent-alias/<agentId>/<aliasId>`), stored as the `AgentAlias` shape.
    public static func agentAliases(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock-agent", type: "agent-alias", shape: "AgentAlias", environment: environment)
    }

    /// Action groups of one agent version, stored as the `AgentActionGroup` shape.
    public static func agentActionGroups(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock-agent", type: "agent-action-group", shape: "AgentActionGroup", environment: environment)
    }

    /// Knowledge bases associated with one agent version, stored as the `AgentKnowledgeBase` shape.
    public static func agentKnowledgeBases(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock-agent", type: "agent-knowledge-base", shape: "AgentKnowledgeBase", environment: environment)
    }

    /// Collaborators of one supervisor agent version, stored as the `AgentCollaborator` shape.
    public static func agentCollaborators(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock-agent", type: "agent-collaborator", shape: "AgentCollaborator", environment: environment)
    }
}
