import BedrockAPI
import EmulatorCore
import Foundation

/// Agent action groups: Create, Get, List, Update and Delete on the DRAFT version (Get and
/// List also read numbered versions). The API schema (inline or in the local object store)
/// must be an OpenAPI 3 document with paths; every change puts the agent back to NOT_PREPARED.
enum AgentActionGroupOperations {
    static func register(into registry: inout OperationRegistry, family: AgentFamily) {
        let service = AgentFamily.service
        let groups = family.actionGroups

        registry.register(service, "CreateAgentActionGroup") { request in
            let input = request.input
            let account = request.context.account
            let agent = try await family.editableAgent(request, operation: "Create")
            let siblings = try await family.children(groups, agentId: agent.id, version: AgentFamily.draft, account: account)
            if let earlier = family.earlier(request, in: siblings) { return OperationOutput(["agentActionGroup": earlier.value]) }
            let name = input["actionGroupName"]?.stringValue ?? ""
            try family.requireUnique(name, member: "actionGroupName", among: siblings, idMember: "actionGroupId")
            let id = ResourceID.alphanumericUpper(count: 10, using: family.environment.ids)
            let now = family.now
            var value: [String: ShapeValue] = [
                "agentId": .string(agent.id), "agentVersion": .string(AgentFamily.draft), "actionGroupId": .string(id), "actionGroupName": .string(name),
                "createdAt": .timestamp(now), "updatedAt": .timestamp(now), "clientToken": input["clientToken"] ?? .null,
            ]
            try configure(&value, from: input, family: family)
            let arn = family.childArn(groups, agentId: agent.id, version: AgentFamily.draft, id: id, account: account)
            _ = try await groups.insert(.map(value), id: family.key(agent.id, AgentFamily.draft, id), arn: arn, account: account)
            try await family.draftChanged(agent)
            return OperationOutput(["agentActionGroup": .map(value)])
        }

        registry.register(service, "GetAgentActionGroup") { request in
            OperationOutput(["agentActionGroup": try await group(request, family: family).value])
        }

        registry.register(service, "ListAgentActionGroups") { request in
            let agent = try await family.agent(request)
            let version = try await family.version(request, of: agent)
            let all = try await family.children(groups, agentId: agent.id, version: version, account: request.context.account)
            return .listing("actionGroupSummaries", try ListQuery(request.input, scope: "ListAgentActionGroups").page(all))
        }

        registry.register(service, "UpdateAgentActionGroup") { request in
            let input = request.input
            let agent = try await family.editableAgent(request)
            let stored = try await group(request, family: family)
            let name = input["actionGroupName"]?.stringValue ?? ""
            let siblings = try await family.children(groups, agentId: agent.id, version: AgentFamily.draft, account: request.context.account)
            try family.requireUnique(name, member: "actionGroupName", among: siblings, idMember: "actionGroupId", except: stored.value["actionGroupId"]?.stringValue, operation: "Update")
            var value = stored.value.mapValue ?? [:]
            // An update replaces the group's definition, as its PUT does.
            for member in ["apiSchema", "functionSchema", "actionGroupExecutor", "parentActionSignature", "parentActionGroupSignatureParams"] {
                value[member] = nil
            }
            value["actionGroupName"] = .string(name)
            if let description = input["description"] { value["description"] = description }
            let state = value["actionGroupState"]
            try configure(&value, from: input, family: family)
            if input["actionGroupState"] == nil { value["actionGroupState"] = state }
            value["updatedAt"] = .timestamp(family.now)
            let updated = try await groups.update(stored, to: .map(value))
            try await family.draftChanged(agent)
            return OperationOutput(["agentActionGroup": updated.value])
        }

        registry.register(service, "DeleteAgentActionGroup") { request in
            let agent = try await family.editableAgent(request, operation: "Delete")
            let stored = try await group(request, family: family)
            if stored.value["actionGroupState"] == "ENABLED", request.input["skipResourceInUseCheck"]?.boolValue != true {
                throw BedrockError.conflict(
                    "The action group \(stored.value["actionGroupId"]?.stringValue ?? "") is ENABLED and in use. Set its actionGroupState to DISABLED first, or set skipResourceInUseCheck.")
            }
            try await groups.delete(stored)
            try await family.draftChanged(agent)
            return OperationOutput()
        }
    }

    /// The action group the request names, in the version it names.
    static func group(_ request: OperationRequest, family: AgentFamily) async throws -> StoredResource {
        try await family.child(request, in: family.actionGroups, idMember: "actionGroupId", noun: "action group")
    }

    /// Checks and stores the group's definition: a built-in signature, or an executor with
    /// exactly one of an API schema or a function schema.
    static func configure(_ value: inout [String: ShapeValue], from input: ShapeValue, family: AgentFamily) throws {
        value["description"] = input["description"] ?? value["description"]
        value["actionGroupState"] = input["actionGroupState"] ?? "ENABLED"
        if let signature = input["parentActionGroupSignature"] {
            for member in ["apiSchema", "functionSchema", "actionGroupExecutor"] where input[member] != nil {
                throw BedrockError.validation(
                    "An action group with parentActionGroupSignature \(signature.stringValue ?? "") uses Bedrock's built-in action; leave \(member) out.")
            }
            value["parentActionSignature"] = signature
            value["parentActionGroupSignatureParams"] = input["parentActionGroupSignatureParams"]
            return
        }
        switch (input["apiSchema"], input["functionSchema"]) {
        case (nil, nil), (.some, .some):
            throw BedrockError.validation("An action group needs exactly one of apiSchema (an OpenAPI schema) or functionSchema (a list of functions).")
        case (let schema?, nil):
            try checkAPISchema(schema, objects: family.environment.objects)
            value["apiSchema"] = schema
        case (nil, let functions?):
            try checkFunctions(functions)
            value["functionSchema"] = functions
        }
        guard let executor = input["actionGroupExecutor"], executor["lambda"] != nil || executor["customControl"] != nil else {
            throw BedrockError.validation(
                "The action group needs an actionGroupExecutor: a lambda ARN, or customControl RETURN_CONTROL to get the calls back in InvokeAgent's response.")
        }
        value["actionGroupExecutor"] = executor
    }

    /// An API schema's OpenAPI document, inline or read from the local object store, must be usable.
    static func checkAPISchema(_ schema: ShapeValue, objects: ObjectStore) throws {
        let text: String
        switch (schema["payload"]?.stringValue, schema["s3"]) {
        case (let payload?, nil):
            text = payload
        case (nil, let s3?):
            let uri = "s3://\(s3["s3BucketName"]?.stringValue ?? "")/\(s3["s3ObjectKey"]?.stringValue ?? "")"
            guard let data = try? objects.read(uri) else {
                throw BedrockError.validation("Failed to read the OpenAPI schema at \(uri): the object does not exist in the emulator's object store. Upload it first.")
            }
            text = String(decoding: data, as: UTF8.self)
        default:
            throw BedrockError.validation("The apiSchema needs exactly one of payload (the OpenAPI document) or s3 (where it is stored).")
        }
        if let problem = OpenAPIDocument.problem(in: text) {
            throw BedrockError.validation("The apiSchema is not a valid OpenAPI schema: \(problem).")
        }
    }

    /// A function schema needs functions with distinct names.
    static func checkFunctions(_ schema: ShapeValue) throws {
        let names = (schema["functions"]?.listValue ?? []).compactMap { $0["name"]?.stringValue }
        guard !names.isEmpty else { throw BedrockError.validation("The functionSchema has no functions; define at least one function the agent can call.") }
        if let twice = names.first(where: { name in names.filter { $0 == name }.count > 1 }) {
            throw BedrockError.validation("The functionSchema defines the function \(twice) more than once; function names must be unique.")
        }
    }
}
