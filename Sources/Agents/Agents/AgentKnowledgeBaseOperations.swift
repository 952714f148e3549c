import BedrockAPI
import EmulatorCore
import Foundation

/// Knowledge bases associated with an agent's DRAFT: Associate, Get, List, Update and
/// Disassociate (Get and List also read numbered versions). Any well-formed knowledge base
/// id is accepted; each change puts the agent back to NOT_PREPARED.
enum AgentKnowledgeBaseOperations {
    static func register(into registry: inout OperationRegistry, family: AgentFamily) {
        let service = AgentFamily.service
        let associations = family.knowledgeBases

        registry.register(service, "AssociateAgentKnowledgeBase") { request in
            let input = request.input
            let account = request.context.account
            let agent = try await family.editableAgent(request, operation: "Associate")
            let knowledgeBaseId = input["knowledgeBaseId"]?.stringValue ?? ""
            let key = family.key(agent.id, AgentFamily.draft, knowledgeBaseId)
            if try await associations.find(key, account: account) != nil {
                throw BedrockError.conflict("The knowledge base \(knowledgeBaseId) is already associated with agent \(agent.id). Use UpdateAgentKnowledgeBase to change it.")
            }
            let now = family.now
            let value: [String: ShapeValue] = [
                "agentId": .string(agent.id), "agentVersion": .string(AgentFamily.draft), "knowledgeBaseId": .string(knowledgeBaseId),
                "description": input["description"] ?? "", "knowledgeBaseState": input["knowledgeBaseState"] ?? "ENABLED",
                "createdAt": .timestamp(now), "updatedAt": .timestamp(now),
            ]
            let arn = family.childArn(associations, agentId: agent.id, version: AgentFamily.draft, id: knowledgeBaseId, account: account)
            _ = try await associations.insert(.map(value), id: key, arn: arn, account: account)
            try await family.draftChanged(agent)
            return OperationOutput(["agentKnowledgeBase": .map(value)])
        }

        registry.register(service, "GetAgentKnowledgeBase") { request in
            OperationOutput(["agentKnowledgeBase": try await association(request, family: family).value])
        }

        registry.register(service, "ListAgentKnowledgeBases") { request in
            let agent = try await family.agent(request)
            let version = try await family.version(request, of: agent)
            let all = try await family.children(associations, agentId: agent.id, version: version, account: request.context.account)
            return .listing("agentKnowledgeBaseSummaries", try ListQuery(request.input, scope: "ListAgentKnowledgeBases").page(all))
        }

        registry.register(service, "UpdateAgentKnowledgeBase") { request in
            let agent = try await family.editableAgent(request)
            let stored = try await association(request, family: family)
            var value = stored.value.mapValue ?? [:]
            if let description = request.input["description"] { value["description"] = description }
            if let state = request.input["knowledgeBaseState"] { value["knowledgeBaseState"] = state }
            value["updatedAt"] = .timestamp(family.now)
            let updated = try await associations.update(stored, to: .map(value))
            try await family.draftChanged(agent)
            return OperationOutput(["agentKnowledgeBase": updated.value])
        }

        registry.register(service, "DisassociateAgentKnowledgeBase") { request in
            let agent = try await family.editableAgent(request, operation: "Disassociate")
            try await associations.delete(try await association(request, family: family))
            try await family.draftChanged(agent)
            return OperationOutput()
        }
    }

    /// The association the request names, in the version it names.
    static func association(_ request: OperationRequest, family: AgentFamily) async throws -> StoredResource {
        try await family.child(request, in: family.knowledgeBases, idMember: "knowledgeBaseId", noun: "knowledge base association")
    }
}
