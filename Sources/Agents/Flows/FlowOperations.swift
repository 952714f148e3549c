import BedrockAPI
import EmulatorCore
import Foundation

/// Flows: CreateFlow (`NotPrepared`), GetFlow, ListFlows, UpdateFlow (back to `NotPrepared`),
/// PrepareFlow (`Preparing` -> `Prepared` or `Failed` on the `flow_prepare` timing),
/// DeleteFlow (refused while aliases exist unless `skipResourceInUseCheck`) and
/// ValidateFlowDefinition.
enum FlowOperations {
    /// The input members a flow stores as given.
    static let configuration = ["description", "executionRoleArn", "customerEncryptionKeyArn", "definition"]

    static func register(into registry: inout OperationRegistry, family: FlowFamily) {
        let service = FlowFamily.service

        registry.register(service, "CreateFlow") { request in
            let input = request.input
            let account = request.context.account
            let token = input["clientToken"]?.stringValue
            if let earlier = family.tokens.earlier(token, scope: "CreateFlow", account: account) { return OperationOutput(earlier) }
            let name = input["name"]?.stringValue ?? ""
            let existing = try await family.flows.list(account: account)
            try requireUnique(name, among: existing)
            let id = ResourceID.alphanumericUpper(count: 10, using: family.environment.ids)
            let arn = account.arn(service: "bedrock", resource: "flow/\(id)").description
            let now = family.now
            var value: [String: ShapeValue] = [
                "id": .string(id), "arn": .string(arn), "name": .string(name), "status": "NotPrepared", "version": .string(FlowFamily.draft),
                "createdAt": .timestamp(now), "updatedAt": .timestamp(now),
            ]
            for member in configuration { value[member] = input[member] }
            _ = try await family.flows.insert(.map(value), id: id, arn: arn, name: name, account: account, tags: TaggingOperations.pairs(input["tags"]))
            family.tokens.remember(token, scope: "CreateFlow", account: account, answer: .map(value))
            return OperationOutput(.map(value))
        }

        registry.register(service, "GetFlow") { request in
            OperationOutput(try await family.flow(request).value)
        }

        registry.register(service, "ListFlows") { request in
            let all = try await family.preparing.listCurrent(account: request.context.account)
            return .listing("flowSummaries", try ListQuery(request.input, scope: "ListFlows", timeField: "createdAt").page(all))
        }

        registry.register(service, "UpdateFlow") { request in
            let input = request.input
            let flow = try await family.editableFlow(request, operation: "Update")
            let name = input["name"]?.stringValue ?? ""
            try requireUnique(name, among: try await family.flows.list(account: request.context.account), except: flow.id)
            var value = flow.value.mapValue ?? [:]
            // UpdateFlow replaces the whole configuration, as on AWS: what is left out is removed.
            for member in configuration { value[member] = input[member] }
            value["name"] = .string(name)
            value["status"] = "NotPrepared"
            value["validations"] = nil
            value["updatedAt"] = .timestamp(family.now)
            var record = flow
            record.record.name = name
            return OperationOutput(try await family.flows.update(record, to: .map(value)).value)
        }

        registry.register(service, "PrepareFlow") { request in
            let flow = try await family.editableFlow(request, operation: "Prepare")
            var value = flow.value.mapValue ?? [:]
            value["status"] = "Preparing"
            value["validations"] = nil
            value["updatedAt"] = .timestamp(family.now)
            let updated = try await family.flows.update(flow, to: .map(value))
            family.preparing.started(updated, account: request.context.account)
            return OperationOutput(["id": .string(flow.id), "status": "Preparing"])
        }

        registry.register(service, "DeleteFlow") { request in
            let account = request.context.account
            let flow = try await family.flow(request)
            let aliases = try await family.children(family.aliases, of: flow, account: account)
            if !aliases.isEmpty, request.input["skipResourceInUseCheck"]?.boolValue != true {
                let ids = aliases.compactMap { $0.value["id"]?.stringValue }.joined(separator: ", ")
                throw BedrockError.conflict(
                    "The flow \(flow.id) is in use by its aliases (\(ids)). Delete the aliases first, or set skipResourceInUseCheck to delete it anyway.")
            }
            for alias in aliases { try await family.aliases.delete(alias) }
            for version in try await family.children(family.versions, of: flow, account: account) { try await family.versions.delete(version) }
            try await family.flows.delete(flow)
            return OperationOutput(["id": .string(flow.id)])
        }

        registry.register(service, "ValidateFlowDefinition") { request in
            let validations = FlowValidator(FlowDefinition(request.input["definition"])).validations()
            return OperationOutput(["validations": .list(validations.map(\.value))])
        }
    }

    /// A ConflictException in AWS's words when another flow has `name`.
    static func requireUnique(_ name: String, among flows: [StoredResource], except id: String? = nil) throws {
        if let taken = flows.first(where: { $0.value["name"]?.stringValue == name && $0.id != id }) {
            throw BedrockError.conflict("A flow named \(name) already exists (id: \(taken.id)). Choose another name.")
        }
    }
}
