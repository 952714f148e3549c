import BedrockAPI
import EmulatorCore
import Foundation

/// Collaborators of a supervisor agent's DRAFT: Associate, Get, List, Update and
/// Disassociate (Get and List also read numbered versions). The agent must have
/// agentCollaboration SUPERVISOR or SUPERVISOR_ROUTER, and the collaborator's alias must
/// exist; each change puts the agent back to NOT_PREPARED.
enum AgentCollaboratorOperations {
    static func register(into registry: inout OperationRegistry, family: AgentFamily) {
        let service = AgentFamily.service
        let collaborators = family.collaborators

        registry.register(service, "AssociateAgentCollaborator") { request in
            let input = request.input
            let account = request.context.account
            let agent = try await family.editableAgent(request, operation: "Associate")
            let collaboration = agent.value["agentCollaboration"]?.stringValue ?? "DISABLED"
            guard collaboration != "DISABLED" else {
                throw BedrockError.validation(
                    "The agent \(agent.id) has agentCollaboration DISABLED. Set it to SUPERVISOR or SUPERVISOR_ROUTER with UpdateAgent before you associate collaborators.")
            }
            let siblings = try await family.children(collaborators, agentId: agent.id, version: AgentFamily.draft, account: account)
            if let earlier = family.earlier(request, in: siblings) { return OperationOutput(["agentCollaborator": earlier.value]) }
            let name = input["collaboratorName"]?.stringValue ?? ""
            try family.requireUnique(name, member: "collaboratorName", among: siblings, idMember: "collaboratorId")
            try await checkDescriptor(input["agentDescriptor"], supervisor: agent, family: family, account: account)
            let id = ResourceID.alphanumericUpper(count: 10, using: family.environment.ids)
            let now = family.now
            var value: [String: ShapeValue] = [
                "agentId": .string(agent.id), "agentVersion": .string(AgentFamily.draft), "collaboratorId": .string(id), "collaboratorName": .string(name),
                "relayConversationHistory": input["relayConversationHistory"] ?? "DISABLED",
                "createdAt": .timestamp(now), "lastUpdatedAt": .timestamp(now),
            ]
            value["agentDescriptor"] = input["agentDescriptor"]
            value["collaborationInstruction"] = input["collaborationInstruction"]
            value["clientToken"] = input["clientToken"]
            let arn = family.childArn(collaborators, agentId: agent.id, version: AgentFamily.draft, id: id, account: account)
            _ = try await collaborators.insert(.map(value), id: family.key(agent.id, AgentFamily.draft, id), arn: arn, account: account)
            try await family.draftChanged(agent)
            return OperationOutput(["agentCollaborator": .map(value)])
        }

        registry.register(service, "GetAgentCollaborator") { request in
            OperationOutput(["agentCollaborator": try await collaborator(request, family: family).value])
        }

        registry.register(service, "ListAgentCollaborators") { request in
            let agent = try await family.agent(request)
            let version = try await family.version(request, of: agent)
            let all = try await family.children(collaborators, agentId: agent.id, version: version, account: request.context.account)
            return .listing("agentCollaboratorSummaries", try ListQuery(request.input, scope: "ListAgentCollaborators").page(all))
        }

        registry.register(service, "UpdateAgentCollaborator") { request in
            let input = request.input
            let account = request.context.account
            let agent = try await family.editableAgent(request)
            let stored = try await collaborator(request, family: family)
            let name = input["collaboratorName"]?.stringValue ?? ""
            let siblings = try await family.children(collaborators, agentId: agent.id, version: AgentFamily.draft, account: account)
            try family.requireUnique(
                name, member: "collaboratorName", among: siblings, idMember: "collaboratorId", except: stored.value["collaboratorId"]?.stringValue, operation: "Update")
            try await checkDescriptor(input["agentDescriptor"], supervisor: agent, family: family, account: account)
            var value = stored.value.mapValue ?? [:]
            value["collaboratorName"] = .string(name)
            value["agentDescriptor"] = input["agentDescriptor"]
            value["collaborationInstruction"] = input["collaborationInstruction"]
            if let relay = input["relayConversationHistory"] { value["relayConversationHistory"] = relay }
            value["lastUpdatedAt"] = .timestamp(family.now)
            let updated = try await collaborators.update(stored, to: .map(value))
            try await family.draftChanged(agent)
            return OperationOutput(["agentCollaborator": updated.value])
        }

        registry.register(service, "DisassociateAgentCollaborator") { request in
            let agent = try await family.editableAgent(request, operation: "Disassociate")
            try await collaborators.delete(try await collaborator(request, family: family))
            try await family.draftChanged(agent)
            return OperationOutput()
        }
    }

    /// The collaborator the request names, in the version it names.
    static func collaborator(_ request: OperationRequest, family: AgentFamily) async throws -> StoredResource {
        try await family.child(request, in: family.collaborators, idMember: "collaboratorId", noun: "collaborator")
    }

    /// The collaborator's alias must be an alias of another agent that exists here.
    static func checkDescriptor(_ descriptor: ShapeValue?, supervisor: StoredResource, family: AgentFamily, account: AccountContext) async throws {
        guard let aliasArn = descriptor?["aliasArn"]?.stringValue else {
            throw BedrockError.validation("The agentDescriptor needs the aliasArn of the collaborator agent's alias.")
        }
        let parts = aliasArn.split(separator: "/").map(String.init)
        guard parts.count == 3 else { throw BedrockError.validation("The aliasArn \(aliasArn) is not an agent alias ARN.") }
        if parts[1] == supervisor.id {
            throw BedrockError.validation("An agent cannot be its own collaborator; give the alias of another agent.")
        }
        let exists = parts[2] == AgentFamily.testAliasId
            ? try await family.agents.find(parts[1], account: account) != nil
            : try await family.aliases.find(aliasArn, account: account) != nil
        if !exists {
            throw BedrockError.resourceNotFound("The agent alias \(aliasArn) does not exist in this account and region.")
        }
    }
}
