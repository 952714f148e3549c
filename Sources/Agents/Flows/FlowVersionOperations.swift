import BedrockAPI
import EmulatorCore
import Foundation

/// Flow versions: CreateFlowVersion snapshots a prepared DRAFT as the next number, GetFlowVersion,
/// ListFlowVersions (DRAFT first, then the newest number) and DeleteFlowVersion (refused while an
/// alias routes to it unless `skipResourceInUseCheck`).
enum FlowVersionOperations {
    static func register(into registry: inout OperationRegistry, family: FlowFamily) {
        let service = FlowFamily.service

        registry.register(service, "CreateFlowVersion") { request in
            let account = request.context.account
            let flow = try await family.editableFlow(request, operation: "CreateVersion")
            let token = request.input["clientToken"]?.stringValue
            let scope = "CreateFlowVersion/\(flow.id)"
            if let earlier = family.tokens.earlier(token, scope: scope, account: account) { return OperationOutput(earlier) }
            guard flow.value["status"]?.stringValue == "Prepared" else {
                throw BedrockError.validation(
                    "The flow \(flow.id) is \(flow.value["status"]?.stringValue ?? "NotPrepared"); only a Prepared DRAFT can be versioned. Call PrepareFlow and wait until GetFlow shows Prepared.")
            }
            let existing = try await family.children(family.versions, of: flow, account: account)
            let number = String(existing.nextVersionNumber())
            var value = flow.value.mapValue ?? [:]
            value["version"] = .string(number)
            value["createdAt"] = .timestamp(family.now)
            value["updatedAt"] = nil
            value["validations"] = nil
            if let description = request.input["description"] { value["description"] = description }
            let arn = account.arn(service: "bedrock", resource: "flow/\(flow.id)/version/\(number)").description
            _ = try await family.versions.insert(.map(value), id: ResourceCollection.flowVersionID(flowId: flow.id, version: number), arn: arn, account: account)
            family.tokens.remember(token, scope: scope, account: account, answer: .map(value))
            return OperationOutput(.map(value))
        }

        registry.register(service, "GetFlowVersion") { request in
            let flow = try await family.flow(request)
            return OperationOutput(try await family.version(request.input["flowVersion"]?.stringValue ?? "", of: flow, account: request.context.account).value)
        }

        registry.register(service, "ListFlowVersions") { request in
            let flow = try await family.flow(request)
            let numbered = try await family.children(family.versions, of: flow, account: request.context.account)
                .sorted { Int($0.value["version"]?.stringValue ?? "") ?? 0 > Int($1.value["version"]?.stringValue ?? "") ?? 0 }
            let summaries = [flow.value] + numbered.map(\.value)
            return .listing("flowVersionSummaries", try ListQuery(request.input, scope: "ListFlowVersions").page(of: summaries))
        }

        registry.register(service, "DeleteFlowVersion") { request in
            let account = request.context.account
            let flow = try await family.flow(request)
            let number = request.input["flowVersion"]?.stringValue ?? ""
            let stored = try await family.version(number, of: flow, account: account)
            try AliasRouting.requireUnrouted(
                number, of: "flow \(flow.id)", aliases: try await family.children(family.aliases, of: flow, account: account),
                versionMember: "flowVersion", aliasIdMember: "id", request: request)
            try await family.versions.delete(stored)
            return OperationOutput(["id": .string(flow.id), "version": .string(number)])
        }
    }
}
