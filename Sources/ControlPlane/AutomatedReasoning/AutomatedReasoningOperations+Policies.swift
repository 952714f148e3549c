import BedrockAPI
import EmulatorCore
import Foundation

extension AutomatedReasoningOperations {
    /// Create, Get, Update, Delete and List policies; only the DRAFT changes.
    static func registerPolicies(into registry: inout OperationRegistry, store: AutomatedReasoningStore) {
        let policies = store.policies
        let environment = store.environment

        registry.register(service, "CreateAutomatedReasoningPolicy") { request in
            let input = request.input
            let account = request.context.account
            if let arn = store.tokens.earlier(input["clientRequestToken"]?.stringValue, scope: "policy", account: account)?.stringValue,
               let earlier = try await policies.find(arn, account: account) {
                return OperationOutput(created(earlier.value))
            }
            let name = input["name"]?.stringValue ?? ""
            if try await nameTaken(name, store: store, account: account) {
                throw BedrockError.conflict("An Automated Reasoning policy named \(name) already exists in this account. Choose another name.")
            }
            let definition = input["policyDefinition"] ?? AutomatedReasoningStore.emptyDefinition
            try PolicyDefinitionCheck.validate(definition)
            let id = ResourceID.lowercaseAlphanumeric(count: 12, using: environment.ids)
            let arn = account.arn(service: service, resource: "automated-reasoning-policy/\(id)").description
            let now = environment.clock.now()
            var value: [String: ShapeValue] = [
                "policyArn": .string(arn), "policyId": .string(id), "name": .string(name), "version": .string(AutomatedReasoningStore.draft),
                "definitionHash": .string(store.hash(definition)), "createdAt": .timestamp(now), "updatedAt": .timestamp(now),
            ]
            value["description"] = input["description"]
            if let key = input["kmsKeyId"]?.stringValue {
                value["kmsKeyArn"] = .string(key.hasPrefix("arn:") ? key : account.arn(service: "kms", resource: "key/\(key)").description)
            }
            let stored = try await policies.insert(.map(value), id: id, arn: arn, name: name, account: account, tags: TaggingOperations.pairs(input["tags"]))
            try await store.definitions.set(definition, of: arn, account: account)
            store.tokens.remember(input["clientRequestToken"]?.stringValue, scope: "policy", account: account, answer: .string(arn))
            return OperationOutput(created(stored.value))
        }

        registry.register(service, "GetAutomatedReasoningPolicy") { request in
            OperationOutput(try await store.policy(request).value)
        }

        registry.register(service, "UpdateAutomatedReasoningPolicy") { request in
            let input = request.input
            let account = request.context.account
            let stored = try await store.policy(request)
            guard stored.value["version"]?.stringValue == AutomatedReasoningStore.draft else {
                throw BedrockError.validation("Only the DRAFT of a policy can be updated; \(stored.arn) is version \(stored.value["version"]?.stringValue ?? ""). Use the ARN without its version.")
            }
            var value = stored.value.mapValue ?? [:]
            if let name = input["name"]?.stringValue, name != value["name"]?.stringValue {
                if try await nameTaken(name, store: store, account: account) {
                    throw BedrockError.conflict("An Automated Reasoning policy named \(name) already exists in this account. Choose another name.")
                }
                value["name"] = .string(name)
            }
            if let description = input["description"] { value["description"] = description }
            let definition = input["policyDefinition"] ?? AutomatedReasoningStore.emptyDefinition
            try PolicyDefinitionCheck.validate(definition)
            value["definitionHash"] = .string(store.hash(definition))
            value["updatedAt"] = .timestamp(environment.clock.now())
            var record = stored
            record.record.name = value["name"]?.stringValue
            let updated = try await policies.update(record, to: .map(value))
            try await store.definitions.set(definition, of: stored.arn, account: account)
            return OperationOutput([
                "policyArn": .string(updated.arn), "name": value["name"] ?? .null, "definitionHash": value["definitionHash"] ?? .null,
                "updatedAt": value["updatedAt"] ?? .null,
            ])
        }

        registry.register(service, "DeleteAutomatedReasoningPolicy") { request in
            let account = request.context.account
            let arn = request.input["policyArn"]?.stringValue ?? ""
            // Deleting is idempotent: a policy already gone is success.
            guard let stored = try await policies.find(arn, account: account) else { return OperationOutput() }
            if stored.value["version"]?.stringValue != AutomatedReasoningStore.draft {
                try await delete(stored, store: store)
                return OperationOutput()
            }
            let versions = try await policies.list(account: account).filter { $0.arn.hasPrefix(arn + ":") }
            let cases = try await store.children(of: arn, in: store.testCases, account: account)
            let workflows = try await store.children(of: arn, in: store.buildWorkflows, account: account)
            let results = try await store.children(of: arn, in: store.testResults, account: account)
            if request.input["force"]?.boolValue != true, !(versions.isEmpty && cases.isEmpty && workflows.isEmpty) {
                throw BedrockError.resourceInUse("The policy still has \(versions.count) version(s), \(cases.count) test case(s) and \(workflows.count) build workflow(s). Delete them first, or set force to true.")
            }
            for child in versions { try await delete(child, store: store) }
            for child in cases { try await store.testCases.delete(child) }
            for child in results { try await store.testResults.delete(child) }
            for workflow in workflows {
                try await store.assets.remove(of: workflow.arn, account: account)
                try await store.buildWorkflows.delete(workflow)
            }
            try await delete(stored, store: store)
            return OperationOutput()
        }

        registry.register(service, "ListAutomatedReasoningPolicies") { request in
            let account = request.context.account
            var all = try await policies.list(account: account)
            if let arn = request.input["policyArn"]?.stringValue {
                let draft = AutomatedReasoningStore.draftArn(arn)
                guard all.contains(where: { $0.arn == draft }) else {
                    throw BedrockError.resourceNotFound("The Automated Reasoning policy \(arn) does not exist in this account and region.")
                }
                all = all.filter { arn == draft ? $0.arn.hasPrefix(draft + ":") : $0.arn == arn }
            } else {
                all = all.filter { $0.value["version"]?.stringValue == AutomatedReasoningStore.draft }
            }
            let query = ListQuery(request.input, scope: "ListAutomatedReasoningPolicies", timeField: "createdAt")
            return .listing("automatedReasoningPolicySummaries", try query.page(all))
        }
    }

    /// What Create answers: the DRAFT's description without its id and key.
    static func created(_ policy: ShapeValue) -> ShapeValue {
        var value = policy.mapValue ?? [:]
        value["policyId"] = nil
        value["kmsKeyArn"] = nil
        return .map(value)
    }

    /// Whether another policy's DRAFT has this name; versions keep the name they were made with.
    static func nameTaken(_ name: String, store: AutomatedReasoningStore, account: AccountContext) async throws -> Bool {
        try await store.policies.list(account: account).contains {
            $0.value["version"]?.stringValue == AutomatedReasoningStore.draft && $0.value["name"]?.stringValue == name
        }
    }

    static func delete(_ policy: StoredResource, store: AutomatedReasoningStore) async throws {
        try await store.definitions.remove(of: policy.arn, account: store.account(of: policy))
        try await store.policies.delete(policy)
    }
}
