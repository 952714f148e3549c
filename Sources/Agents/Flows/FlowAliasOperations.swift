import BedrockAPI
import EmulatorCore
import Foundation

/// Flow aliases: Create, Get, List, Update and Delete. An alias routes to one numbered
/// version (`routingConfiguration`, which must exist) and keeps its `concurrencyConfiguration`
/// as given; the built-in `TSTALIASID` runs the prepared DRAFT and is not stored.
enum FlowAliasOperations {
    static func register(into registry: inout OperationRegistry, family: FlowFamily) {
        let service = FlowFamily.service
        let aliases = family.aliases

        registry.register(service, "CreateFlowAlias") { request in
            let input = request.input
            let account = request.context.account
            let flow = try await family.flow(request)
            let token = input["clientToken"]?.stringValue
            let scope = "CreateFlowAlias/\(flow.id)"
            if let earlier = family.tokens.earlier(token, scope: scope, account: account) { return OperationOutput(earlier) }
            let name = input["name"]?.stringValue ?? ""
            try requireUnique(name, among: try await family.children(aliases, of: flow, account: account))
            let routing = try await routingConfiguration(input["routingConfiguration"], flow: flow, family: family, account: account)
            let id = ResourceID.alphanumericUpper(count: 10, using: family.environment.ids)
            let arn = account.arn(service: "bedrock", resource: "flow/\(flow.id)/alias/\(id)").description
            let now = family.now
            var value: [String: ShapeValue] = [
                "flowId": .string(flow.id), "id": .string(id), "arn": .string(arn), "name": .string(name), "routingConfiguration": routing,
                "createdAt": .timestamp(now), "updatedAt": .timestamp(now),
            ]
            value["description"] = input["description"]
            value["concurrencyConfiguration"] = input["concurrencyConfiguration"]
            _ = try await aliases.insert(
                .map(value), id: ResourceCollection.flowAliasID(flowId: flow.id, aliasId: id), arn: arn, name: nil, account: account,
                tags: TaggingOperations.pairs(input["tags"]))
            family.tokens.remember(token, scope: scope, account: account, answer: .map(value))
            return OperationOutput(.map(value))
        }

        registry.register(service, "GetFlowAlias") { request in
            OperationOutput(try await alias(request, family: family).value)
        }

        registry.register(service, "ListFlowAliases") { request in
            let flow = try await family.flow(request)
            let all = try await family.children(aliases, of: flow, account: request.context.account)
            return .listing("flowAliasSummaries", try ListQuery(request.input, scope: "ListFlowAliases", timeField: "createdAt").page(all))
        }

        registry.register(service, "UpdateFlowAlias") { request in
            let input = request.input
            let account = request.context.account
            let stored = try await alias(request, family: family)
            let flow = try await family.flow(request)
            let name = input["name"]?.stringValue ?? ""
            try requireUnique(name, among: try await family.children(aliases, of: flow, account: account), except: stored.id)
            var value = stored.value.mapValue ?? [:]
            value["name"] = .string(name)
            value["description"] = input["description"]
            value["concurrencyConfiguration"] = input["concurrencyConfiguration"]
            value["routingConfiguration"] = try await routingConfiguration(input["routingConfiguration"], flow: flow, family: family, account: account)
            value["updatedAt"] = .timestamp(family.now)
            return OperationOutput(try await aliases.update(stored, to: .map(value)).value)
        }

        registry.register(service, "DeleteFlowAlias") { request in
            let stored = try await alias(request, family: family)
            try await aliases.delete(stored)
            return OperationOutput(["flowId": stored.value["flowId"] ?? .null, "id": stored.value["id"] ?? .null])
        }
    }

    /// The stored alias the request's `aliasIdentifier` names (id or ARN) on its flow.
    static func alias(_ request: OperationRequest, family: FlowFamily) async throws -> StoredResource {
        let flow = try await family.flow(request)
        let id = FlowFamily.aliasId(request.input["aliasIdentifier"]?.stringValue ?? "")
        if id == FlowFamily.testAliasId {
            throw BedrockError.validation("The test alias TSTALIASID runs the prepared DRAFT of every flow; it is not a stored alias and cannot be read or changed.")
        }
        return try await family.aliases.require(
            ResourceCollection.flowAliasID(flowId: flow.id, aliasId: id), account: request.context.account,
            notFound: .resourceNotFound("The alias \(id) does not exist for flow \(flow.id). ListFlowAliases shows its aliases."))
    }

    /// The routing an alias gets: one numbered version of the flow that exists.
    static func routingConfiguration(
        _ given: ShapeValue?, flow: StoredResource, family: FlowFamily, account: AccountContext
    ) async throws -> ShapeValue {
        let items = given?.listValue ?? []
        for item in items {
            let version = item["flowVersion"]?.stringValue ?? ""
            if version == FlowFamily.draft || version.isEmpty {
                throw BedrockError.validation(
                    "An alias routes to a numbered version of the flow. Create one with CreateFlowVersion; to run the DRAFT, invoke the test alias TSTALIASID.")
            }
            _ = try await family.version(version, of: flow, account: account)
        }
        return .list(items)
    }

    /// A ConflictException when another alias of the flow has `name`.
    static func requireUnique(_ name: String, among aliases: [StoredResource], except storeId: String? = nil) throws {
        if let taken = aliases.first(where: { $0.value["name"]?.stringValue == name && $0.id != storeId }) {
            throw BedrockError.conflict("The flow already has an alias named \(name) (id: \(taken.value["id"]?.stringValue ?? "")). Choose another name.")
        }
    }
}
