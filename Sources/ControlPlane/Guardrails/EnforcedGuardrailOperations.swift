import BedrockAPI
import EmulatorCore

/// The account-level enforced guardrail configuration: Put (create, or change the one named
/// by `configId`), List and Delete. An account and region has at most one, as AWS's list
/// shape says; it names a numbered version of a guardrail of the same account.
public enum EnforcedGuardrailOperations {
    static let service = "bedrock"

    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let configurations = ResourceCollection.enforcedGuardrailConfigurations(environment)

        registry.register(service, "PutEnforcedGuardrailConfiguration") { request in
            let input = request.input
            let account = request.context.account
            let wanted = input["guardrailInferenceConfig"] ?? [:]
            let guardrail = try await ResourceCollection.guardrail(
                wanted["guardrailIdentifier"]?.stringValue ?? "", version: wanted["guardrailVersion"]?.stringValue ?? "",
                account: account, environment: environment)
            try validate(wanted["modelEnforcement"])
            let now = environment.clock.now()
            let caller = callerArn(account)
            var value: [String: ShapeValue] = [
                "guardrailArn": guardrail.value["guardrailArn"] ?? .null, "guardrailId": guardrail.value["guardrailId"] ?? .null,
                "guardrailVersion": guardrail.value["version"] ?? .null, "owner": "ACCOUNT",
                "updatedAt": .timestamp(now), "updatedBy": .string(caller),
            ]
            value["modelEnforcement"] = wanted["modelEnforcement"]
            value["selectiveContentGuarding"] = wanted["selectiveContentGuarding"]
            let existing = try await configurations.list(account: account)
            if let configId = input["configId"]?.stringValue {
                guard let current = existing.first(where: { $0.id == configId }) else {
                    throw BedrockError.resourceNotFound(
                        "No enforced guardrail configuration has configId \(configId) in this account and region. Leave configId out to create one.")
                }
                for kept in ["configId", "createdAt", "createdBy"] { value[kept] = current.value[kept] }
                try await configurations.update(current, to: .map(value))
                return OperationOutput(["configId": .string(configId), "updatedAt": .timestamp(now), "updatedBy": .string(caller)])
            }
            if let current = existing.first {
                throw BedrockError.conflict(
                    "This account already has an enforced guardrail configuration (configId \(current.id)). Pass that configId to change it, or delete it first.")
            }
            let configId = ResourceID.lowercaseAlphanumeric(count: 12, using: environment.ids)
            value["configId"] = .string(configId)
            value["createdAt"] = .timestamp(now)
            value["createdBy"] = .string(caller)
            // The store keys every row by ARN; AWS gives this configuration none, so this one is the emulator's own.
            let arn = account.arn(service: service, resource: "enforced-guardrail-configuration/\(configId)").description
            _ = try await configurations.insert(.map(value), id: configId, arn: arn, account: account)
            return OperationOutput(["configId": .string(configId), "updatedAt": .timestamp(now), "updatedBy": .string(caller)])
        }

        registry.register(service, "ListEnforcedGuardrailsConfiguration") { request in
            let all = try await configurations.list(account: request.context.account)
            return .listing("guardrailsConfig", try ListQuery(request.input, scope: "ListEnforcedGuardrailsConfiguration").page(all))
        }

        registry.register(service, "DeleteEnforcedGuardrailConfiguration") { request in
            let configId = request.input["configId"]?.stringValue ?? ""
            guard let current = try await configurations.list(account: request.context.account).first(where: { $0.id == configId }) else {
                throw BedrockError.resourceNotFound("No enforced guardrail configuration has configId \(configId) in this account and region.")
            }
            try await configurations.delete(current)
            return OperationOutput()
        }
    }

    /// The enforced configuration that uses guardrail `guardrailId` (at `version`, or any version), if one does.
    static func configuration(
        using guardrailId: String, version: String?, account: AccountContext, environment: EmulatorEnvironment
    ) async throws -> StoredResource? {
        try await ResourceCollection.enforcedGuardrailConfigurations(environment).list(account: account).first {
            $0.value["guardrailId"]?.stringValue == guardrailId && (version == nil || $0.value["guardrailVersion"]?.stringValue == version)
        }
    }

    /// `ALL` stands alone among the included models, and no model is both included and excluded.
    static func validate(_ enforcement: ShapeValue?) throws {
        guard let enforcement else { return }
        let included = enforcement["includedModels"]?.listValue?.compactMap(\.stringValue) ?? []
        let excluded = enforcement["excludedModels"]?.listValue?.compactMap(\.stringValue) ?? []
        if included.contains("ALL") && included.count > 1 {
            throw BedrockError.validation("modelEnforcement.includedModels: ALL already includes every model; give ALL alone or list models without it.")
        }
        if let both = included.first(where: excluded.contains) {
            throw BedrockError.validation("modelEnforcement lists \(both) in both includedModels and excludedModels. Keep it in one of them.")
        }
    }

    /// Who made the change: the emulator has no IAM, so the caller is the account's root.
    static func callerArn(_ account: AccountContext) -> String {
        ARN(partition: account.partition, service: "iam", region: "", account: account.accountId, resource: "root").description
    }
}
