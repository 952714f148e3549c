import BedrockAPI
import EmulatorCore
import Foundation

/// Agent aliases: Create (`CREATING` -> `PREPARED` on the `agent_alias` timing; without a
/// routing configuration DRAFT is snapshotted as the next numbered version), Get, List
/// (with the built-in `TSTALIASID` that points at DRAFT), Update (`UPDATING` -> `PREPARED`)
/// and Delete.
enum AgentAliasOperations {
    static let testAliasName = "AgentTestAlias"

    static func register(into registry: inout OperationRegistry, family: AgentFamily) {
        let service = AgentFamily.service
        let aliases = family.aliases

        registry.register(service, "CreateAgentAlias") { request in
            let input = request.input
            let account = request.context.account
            let agent = try await family.agent(request)
            let siblings = try await family.children(aliases, agentId: agent.id, account: account)
            if let earlier = family.earlier(request, in: siblings) {
                return OperationOutput(["agentAlias": try await family.aliasLifecycle.current(earlier).value])
            }
            let name = input["agentAliasName"]?.stringValue ?? ""
            if name == testAliasName {
                throw BedrockError.validation("The alias name \(testAliasName) is reserved for the test alias TSTALIASID. Choose another agentAliasName.")
            }
            try family.requireUnique(name, member: "agentAliasName", among: siblings, idMember: "agentAliasId")
            let routing = try await routingConfiguration(input["routingConfiguration"], agent: agent, family: family, account: account, operation: "Create")
            let id = ResourceID.alphanumericUpper(count: 10, using: family.environment.ids)
            let arn = account.arn(service: "bedrock", resource: "agent-alias/\(agent.id)/\(id)").description
            let now = family.now
            var value: [String: ShapeValue] = [
                "agentId": .string(agent.id), "agentAliasId": .string(id), "agentAliasArn": .string(arn), "agentAliasName": .string(name),
                "agentAliasStatus": "CREATING", "routingConfiguration": routing, "aliasInvocationState": "ACCEPT_INVOCATIONS",
                "agentAliasHistoryEvents": .list([.map(["routingConfiguration": routing, "startDate": .timestamp(now)])]),
                "createdAt": .timestamp(now), "updatedAt": .timestamp(now),
            ]
            value["description"] = input["description"]
            value["clientToken"] = input["clientToken"]
            let stored = try await aliases.insert(
                .map(value), id: family.key(agent.id, id), arn: arn, account: account, tags: TaggingOperations.pairs(input["tags"]))
            family.aliasLifecycle.started(stored, account: account)
            return OperationOutput(["agentAlias": .map(value)])
        }

        registry.register(service, "GetAgentAlias") { request in
            let agent = try await family.agent(request)
            if request.input["agentAliasId"]?.stringValue == AgentFamily.testAliasId {
                return OperationOutput(["agentAlias": testAlias(agent, account: request.context.account)])
            }
            return OperationOutput(["agentAlias": try await alias(request, of: agent, family: family).value])
        }

        registry.register(service, "ListAgentAliases") { request in
            let agent = try await family.agent(request)
            var all: [StoredResource] = []
            for stored in try await family.children(aliases, agentId: agent.id, account: request.context.account) {
                all.append(try await family.aliasLifecycle.current(stored))
            }
            // The test alias lists first; the page is cut once, over the whole list.
            let query = ListQuery(request.input, scope: "ListAgentAliases")
            let summaries = [testAlias(agent, account: request.context.account)] + query.sorted(all).map(\.value)
            return .listing("agentAliasSummaries", try query.page(of: summaries))
        }

        registry.register(service, "UpdateAgentAlias") { request in
            let input = request.input
            let account = request.context.account
            let agent = try await family.agent(request)
            let stored = try await changeable(request, of: agent, family: family, operation: "Update")
            let name = input["agentAliasName"]?.stringValue ?? ""
            let siblings = try await family.children(aliases, agentId: agent.id, account: account)
            try family.requireUnique(name, member: "agentAliasName", among: siblings, idMember: "agentAliasId", except: stored.value["agentAliasId"]?.stringValue, operation: "Update")
            var value = stored.value.mapValue ?? [:]
            let now = family.now
            value["agentAliasName"] = .string(name)
            if let description = input["description"] { value["description"] = description }
            if let state = input["aliasInvocationState"] { value["aliasInvocationState"] = state }
            if let given = input["routingConfiguration"] {
                let routing = try await routingConfiguration(given, agent: agent, family: family, account: account, operation: "Update")
                if routing != value["routingConfiguration"] {
                    // The history closes the previous routing and opens the new one.
                    var events = value["agentAliasHistoryEvents"]?.listValue ?? []
                    if var last = events.popLast()?.mapValue {
                        last["endDate"] = .timestamp(now)
                        events.append(.map(last))
                    }
                    events.append(.map(["routingConfiguration": routing, "startDate": .timestamp(now)]))
                    value["agentAliasHistoryEvents"] = .list(events)
                    value["routingConfiguration"] = routing
                }
            }
            value["agentAliasStatus"] = "UPDATING"
            value["updatedAt"] = .timestamp(now)
            let updated = try await aliases.update(stored, to: .map(value))
            family.aliasLifecycle.started(updated, account: account)
            return OperationOutput(["agentAlias": updated.value])
        }

        registry.register(service, "DeleteAgentAlias") { request in
            let agent = try await family.agent(request)
            let stored = try await changeable(request, of: agent, family: family, operation: "Delete")
            try await aliases.delete(stored)
            return OperationOutput([
                "agentId": .string(agent.id), "agentAliasId": stored.value["agentAliasId"] ?? .null, "agentAliasStatus": "DELETING",
            ])
        }
    }

    /// The stored alias the request names, moved on by the clock.
    static func alias(_ request: OperationRequest, of agent: StoredResource, family: AgentFamily) async throws -> StoredResource {
        let id = request.input["agentAliasId"]?.stringValue ?? ""
        let stored = try await family.aliases.require(
            family.key(agent.id, id), account: request.context.account,
            notFound: .resourceNotFound("The alias \(id) does not exist for agent \(agent.id)."))
        return try await family.aliasLifecycle.current(stored)
    }

    /// The alias a change names: not the test alias, and not while it is still being made.
    static func changeable(_ request: OperationRequest, of agent: StoredResource, family: AgentFamily, operation: String) async throws -> StoredResource {
        if request.input["agentAliasId"]?.stringValue == AgentFamily.testAliasId {
            throw BedrockError.validation("The test alias TSTALIASID always points at DRAFT and cannot be changed or deleted.")
        }
        let stored = try await alias(request, of: agent, family: family)
        if let status = stored.value["agentAliasStatus"]?.stringValue, family.aliasLifecycle.isRunning(status) {
            throw BedrockError.conflict("\(operation) operation can't be performed on AgentAlias when it is in \(status) state. Wait until it is PREPARED.")
        }
        return stored
    }

    /// The routing configuration an alias gets: the versions given, which must exist, or a
    /// new version made from DRAFT, which must be prepared.
    static func routingConfiguration(
        _ given: ShapeValue?, agent: StoredResource, family: AgentFamily, account: AccountContext, operation: String
    ) async throws -> ShapeValue {
        if let items = given?.listValue, !items.isEmpty {
            for item in items {
                guard let version = item["agentVersion"]?.stringValue else { continue }
                if version == AgentFamily.draft {
                    throw BedrockError.validation("An alias cannot point at DRAFT; use the test alias TSTALIASID to invoke the draft, or route to a numbered version.")
                }
                if try await family.versions.find(family.key(agent.id, version), account: account) == nil {
                    throw BedrockError.resourceNotFound("The agent \(agent.id) has no version \(version). ListAgentVersions shows the versions it has.")
                }
            }
            return .list(items)
        }
        let status = agent.value["agentStatus"]?.stringValue ?? ""
        guard status == "PREPARED" else {
            throw BedrockError.validation(
                "\(operation) operation can't be performed on AgentAlias when Agent is in \(status) state. Prepare the agent (PrepareAgent) and wait until it is PREPARED.")
        }
        let number = try await AgentVersionOperations.snapshot(agent, family: family, account: account)
        return .list([.map(["agentVersion": .string(number)])])
    }

    /// The built-in test alias: every agent has it, pointing at DRAFT.
    static func testAlias(_ agent: StoredResource, account: AccountContext) -> ShapeValue {
        let routing: ShapeValue = .list([.map(["agentVersion": .string(AgentFamily.draft)])])
        return .map([
            "agentId": .string(agent.id), "agentAliasId": .string(AgentFamily.testAliasId), "agentAliasName": .string(testAliasName),
            "agentAliasArn": .string(account.arn(service: "bedrock", resource: "agent-alias/\(agent.id)/\(AgentFamily.testAliasId)").description),
            "agentAliasStatus": "PREPARED", "routingConfiguration": routing, "aliasInvocationState": "ACCEPT_INVOCATIONS",
            "description": "Test Alias for Agent", "createdAt": agent.value["createdAt"] ?? .null, "updatedAt": agent.value["updatedAt"] ?? .null,
            "agentAliasHistoryEvents": .list([.map(["routingConfiguration": routing, "startDate": agent.value["createdAt"] ?? .null])]),
        ])
    }
}
