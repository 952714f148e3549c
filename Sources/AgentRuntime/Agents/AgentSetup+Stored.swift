import BedrockAPI
import EmulatorCore

extension AgentSetup {
    /// The test alias every agent has, pointing at its DRAFT.
    static let testAliasId = "TSTALIASID"

    /// The stored agent the request's `agentId` and `agentAliasId` name, as the alias's
    /// version has it; refused, as AWS does, when the agent or alias is unknown or not PREPARED.
    static func stored(_ request: OperationRequest, environment: EmulatorEnvironment) async throws -> AgentSetup {
        // Timed lifecycles (PrepareAgent, aliases) settle first, so a due PREPARED is seen.
        await environment.dueWork.run()
        let account = request.context.account
        let agent = try await ResourceCollection.agents(environment).require(request, member: "agentId", noun: "agent")
        let aliasId = request.input["agentAliasId"]?.stringValue ?? ""
        let configuration: ShapeValue
        let version: String
        let aliasArn: String
        if aliasId == testAliasId {
            let status = agent.value["agentStatus"]?.stringValue ?? ""
            guard status == "PREPARED" else {
                throw BedrockError.validation(
                    "The agent \(agent.id) is \(status), so its test alias \(testAliasId) cannot run it. Call PrepareAgent and wait until the agent is PREPARED, then try again.")
            }
            configuration = agent.value
            version = "DRAFT"
            aliasArn = account.arn(service: "bedrock", resource: "agent-alias/\(agent.id)/\(testAliasId)").description
        } else {
            let alias = try await ResourceCollection.agentAliases(environment).require(
                "\(agent.id)/\(aliasId)", account: account,
                notFound: .resourceNotFound("The alias \(aliasId) does not exist for agent \(agent.id). ListAgentAliases shows its aliases."))
            let status = alias.value["agentAliasStatus"]?.stringValue ?? ""
            guard status == "PREPARED" else {
                throw BedrockError.validation("The agent alias \(aliasId) is \(status). Wait until it is PREPARED (GetAgentAlias), then try again.")
            }
            if alias.value["aliasInvocationState"] == "REJECT_INVOCATIONS" {
                throw BedrockError.validation(
                    "The agent alias \(aliasId) rejects invocations. Set its aliasInvocationState to ACCEPT_INVOCATIONS with UpdateAgentAlias first.")
            }
            version = alias.value["routingConfiguration"]?.listValue?.first?["agentVersion"]?.stringValue ?? "DRAFT"
            aliasArn = alias.value["agentAliasArn"]?.stringValue ?? alias.arn
            if version == "DRAFT" {
                configuration = agent.value
            } else {
                configuration = try await ResourceCollection.agentVersions(environment).require(
                    "\(agent.id)/\(version)", account: account,
                    notFound: .resourceNotFound("The version \(version) the alias \(aliasId) routes to no longer exists. Point the alias at another version.")).value
            }
        }
        guard let model = configuration["foundationModel"]?.stringValue else {
            throw BedrockError.validation("The agent \(agent.id) has no foundationModel. Set one with UpdateAgent and prepare the agent again.")
        }
        let ofVersion = { (stored: StoredResource) in stored.value["agentId"]?.stringValue == agent.id && stored.value["agentVersion"]?.stringValue == version }
        var actions: [AgentAction] = []
        for group in try await ResourceCollection.agentActionGroups(environment).list(account: account)
        where ofVersion(group) && group.value["actionGroupState"] != "DISABLED" {
            actions += try AgentAction.actions(of: group.value, objects: environment.objects)
        }
        let knowledgeBases = try await ResourceCollection.agentKnowledgeBases(environment).list(account: account)
            .filter { ofVersion($0) && $0.value["knowledgeBaseState"] != "DISABLED" }
            .map { (id: $0.value["knowledgeBaseId"]?.stringValue ?? "", description: $0.value["description"]?.stringValue ?? "", configuration: ShapeValue?.none) }
        return AgentSetup(
            agentId: agent.id, aliasId: aliasId, aliasArn: aliasArn, version: version, foundationModel: model,
            instruction: configuration["instruction"]?.stringValue ?? "", actions: AgentAction.named(actions), knowledgeBases: knowledgeBases,
            memory: AgentMemoryPolicy(configuration["memoryConfiguration"]), idleSessionSeconds: configuration["idleSessionTTLInSeconds"]?.intValue ?? 1800,
            guardrail: configuration["guardrailConfiguration"], processing: AgentProcessingSteps(configuration["promptOverrideConfiguration"]),
            sessionScope: "\(agent.id)/\(aliasId)")
    }
}
