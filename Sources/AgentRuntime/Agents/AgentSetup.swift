import BedrockAPI
import EmulatorCore
import FakeModels

/// What an agent is made of when it runs: its model, instruction, actions, knowledge bases,
/// memory and guardrail. A stored agent (through an alias) and an inline agent (from the
/// request) both become one, so one orchestration engine runs both.
struct AgentSetup: Sendable {
    /// The stored agent and alias invoked; nil for an inline agent.
    var agentId: String?
    var aliasId: String?
    var aliasArn: String?
    /// The version the alias routes to (`DRAFT` through `TSTALIASID`).
    var version: String?
    var foundationModel: String
    var instruction: String
    /// The tools the enabled action groups offer the model.
    var actions: [AgentAction]
    /// The enabled knowledge bases: id, what they hold, and their retrieval configuration.
    var knowledgeBases: [(id: String, description: String, configuration: ShapeValue?)]
    /// Session summaries kept, when the agent's memory is on.
    var memory: AgentMemoryPolicy?
    var idleSessionSeconds: Int
    /// The agent's guardrail configuration, where its input and output checks apply.
    var guardrail: ShapeValue?
    /// Whether pre- and post-processing run (their traces).
    var processing = AgentProcessingSteps(nil)
    /// Where the sessions of this agent are kept: unique per agent and alias (or inline).
    var sessionScope: String
}

/// How an agent keeps session summaries: for how many days, and how many it reads back.
struct AgentMemoryPolicy: Sendable {
    var storageDays: Int
    var maxRecentSessions: Int

    /// The policy a `memoryConfiguration` sets, when it turns SESSION_SUMMARY on.
    init?(_ configuration: ShapeValue?) {
        guard let configuration, configuration["enabledMemoryTypes"]?.listValue?.contains("SESSION_SUMMARY") == true else { return nil }
        storageDays = configuration["storageDays"]?.intValue ?? 30
        maxRecentSessions = configuration["sessionSummaryConfiguration"]?["maxRecentSessions"]?.intValue ?? 20
    }
}
