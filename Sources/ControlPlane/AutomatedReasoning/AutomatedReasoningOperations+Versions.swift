import BedrockAPI
import EmulatorCore
import Foundation

extension AutomatedReasoningOperations {
    /// CreateAutomatedReasoningPolicyVersion (an immutable copy of the DRAFT, numbered from 1)
    /// and ExportAutomatedReasoningPolicyVersion (the definition of the DRAFT or a version).
    static func registerVersions(into registry: inout OperationRegistry, store: AutomatedReasoningStore) {
        let policies = store.policies
        let environment = store.environment

        registry.register(service, "CreateAutomatedReasoningPolicyVersion") { request in
            let input = request.input
            let account = request.context.account
            let draft = try await store.draftPolicy(request)
            let scope = "version/\(draft.arn)"
            if let arn = store.tokens.earlier(input["clientRequestToken"]?.stringValue, scope: scope, account: account)?.stringValue,
               let earlier = try await policies.find(arn, account: account) {
                return OperationOutput(versionCreated(earlier.value))
            }
            guard input["lastUpdatedDefinitionHash"]?.stringValue == draft.value["definitionHash"]?.stringValue else {
                throw BedrockError.conflict(
                    "The policy's definition has changed since the lastUpdatedDefinitionHash you sent. Get the policy again and use its current definitionHash.")
            }
            let versions = try await policies.list(account: account).filter { $0.arn.hasPrefix(draft.arn + ":") }
            let number = versions.nextVersionNumber()
            let arn = "\(draft.arn):\(number)"
            let now = environment.clock.now()
            var value = draft.value.mapValue ?? [:]
            value["policyArn"] = .string(arn)
            value["version"] = .string(String(number))
            value["createdAt"] = .timestamp(now)
            value["updatedAt"] = .timestamp(now)
            let stored = try await policies.insert(
                .map(value), id: "\(draft.id):\(number)", arn: arn, account: account, tags: TaggingOperations.pairs(input["tags"]))
            try await store.definitions.set(try await store.definition(of: draft), of: arn, account: account)
            store.tokens.remember(input["clientRequestToken"]?.stringValue, scope: scope, account: account, answer: .string(arn))
            return OperationOutput(versionCreated(stored.value))
        }

        registry.register(service, "ExportAutomatedReasoningPolicyVersion") { request in
            OperationOutput(["policyDefinition": try await store.definition(of: try await store.policy(request))])
        }
    }

    static func versionCreated(_ version: ShapeValue) -> ShapeValue {
        var value = created(version).mapValue ?? [:]
        value["updatedAt"] = nil
        return .map(value)
    }
}
