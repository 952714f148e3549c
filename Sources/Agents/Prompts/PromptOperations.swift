import BedrockAPI
import EmulatorCore
import FakeModels

/// Prompt management: CreatePrompt, GetPrompt, UpdatePrompt, ListPrompts, DeletePrompt and
/// CreatePromptVersion. UpdatePrompt replaces the DRAFT; CreatePromptVersion snapshots it as
/// "1", "2", ... under `<prompt ARN>:<version>`; flows and the runtime read the same rows
/// through `ResourceCollection.prompt(_:version:account:environment:)`.
enum PromptOperations {
    static let service = "bedrock-agent"
    /// `PromptSummaries` holds at most 10 summaries a page.
    static let pageLimit = 10

    /// Registers the prompt operations.
    static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment, catalog: ModelCatalog) {
        let drafts = ResourceCollection.prompts(environment)
        let versions = ResourceCollection.promptVersions(environment)
        let definition = PromptDefinition(catalog: catalog, environment: environment)
        let tokens = IdempotencyTokens()

        @Sendable func draft(_ request: OperationRequest) async throws -> StoredResource {
            try await ResourceCollection.prompt(
                request.input["promptIdentifier"]?.stringValue ?? "", version: nil, account: request.context.account, environment: environment)
        }

        @Sendable func snapshots(of draft: StoredResource, account: AccountContext) async throws -> [StoredResource] {
            try await versions.list(account: account).filter { $0.value["id"]?.stringValue == draft.id }
        }

        @Sendable func requireUnusedName(_ name: String, except id: String?, account: AccountContext) async throws {
            if let taken = try await drafts.list(account: account).first(where: { $0.id != id && $0.value["name"]?.stringValue == name }) {
                throw BedrockError.conflict("A prompt named \(name) already exists (id \(taken.id)). Choose another name.")
            }
        }

        registry.register(service, "CreatePrompt") { request in
            let input = request.input
            let account = request.context.account
            let token = input["clientToken"]?.stringValue
            if let earlier = tokens.earlier(token, scope: "CreatePrompt", account: account),
                try await drafts.find(earlier["id"]?.stringValue ?? "", account: account) != nil
            {
                return OperationOutput(earlier)
            }
            var value = try await definition.members(of: input, account: account)
            let name = input["name"]?.stringValue ?? ""
            try await requireUnusedName(name, except: nil, account: account)
            let id = ResourceID.alphanumericUpper(count: 10, using: environment.ids)
            let arn = account.arn(service: "bedrock", resource: "prompt/\(id)").description
            let now = environment.clock.now()
            value["id"] = .string(id)
            value["arn"] = .string(arn)
            value["version"] = "DRAFT"
            value["createdAt"] = .timestamp(now)
            value["updatedAt"] = .timestamp(now)
            let stored = try await drafts.insert(.map(value), id: id, arn: arn, name: name, account: account, tags: TaggingOperations.pairs(input["tags"]))
            tokens.remember(token, scope: "CreatePrompt", account: account, answer: stored.value)
            return OperationOutput(stored.value)
        }

        registry.register(service, "GetPrompt") { request in
            let found = try await ResourceCollection.prompt(
                request.input["promptIdentifier"]?.stringValue ?? "", version: request.input["promptVersion"]?.stringValue,
                account: request.context.account, environment: environment)
            return OperationOutput(found.value)
        }

        registry.register(service, "UpdatePrompt") { request in
            let account = request.context.account
            var stored = try await draft(request)
            var value = try await definition.members(of: request.input, account: account)
            let name = request.input["name"]?.stringValue ?? ""
            try await requireUnusedName(name, except: stored.id, account: account)
            for kept in ["id", "arn", "createdAt"] { value[kept] = stored.value[kept] }
            value["version"] = "DRAFT"
            value["updatedAt"] = .timestamp(environment.clock.now())
            stored.record.name = name
            let updated = try await drafts.update(stored, to: .map(value))
            return OperationOutput(updated.value)
        }

        registry.register(service, "CreatePromptVersion") { request in
            let input = request.input
            let account = request.context.account
            let stored = try await draft(request)
            let token = input["clientToken"]?.stringValue
            let scope = "CreatePromptVersion/\(stored.id)"
            let existing = try await snapshots(of: stored, account: account)
            if let earlier = tokens.earlier(token, scope: scope, account: account),
                existing.contains(where: { $0.value["version"] == earlier["version"] })
            {
                return OperationOutput(earlier)
            }
            let number = String(existing.nextVersionNumber())
            var value = stored.value.mapValue ?? [:]
            let now = environment.clock.now()
            let arn = "\(stored.arn):\(number)"
            value["arn"] = .string(arn)
            value["version"] = .string(number)
            value["description"] = input["description"] ?? stored.value["description"]
            value["createdAt"] = .timestamp(now)
            value["updatedAt"] = .timestamp(now)
            let snapshot = try await versions.insert(
                .map(value), id: ResourceCollection.promptVersionID(promptId: stored.id, version: number), arn: arn,
                account: account, tags: TaggingOperations.pairs(input["tags"]))
            tokens.remember(token, scope: scope, account: account, answer: snapshot.value)
            return OperationOutput(snapshot.value)
        }

        registry.register(service, "DeletePrompt") { request in
            let account = request.context.account
            let stored = try await draft(request)
            if let version = request.input["promptVersion"]?.stringValue {
                let snapshot = try await ResourceCollection.prompt(stored.id, version: version, account: account, environment: environment)
                try await versions.delete(snapshot)
                return OperationOutput(["id": .string(stored.id), "version": .string(version)])
            }
            for snapshot in try await snapshots(of: stored, account: account) { try await versions.delete(snapshot) }
            try await drafts.delete(stored)
            return OperationOutput(["id": .string(stored.id)])
        }

        registry.register(service, "ListPrompts") { request in
            let account = request.context.account
            var input = request.input.mapValue ?? [:]
            // AWS answers at most 10 summaries a page, whatever maxResults asks for.
            input["maxResults"] = .integer(Int64(min(input["maxResults"]?.intValue ?? pageLimit, pageLimit)))
            var scope = "ListPrompts"
            let listed: [StoredResource]
            if request.input["promptIdentifier"] != nil {
                let stored = try await draft(request)
                listed = [stored] + (try await snapshots(of: stored, account: account))
                scope += "/\(stored.id)"
            } else {
                listed = try await drafts.list(account: account)
            }
            let page = try ListQuery(.map(input), scope: scope, defaultMaxResults: pageLimit).page(of: listed)
            return .listing("promptSummaries", page) { stored in
                .map((stored.value.mapValue ?? [:]).filter { ["name", "description", "id", "arn", "version", "createdAt", "updatedAt"].contains($0.key) })
            }
        }
    }
}
