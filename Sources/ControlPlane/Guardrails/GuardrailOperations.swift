import BedrockAPI
import EmulatorCore

/// Guardrails as resources: Create, Get, List, Update, Delete and CreateGuardrailVersion.
/// A guardrail is READY as soon as a create or update answers; its DRAFT is what Update
/// replaces and CreateGuardrailVersion snapshots as "1", "2", .... Evaluating content
/// against a guardrail is the runtime's (ApplyGuardrail), which reads the same rows.
public enum GuardrailOperations {
    static let service = "bedrock"
    /// AWS's default quotas: guardrails per account and region, versions per guardrail.
    static let defaultGuardrailLimit = 100
    static let defaultVersionLimit = 20

    /// Registers the guardrail operations, the account's enforced guardrail configuration
    /// and resource policies (which guardrails are the first resources to use).
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let family = DraftVersions.guardrails(environment)
        let drafts = family.drafts
        let versions = family.versions
        let configuration = GuardrailConfiguration(service: drafts.service)
        let tokens = IdempotencyTokens()

        registry.register(service, "CreateGuardrail") { request in
            let input = request.input
            let account = request.context.account
            let token = input["clientRequestToken"]?.stringValue
            if let earlier = try await tokens.earlier(token, scope: "CreateGuardrail", account: account, stillIn: drafts, idMember: "guardrailId") {
                return OperationOutput(earlier)
            }
            var value = try configuration.members(of: input, inputShape: "CreateGuardrailRequest", account: account)
            let name = input["name"]?.stringValue ?? ""
            try await family.requireUnusedName(name, except: nil, account: account)
            let count = try await drafts.list(account: account).count
            let limit = environment.scenario.resourceLimit("guardrails") ?? defaultGuardrailLimit
            if count >= limit {
                throw BedrockError.serviceQuotaExceeded(
                    "This account already has \(count) guardrails in this region; the limit is \(limit). Delete a guardrail before creating another.")
            }
            let id = ResourceID.lowercaseAlphanumeric(count: 12, using: environment.ids)
            let arn = account.arn(service: service, resource: "guardrail/\(id)").description
            value["guardrailId"] = .string(id)
            value["guardrailArn"] = .string(arn)
            value["status"] = "READY"
            let stored = try await family.createDraft(value, id: id, arn: arn, name: name, account: account, tags: TaggingOperations.pairs(input["tags"]))
            let answer: ShapeValue = ["guardrailId": .string(id), "guardrailArn": .string(arn), "version": "DRAFT", "createdAt": stored.value["createdAt"] ?? .null]
            tokens.remember(token, scope: "CreateGuardrail", account: account, answer: answer)
            return OperationOutput(answer)
        }

        registry.register(service, "GetGuardrail") { request in
            let found = try await ResourceCollection.guardrail(
                request.input["guardrailIdentifier"]?.stringValue ?? "", version: request.input["guardrailVersion"]?.stringValue,
                account: request.context.account, environment: environment)
            return OperationOutput(found.value)
        }

        registry.register(service, "UpdateGuardrail") { request in
            let input = request.input
            let account = request.context.account
            var draft = try await drafts.require(request, member: "guardrailIdentifier", noun: "guardrail")
            var value = try configuration.members(of: input, inputShape: "UpdateGuardrailRequest", account: account)
            let name = input["name"]?.stringValue ?? ""
            try await family.requireUnusedName(name, except: draft.id, account: account)
            for kept in ["guardrailId", "guardrailArn", "createdAt"] { value[kept] = draft.value[kept] }
            // The key a guardrail is encrypted with stays unless the update names another.
            value["kmsKeyArn"] = value["kmsKeyArn"] ?? draft.value["kmsKeyArn"]
            let now = environment.clock.now()
            value["version"] = "DRAFT"
            value["status"] = "READY"
            value["updatedAt"] = .timestamp(now)
            draft.record.name = name
            try await drafts.update(draft, to: .map(value))
            return OperationOutput([
                "guardrailId": .string(draft.id), "guardrailArn": .string(draft.arn), "version": "DRAFT", "updatedAt": .timestamp(now),
            ])
        }

        registry.register(service, "CreateGuardrailVersion") { request in
            let input = request.input
            let account = request.context.account
            let draft = try await drafts.require(request, member: "guardrailIdentifier", noun: "guardrail")
            let token = input["clientRequestToken"]?.stringValue
            let scope = "CreateGuardrailVersion/\(draft.id)"
            let existing = try await family.versions(of: draft, account: account)
            if let earlier = tokens.earlier(token, scope: scope, account: account),
                existing.contains(where: { $0.value["version"] == earlier["version"] })
            {
                return OperationOutput(earlier)
            }
            let limit = environment.scenario.resourceLimit("guardrail_versions") ?? defaultVersionLimit
            if existing.count >= limit {
                throw BedrockError.serviceQuotaExceeded(
                    "The guardrail \(draft.id) already has \(existing.count) versions; the limit is \(limit). Delete a version before creating another.")
            }
            let snapshot = try await family.snapshot(draft, account: account) { value, _ in
                value["description"] = input["description"] ?? draft.value["description"]
                value["status"] = "READY"
            }
            let answer: ShapeValue = ["guardrailId": .string(draft.id), "version": snapshot.value["version"] ?? .null]
            tokens.remember(token, scope: scope, account: account, answer: answer)
            return OperationOutput(answer)
        }

        registry.register(service, "DeleteGuardrail") { request in
            let account = request.context.account
            let draft = try await drafts.require(request, member: "guardrailIdentifier", noun: "guardrail")
            let version = request.input["guardrailVersion"]?.stringValue
            if let enforced = try await EnforcedGuardrailOperations.configuration(using: draft.id, version: version, account: account, environment: environment) {
                throw BedrockError.resourceInUse("The account's enforced guardrail configuration \(enforced.id) uses guardrail \(draft.id) version \(enforced.value["guardrailVersion"]?.stringValue ?? ""). Delete that configuration (or point it at another guardrail) first.")
            }
            if let version {
                let snapshot = try await ResourceCollection.guardrail(draft.id, version: version, account: account, environment: environment)
                try await versions.delete(snapshot)
                return OperationOutput()
            }
            try await ResourcePolicyOperations.detach(from: draft.arn, account: account, environment: environment)
            try await family.deleteAll(draft, account: account)
            return OperationOutput()
        }

        registry.register(service, "ListGuardrails") { request in
            let account = request.context.account
            var input = request.input
            var scope = "ListGuardrails"
            let listed: [StoredResource]
            if input["guardrailIdentifier"] != nil {
                let draft = try await drafts.require(request, member: "guardrailIdentifier", noun: "guardrail")
                listed = try await family.draftAndVersions(draft, account: account)
                scope += "/\(draft.id)"
                // One guardrail's versions read best in order: DRAFT, 1, 2, ...
                if var members = input.mapValue {
                    members["sortOrder"] = "Ascending"
                    input = .map(members)
                }
            } else {
                listed = try await drafts.list(account: account)
            }
            let page = try ListQuery(input, scope: scope, timeField: "createdAt").page(listed)
            return .listing("guardrails", page) { stored in
                var summary: [String: ShapeValue] = ["id": stored.value["guardrailId"] ?? .null, "arn": stored.value["guardrailArn"] ?? .null]
                for member in ["status", "name", "version", "createdAt", "updatedAt", "description", "crossRegionDetails"] {
                    summary[member] = stored.value[member]
                }
                return .map(summary)
            }
        }

        EnforcedGuardrailOperations.register(into: &registry, environment: environment)
        ResourcePolicyOperations.register(into: &registry, environment: environment)
    }
}
