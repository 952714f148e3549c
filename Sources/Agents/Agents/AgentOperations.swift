import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// Agents: CreateAgent (`CREATING` -> `NOT_PREPARED` on the `agent_create` timing), GetAgent,
/// ListAgents, UpdateAgent (back to `NOT_PREPARED`), PrepareAgent (`PREPARING` -> `PREPARED`
/// on the `agent_prepare` timing) and DeleteAgent (refused while aliases exist unless
/// `skipResourceInUseCheck`).
enum AgentOperations {
    /// The input members an agent stores as given.
    static let configuration = [
        "description", "instruction", "foundationModel", "idleSessionTTLInSeconds", "agentResourceRoleArn", "promptOverrideConfiguration",
        "guardrailConfiguration", "memoryConfiguration", "agentCollaboration", "orchestrationType", "customOrchestration",
        "customerEncryptionKeyArn",
    ]

    /// What an agent has when its input leaves a member out (the console's 30-minute idle session).
    static let defaults: [String: ShapeValue] = ["idleSessionTTLInSeconds": 1800, "orchestrationType": "DEFAULT", "agentCollaboration": "DISABLED"]

    static func register(into registry: inout OperationRegistry, family: AgentFamily) {
        let service = AgentFamily.service

        registry.register(service, "CreateAgent") { request in
            let input = request.input
            let account = request.context.account
            let existing = try await family.agents.list(account: account)
            if let earlier = family.earlier(request, in: existing) {
                return OperationOutput(["agent": try await family.current(earlier).value])
            }
            let name = input["agentName"]?.stringValue ?? ""
            try family.requireUnique(name, member: "agentName", among: existing, idMember: "agentId")
            if let limit = family.environment.scenario.resourceLimit("agents"), existing.count >= limit {
                throw BedrockError.serviceQuotaExceeded(
                    "This account already has \(existing.count) agents in this region; the limit is \(limit). Delete an agent before you create another.")
            }
            try checkModel(input["foundationModel"], catalog: family.catalog)
            let id = ResourceID.alphanumericUpper(count: 10, using: family.environment.ids)
            let arn = account.arn(service: "bedrock", resource: "agent/\(id)").description
            let now = family.now
            var value: [String: ShapeValue] = [
                "agentId": .string(id), "agentArn": .string(arn), "agentName": .string(name), "agentVersion": .string(AgentFamily.draft),
                "agentStatus": "CREATING", "createdAt": .timestamp(now), "updatedAt": .timestamp(now),
            ]
            value.merge(defaults) { _, given in given }
            // The output shape requires a role; without one the agent gets the service role the console would make.
            value["agentResourceRoleArn"] = .string("arn:aws:iam::\(account.accountId):role/service-role/AmazonBedrockExecutionRoleForAgents_\(id)")
            for member in configuration { if let given = input[member] { value[member] = given } }
            value["clientToken"] = input["clientToken"]
            let stored = try await family.agents.insert(.map(value), id: id, arn: arn, name: name, account: account, tags: TaggingOperations.pairs(input["tags"]))
            family.creating.started(stored, account: account)
            return OperationOutput(["agent": .map(value)])
        }

        registry.register(service, "GetAgent") { request in
            OperationOutput(["agent": try await family.agent(request).value])
        }

        registry.register(service, "ListAgents") { request in
            let account = request.context.account
            var all: [StoredResource] = []
            for agent in try await family.agents.list(account: account) { all.append(try await family.current(agent)) }
            let versions = try await family.versions.list(account: account)
            let page = try ListQuery(request.input, scope: "ListAgents", nameField: "agentName").page(all)
            return .listing("agentSummaries", page) { agent in
                // The latest version is the highest numbered one, DRAFT while there is none.
                let numbers = versions.filter { $0.value["agentId"] == agent.value["agentId"] }.compactMap { $0.value["version"]?.stringValue.flatMap(Int.init) }
                var summary = agent.value.mapValue ?? [:]
                summary["latestAgentVersion"] = .string(numbers.max().map(String.init) ?? AgentFamily.draft)
                return .map(summary)
            }
        }

        registry.register(service, "UpdateAgent") { request in
            let input = request.input
            let agent = try await family.editableAgent(request)
            let name = input["agentName"]?.stringValue ?? ""
            try family.requireUnique(
                name, member: "agentName", among: try await family.agents.list(account: request.context.account), idMember: "agentId", except: agent.id,
                operation: "Update")
            try checkModel(input["foundationModel"], catalog: family.catalog)
            var value = agent.value.mapValue ?? [:]
            // UpdateAgent overwrites the whole configuration, as on AWS; collaboration stays
            // as it was when not given, so a supervisor keeps its collaborators.
            for member in configuration where member != "agentCollaboration" { value[member] = input[member] ?? defaults[member] }
            if let collaboration = input["agentCollaboration"] { value["agentCollaboration"] = collaboration }
            value["agentName"] = .string(name)
            value["agentStatus"] = "NOT_PREPARED"
            value["updatedAt"] = .timestamp(family.now)
            var record = agent
            record.record.name = name
            let updated = try await family.agents.update(record, to: .map(value))
            return OperationOutput(["agent": updated.value])
        }

        registry.register(service, "PrepareAgent") { request in
            let agent = try await family.editableAgent(request, operation: "Prepare")
            if agent.value["foundationModel"] == nil {
                throw BedrockError.validation(
                    "Prepare operation can't be performed on Agent \(agent.id) because it has no foundationModel. Set it with UpdateAgent, then prepare the agent.")
            }
            var value = agent.value.mapValue ?? [:]
            let now = family.now
            value["agentStatus"] = "PREPARING"
            value["preparedAt"] = .timestamp(now)
            value["updatedAt"] = .timestamp(now)
            value["failureReasons"] = nil
            let updated = try await family.agents.update(agent, to: .map(value))
            family.preparing.started(updated, account: request.context.account)
            return OperationOutput([
                "agentId": .string(agent.id), "agentStatus": "PREPARING", "agentVersion": .string(AgentFamily.draft), "preparedAt": .timestamp(now),
            ])
        }

        registry.register(service, "DeleteAgent") { request in
            let account = request.context.account
            let agent = try await family.agent(request)
            let aliases = try await family.children(family.aliases, agentId: agent.id, account: account)
            if !aliases.isEmpty, request.input["skipResourceInUseCheck"]?.boolValue != true {
                let ids = aliases.compactMap { $0.value["agentAliasId"]?.stringValue }.joined(separator: ", ")
                throw BedrockError.conflict(
                    "The agent \(agent.id) is in use by its aliases (\(ids)). Delete the aliases first, or set skipResourceInUseCheck to delete it anyway.")
            }
            for alias in aliases { try await family.aliases.delete(alias) }
            for version in try await family.children(family.versions, agentId: agent.id, account: account) { try await family.versions.delete(version) }
            try await family.removeChildren(agentId: agent.id, account: account)
            try await family.agents.delete(agent)
            return OperationOutput(["agentId": .string(agent.id), "agentStatus": "DELETING"])
        }
    }

    /// Refuses a foundation model the catalog does not know; ARNs of custom, provisioned
    /// and imported models are taken as given.
    static func checkModel(_ model: ShapeValue?, catalog: ModelCatalog) throws {
        guard let identifier = model?.stringValue else { return }
        let ownModel = [":custom-model/", ":provisioned-model/", ":imported-model/", ":prompt-router/", ":application-inference-profile/"]
        if catalog.resolve(identifier) != nil || ownModel.contains(where: identifier.contains) { return }
        throw BedrockError.validation(
            "The foundation model \(identifier) is not valid. Use a model id, inference profile id or ARN that ListFoundationModels or ListInferenceProfiles returns.")
    }
}
