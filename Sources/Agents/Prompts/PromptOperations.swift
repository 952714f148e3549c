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
        let family = DraftVersions.prompts(environment)
        let drafts = family.drafts
        let versions = family.versions
        let definition = PromptDefinition(catalog: catalog, environment: environment)
        let tokens = IdempotencyTokens()

        /// The DRAFT of the prompt the request names. A version ARN names its prompt only
        /// where `versionAllowed` (a List); the operations that change a prompt refuse it.
        @Sendable func draft(_ request: OperationRequest, versionAllowed: Bool = false) async throws -> StoredResource {
            let identifier = request.input["promptIdentifier"]?.stringValue ?? ""
            let account = request.context.account
            let found = try await ResourceCollection.prompt(identifier, version: nil, account: account, environment: environment)
            guard let version = found.value["version"]?.stringValue, version != "DRAFT" else { return found }
            let promptId = found.value["id"]?.stringValue ?? ""
            guard versionAllowed else {
                throw BedrockError.validation(
                    "\(identifier) names version \(version) of prompt \(promptId), but \(request.key.operation) works on the prompt itself. Give the prompt's id or ARN without a version.")
            }
            return try await ResourceCollection.prompt(promptId, version: nil, account: account, environment: environment)
        }

        registry.register(service, "CreatePrompt") { request in
            let input = request.input
            let account = request.context.account
            let token = input["clientToken"]?.stringValue
            if let earlier = try await tokens.earlier(token, scope: "CreatePrompt", account: account, stillIn: drafts, idMember: "id") {
                return OperationOutput(earlier)
            }
            var value = try await definition.members(of: input, account: account)
            let name = input["name"]?.stringValue ?? ""
            try await family.requireUnusedName(name, except: nil, account: account)
            let id = ResourceID.alphanumericUpper(count: 10, using: environment.ids)
            let arn = account.arn(service: "bedrock", resource: "prompt/\(id)").description
            value["id"] = .string(id)
            value["arn"] = .string(arn)
            let stored = try await family.createDraft(value, id: id, arn: arn, name: name, account: account, tags: TaggingOperations.pairs(input["tags"]))
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
            try await family.requireUnusedName(name, except: stored.id, account: account)
            for kept in ["id", "arn", "createdAt"] { value[kept] = stored.value[kept] }
            // The key a prompt is encrypted with stays unless the update names another.
            value["customerEncryptionKeyArn"] = value["customerEncryptionKeyArn"] ?? stored.value["customerEncryptionKeyArn"]
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
            let existing = try await family.versions(of: stored, account: account)
            if let earlier = tokens.earlier(token, scope: scope, account: account),
                existing.contains(where: { $0.value["version"] == earlier["version"] })
            {
                return OperationOutput(earlier)
            }
            let snapshot = try await family.snapshot(stored, account: account, tags: TaggingOperations.pairs(input["tags"])) { value, number in
                value["arn"] = .string("\(stored.arn):\(number)")
                value["description"] = input["description"] ?? stored.value["description"]
            }
            tokens.remember(token, scope: scope, account: account, answer: snapshot.value)
            return OperationOutput(snapshot.value)
        }

        registry.register(service, "DeletePrompt") { request in
            let account = request.context.account
            // The version is promptVersion, else the one a version ARN names; none: the whole prompt.
            let stored = try await ResourceCollection.prompt(
                request.input["promptIdentifier"]?.stringValue ?? "", version: request.input["promptVersion"]?.stringValue,
                account: account, environment: environment)
            let promptId = stored.value["id"]?.stringValue ?? stored.id
            if let version = stored.value["version"]?.stringValue, version != "DRAFT" {
                try await versions.delete(stored)
                return OperationOutput(["id": .string(promptId), "version": .string(version)])
            }
            try await family.deleteAll(stored, account: account)
            return OperationOutput(["id": .string(promptId)])
        }

        registry.register(service, "ListPrompts") { request in
            let account = request.context.account
            var input = request.input.mapValue ?? [:]
            // AWS answers at most 10 summaries a page, whatever maxResults asks for.
            input["maxResults"] = .integer(Int64(min(input["maxResults"]?.intValue ?? pageLimit, pageLimit)))
            var scope = "ListPrompts"
            let listed: [StoredResource]
            if request.input["promptIdentifier"] != nil {
                let stored = try await draft(request, versionAllowed: true)
                listed = try await family.draftAndVersions(stored, account: account)
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
