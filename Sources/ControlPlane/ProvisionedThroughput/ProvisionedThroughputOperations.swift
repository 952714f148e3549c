import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation
import Synchronization

/// Provisioned throughput: Create (`Creating` -> `InService` on the scenario's
/// `jobs.provisioned_throughput` timing, 10 s built in), Get, List, Update (applied at
/// once) and Delete (refused while a commitment term runs). The runtime invokes an
/// InService provisioned model ARN with its own quota window.
public enum ProvisionedThroughputOperations {
    static let service = "bedrock"
    static let jobType = "provisioned_throughput"
    public static let defaultTiming = JobTiming(durations: [("Creating", 10)], outcome: "InService")

    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment, catalog: ModelCatalog) {
        let provisioned = ResourceCollection.provisionedModels(environment)
        let customModels = ResourceCollection.customModels(environment)
        let lifecycle = TimedJobs(
            type: jobType, collection: provisioned, defaultTiming: defaultTiming, startField: "creationTime", environment: environment,
            finish: { _, timing in
                timing.outcome == "Failed" ? ["failureMessage": .string(timing.message ?? "The provisioned model could not be created, as the scenario says.")] : [:]
            })

        /// The model a provisioned throughput serves: its ARN, and the foundation model under it.
        @Sendable func target(_ identifier: String, account: AccountContext) async throws -> (modelArn: String, foundation: FoundationModel) {
            if identifier.contains(":custom-model/") || !identifier.contains(".") && !identifier.hasPrefix("arn:") {
                let model = try await customModels.require(
                    identifier, account: account, notFound: .resourceNotFound("The custom model \(identifier) does not exist in this account and region."))
                guard let base = catalog.resolve(model.value["baseModelArn"]?.stringValue ?? "")?.model else {
                    throw BedrockError.validation("The custom model \(identifier) has no base model the emulator knows.")
                }
                return (model.arn, base)
            }
            guard let resolved = catalog.resolve(identifier), resolved.inferenceProfile == nil else {
                throw BedrockError.validation("The provided model identifier is invalid.")
            }
            guard resolved.model.inferenceTypesSupported.contains("PROVISIONED") else {
                throw BedrockError.validation("\(resolved.model.modelId) does not support Provisioned Throughput; use on-demand invocation instead.")
            }
            return (resolved.model.arn(region: account.region), resolved.model)
        }

        // The shape has no member for the token: the emulator remembers tokens in memory.
        let tokens = Mutex<[String: String]>([:])

        registry.register(service, "CreateProvisionedModelThroughput") { request in
            let input = request.input
            let account = request.context.account
            let token = input["clientRequestToken"]?.stringValue.map { "\(account.accountId)/\(account.region)/\($0)" }
            if let token, let earlier = tokens.withLock({ $0[token] }) {
                return OperationOutput(["provisionedModelArn": .string(earlier)])
            }
            let name = input["provisionedModelName"]?.stringValue ?? ""
            let existing = try await provisioned.list(account: account)
            if existing.contains(where: { $0.value["provisionedModelName"]?.stringValue == name }) {
                throw BedrockError.validation("A provisioned model named \(name) already exists. Choose another provisionedModelName.")
            }
            let units = input["modelUnits"]?.intValue ?? 1
            if let limit = environment.scenario.resourceLimit("provisioned_model_units") {
                let used = existing.reduce(0) { $0 + ($1.value["modelUnits"]?.intValue ?? 0) }
                if used + units > limit {
                    throw BedrockError.serviceQuotaExceeded(
                        "This request would bring the account to \(used + units) provisioned model units; the limit is \(limit). Delete a provisioned model or ask for fewer units.")
                }
            }
            let model = try await target(input["modelId"]?.stringValue ?? "", account: account)
            let id = ResourceID.lowercaseAlphanumeric(count: 12, using: environment.ids)
            let arn = account.arn(service: "bedrock", resource: "provisioned-model/\(id)").description
            let now = environment.clock.now()
            var value: [String: ShapeValue] = [
                "provisionedModelArn": .string(arn), "provisionedModelName": .string(name), "status": "Creating",
                "modelArn": .string(model.modelArn), "desiredModelArn": .string(model.modelArn),
                "foundationModelArn": .string(model.foundation.arn(region: account.region)),
                "modelUnits": .integer(Int64(units)), "desiredModelUnits": .integer(Int64(units)),
                "creationTime": .timestamp(now), "lastModifiedTime": .timestamp(now),
            ]
            if let term = input["commitmentDuration"]?.stringValue {
                value["commitmentDuration"] = .string(term)
                let months = term == "SixMonths" ? 6 : 1
                value["commitmentExpirationTime"] = .timestamp(Calendar(identifier: .gregorian).date(byAdding: .month, value: months, to: now) ?? now)
            }
            let stored = try await provisioned.insert(.map(value), id: id, arn: arn, name: name, account: account, tags: TaggingOperations.pairs(input["tags"]))
            if let token { tokens.withLock { $0[token] = arn } }
            lifecycle.started(stored, account: account)
            return OperationOutput(["provisionedModelArn": .string(arn)])
        }

        registry.register(service, "GetProvisionedModelThroughput") { request in
            OperationOutput(try await lifecycle.current(try await provisioned.require(request, member: "provisionedModelId", noun: "provisioned model")).value)
        }

        registry.register(service, "UpdateProvisionedModelThroughput") { request in
            let input = request.input
            let account = request.context.account
            let stored = try await lifecycle.current(try await provisioned.require(request, member: "provisionedModelId", noun: "provisioned model"))
            guard stored.value["status"] == "InService" else {
                throw BedrockError.validation("The provisioned model is \(stored.value["status"]?.stringValue ?? "not ready"); update it once it is InService.")
            }
            var value = stored.value.mapValue ?? [:]
            if let name = input["desiredProvisionedModelName"]?.stringValue, name != value["provisionedModelName"]?.stringValue {
                if try await provisioned.list(account: account).contains(where: { $0.value["provisionedModelName"]?.stringValue == name }) {
                    throw BedrockError.validation("A provisioned model named \(name) already exists. Choose another desiredProvisionedModelName.")
                }
                value["provisionedModelName"] = .string(name)
            }
            if let desired = input["desiredModelId"]?.stringValue {
                let model = try await target(desired, account: account)
                guard model.foundation.arn(region: account.region) == value["foundationModelArn"]?.stringValue else {
                    throw BedrockError.validation("The new model must have the same base model as the current one (\(value["foundationModelArn"]?.stringValue ?? "")).")
                }
                value["modelArn"] = .string(model.modelArn)
                value["desiredModelArn"] = .string(model.modelArn)
            }
            value["lastModifiedTime"] = .timestamp(environment.clock.now())
            var record = stored
            record.record.name = value["provisionedModelName"]?.stringValue
            try await provisioned.update(record, to: .map(value))
            return OperationOutput()
        }

        registry.register(service, "DeleteProvisionedModelThroughput") { request in
            let stored = try await lifecycle.current(try await provisioned.require(request, member: "provisionedModelId", noun: "provisioned model"))
            if let expiry = stored.value["commitmentExpirationTime"]?.timestampValue, environment.clock.now() < expiry {
                throw BedrockError.conflict("The provisioned model has a commitment term until \(Timestamp.iso8601(expiry)) and cannot be deleted before then.")
            }
            try await provisioned.delete(stored)
            return OperationOutput()
        }

        registry.register(service, "ListProvisionedModelThroughputs") { request in
            let all = try await lifecycle.listCurrent(account: request.context.account)
            let query = ListQuery(request.input, scope: "ListProvisionedModelThroughputs", nameField: "provisionedModelName")
            return .listing("provisionedModelSummaries", try query.page(all))
        }
    }
}
