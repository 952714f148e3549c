import BedrockAPI
import EmulatorCore
import Foundation

/// Agent versions: numbered snapshots of DRAFT (made when an alias is created without a
/// routing configuration), read with GetAgentVersion and ListAgentVersions (which also
/// shows DRAFT) and removed with DeleteAgentVersion (refused while an alias routes to it).
enum AgentVersionOperations {
    static func register(into registry: inout OperationRegistry, family: AgentFamily) {
        let service = AgentFamily.service

        registry.register(service, "GetAgentVersion") { request in
            OperationOutput(["agentVersion": try await version(request, family: family).value])
        }

        registry.register(service, "ListAgentVersions") { request in
            let agent = try await family.agent(request)
            let numbered = try await family.children(family.versions, agentId: agent.id, account: request.context.account)
                .sorted { Int($0.value["version"]?.stringValue ?? "") ?? 0 > Int($1.value["version"]?.stringValue ?? "") ?? 0 }
            var draft = agent.value.mapValue ?? [:]
            draft["agentVersion"] = .string(AgentFamily.draft)
            var summaries: [ShapeValue] = [.map(draft)]
            for stored in numbered {
                var summary = stored.value.mapValue ?? [:]
                summary["agentVersion"] = summary["version"]
                summaries.append(.map(summary))
            }
            return .listing("agentVersionSummaries", try ListQuery(request.input, scope: "ListAgentVersions").page(of: summaries))
        }

        registry.register(service, "DeleteAgentVersion") { request in
            let account = request.context.account
            let stored = try await version(request, family: family)
            let agentId = stored.value["agentId"]?.stringValue ?? ""
            let number = stored.value["version"]?.stringValue ?? ""
            try AliasRouting.requireUnrouted(
                number, of: "agent \(agentId)", aliases: try await family.children(family.aliases, agentId: agentId, account: account),
                versionMember: "agentVersion", aliasIdMember: "agentAliasId", request: request)
            try await family.removeChildren(agentId: agentId, version: number, account: account)
            try await family.versions.delete(stored)
            return OperationOutput(["agentId": .string(agentId), "agentVersion": .string(number), "agentStatus": "DELETING"])
        }
    }

    /// The numbered version the request names.
    static func version(_ request: OperationRequest, family: AgentFamily) async throws -> StoredResource {
        let agent = try await family.agent(request)
        let number = request.input["agentVersion"]?.stringValue ?? ""
        return try await family.versions.require(
            family.key(agent.id, number), account: request.context.account,
            notFound: .resourceNotFound("The agent \(agent.id) has no version \(number). ListAgentVersions shows the versions it has."))
    }

    /// Snapshots the agent's DRAFT, with its action groups, knowledge bases and
    /// collaborators, as the next numbered version.
    static func snapshot(_ agent: StoredResource, family: AgentFamily, account: AccountContext) async throws -> String {
        let existing = try await family.children(family.versions, agentId: agent.id, account: account)
        let number = String(existing.nextVersionNumber())
        var value = agent.value.mapValue ?? [:]
        let now = family.now
        value["version"] = .string(number)
        value["agentStatus"] = "PREPARED"
        value["createdAt"] = .timestamp(now)
        value["updatedAt"] = .timestamp(now)
        let arn = family.childArn(family.versions, agentId: agent.id, version: number, id: number, account: account)
        _ = try await family.versions.insert(.map(value), id: family.key(agent.id, number), arn: arn, account: account)
        for (collection, idMember) in [(family.actionGroups, "actionGroupId"), (family.knowledgeBases, "knowledgeBaseId"), (family.collaborators, "collaboratorId")] {
            for child in try await family.children(collection, agentId: agent.id, version: AgentFamily.draft, account: account) {
                try await family.copy(child, in: collection, idMember: idMember, to: number, account: account)
            }
        }
        return number
    }
}
