import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// Model copy jobs: Create, Get and List. A job copies one of the account's custom models
/// to a new name; it is InProgress for the scenario's `jobs.model_copy` timing (10 s built
/// in), then Completed with the copy listed among the custom models under the ARN Create
/// answered, or Failed when the source model has gone.
public enum ModelCopyOperations {
    static let service = "bedrock"
    static let jobType = "model_copy"
    public static let defaultTiming = JobTiming(durations: [("InProgress", 10)], outcome: "Completed")

    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let collection = ResourceCollection(service: service, type: "model-copy-job", shape: "GetModelCopyJobResponse", environment: environment)
        let customModels = ResourceCollection.customModels(environment)
        let jobs = TimedJobs(
            type: jobType, collection: collection, defaultTiming: defaultTiming, startField: "creationTime", environment: environment,
            finish: { stored, timing in await copy(stored, timing: timing, into: customModels, now: environment.clock.now()) })
        let tokens = IdempotencyTokens()

        registry.register(service, "CreateModelCopyJob") { request in
            let input = request.input
            let account = request.context.account
            if let earlier = tokens.earlier(input["clientRequestToken"]?.stringValue, scope: "create", account: account)?.stringValue {
                return OperationOutput(["jobArn": .string(earlier)])
            }
            let sourceArn = input["sourceModelArn"]?.stringValue ?? ""
            let source = try await customModels.require(
                sourceArn, account: account, notFound: .resourceNotFound("The custom model \(sourceArn) does not exist in this account and region."))
            let name = input["targetModelName"]?.stringValue ?? ""
            let existing = try await collection.list(account: account)
            let taken = try await customModels.list(account: account).contains { $0.value["modelName"]?.stringValue == name }
                || existing.contains { jobs.isRunning($0.value["status"]?.stringValue) && $0.value["targetModelName"]?.stringValue == name }
            if taken { throw BedrockError.validation("A custom model named \(name) already exists. Choose another targetModelName.") }
            try jobs.admit(account: account)
            // The copy keeps the source's base model in its ARN: custom-model/<base>/<id>.
            let base = source.arn.components(separatedBy: ":custom-model/").last?.split(separator: "/").dropLast().joined(separator: "/") ?? "imported"
            let id = ResourceID.lowercaseAlphanumeric(count: 12, using: environment.ids)
            let arn = account.arn(service: "bedrock", resource: "model-copy-job/\(id)").description
            let targetArn = account.arn(service: "bedrock", resource: "custom-model/\(base)/\(ResourceID.lowercaseAlphanumeric(count: 12, using: environment.ids))").description
            var value: [String: ShapeValue] = [
                "jobArn": .string(arn), "status": "InProgress", "creationTime": .timestamp(environment.clock.now()),
                "targetModelArn": .string(targetArn), "targetModelName": .string(name), "sourceAccountId": .string(account.accountId),
                "sourceModelArn": .string(source.arn), "sourceModelName": source.value["modelName"] ?? .null,
            ]
            value["targetModelKmsKeyArn"] = input["modelKmsKeyId"]
            value["targetModelTags"] = input["targetModelTags"]
            let stored = try await collection.insert(.map(value.filter { $0.value != .null }), id: id, arn: arn, account: account)
            tokens.remember(input["clientRequestToken"]?.stringValue, scope: "create", account: account, answer: .string(arn))
            jobs.started(stored, account: account)
            return OperationOutput(["jobArn": .string(arn)])
        }

        jobs.register(
            .init(noun: "model copy job", member: "jobArn", get: "GetModelCopyJob", list: ("ListModelCopyJobs", "modelCopyJobSummaries"),
                  nameField: "targetModelName", fields: ["sourceAccountEquals": "sourceAccountId"]),
            service: service, into: &registry)
    }

    /// The end of a copy job: the source model stored again under the target's name and ARN.
    static func copy(_ stored: StoredResource, timing: JobTiming, into customModels: ResourceCollection, now: Date) async -> [String: ShapeValue] {
        let failed = { (message: String) -> [String: ShapeValue] in ["status": "Failed", "failureMessage": .string(message)] }
        if timing.outcome == "Failed" { return failed(timing.message ?? "The copy failed, as the scenario says it should.") }
        let job = stored.value
        let account = AccountContext(accountId: stored.record.account, region: stored.record.region)
        guard let sourceArn = job["sourceModelArn"]?.stringValue, let targetArn = job["targetModelArn"]?.stringValue,
              let source = try? await customModels.find(sourceArn, account: account)
        else { return failed("The source model \(job["sourceModelArn"]?.stringValue ?? "") no longer exists, so it could not be copied.") }
        var model = source.value.mapValue ?? [:]
        model["modelArn"] = .string(targetArn)
        model["modelName"] = job["targetModelName"]
        model["creationTime"] = .timestamp(now)
        model["modelKmsKeyArn"] = job["targetModelKmsKeyArn"]
        do {
            _ = try await customModels.insert(
                .map(model), id: String(targetArn.split(separator: "/").last ?? ""), arn: targetArn, name: job["targetModelName"]?.stringValue,
                account: account, tags: TaggingOperations.pairs(job["targetModelTags"]))
        } catch {
            return failed("The copy could not be stored: \(error)")
        }
        return ["status": "Completed"]
    }
}
