import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// Batch inference (model invocation jobs): Create, Get, List and Stop. A job moves
/// Submitted -> Validating -> Scheduled -> InProgress and ends Completed, PartiallyCompleted,
/// Failed, Stopped or Expired; at the end it runs every JSONL record through the fake model
/// and writes the outputs and the manifest into the local object store.
public enum BatchInferenceOperations {
    static let service = "bedrock"
    static let jobType = "batch_inference"
    /// About twenty seconds of wall time, each status long enough to watch.
    public static let defaultTiming = JobTiming(
        durations: [("Submitted", 2), ("Validating", 3), ("Scheduled", 3), ("InProgress", 12)], outcome: "Completed")

    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment, catalog: ModelCatalog) {
        let collection = ResourceCollection(service: service, type: "model-invocation-job", shape: "GetModelInvocationJobResponse", environment: environment)
        let run = BatchRun(objects: environment.objects, catalog: catalog)
        let jobs = TimedJobs(
            type: jobType, collection: collection, defaultTiming: defaultTiming, startField: "submitTime", environment: environment,
            finish: { stored, timing in run.finish(stored, timing: timing) })

        registry.register(service, "CreateModelInvocationJob") { request in
            let input = request.input
            let account = request.context.account
            let existing = try await collection.list(account: account)
            if let token = input["clientRequestToken"]?.stringValue,
               let earlier = existing.first(where: { $0.value["clientRequestToken"]?.stringValue == token }) {
                return OperationOutput(["jobArn": .string(earlier.arn)])
            }
            let name = input["jobName"]?.stringValue ?? ""
            if existing.contains(where: { $0.value["jobName"]?.stringValue == name }) {
                throw BedrockError.conflict("A batch inference job named \(name) already exists in this account. Choose another jobName.")
            }
            let modelId = input["modelId"]?.stringValue ?? ""
            guard let resolved = catalog.resolve(modelId) else {
                throw BedrockError.validation("The provided model identifier is invalid.")
            }
            guard Codecs.codec(for: resolved.model) != nil else {
                throw BedrockError.validation("Batch inference does not support \(resolved.model.modelId) in the emulator yet.")
            }
            for path in [["inputDataConfig", "s3InputDataConfig"], ["outputDataConfig", "s3OutputDataConfig"]] {
                guard let uri = input[path[0]]?[path[1]]?["s3Uri"]?.stringValue else {
                    throw BedrockError.validation("\(path[0]).\(path[1]).s3Uri is required.")
                }
                _ = try S3Location(parsing: uri)
            }
            try jobs.admit(account: account)
            let id = ResourceID.lowercaseAlphanumeric(count: 12, using: environment.ids)
            let arn = account.arn(service: "bedrock", resource: "model-invocation-job/\(id)").description
            let now = environment.clock.now()
            let hours = input["timeoutDurationInHours"]?.intValue ?? 168
            var value: [String: ShapeValue] = [
                "jobArn": .string(arn), "jobName": .string(name), "modelId": .string(modelId), "status": "Submitted",
                "submitTime": .timestamp(now), "lastModifiedTime": .timestamp(now),
                "timeoutDurationInHours": .integer(Int64(hours)), "jobExpirationTime": .timestamp(now.addingTimeInterval(Double(hours) * 3600)),
            ]
            for key in ["roleArn", "clientRequestToken", "inputDataConfig", "outputDataConfig", "vpcConfig", "modelInvocationType"] {
                value[key] = input[key]
            }
            let stored = try await collection.insert(.map(value), id: id, arn: arn, name: name, account: account, tags: TaggingOperations.pairs(input["tags"]))
            jobs.started(stored, account: account)
            return OperationOutput(["jobArn": .string(arn)])
        }

        jobs.register(
            .init(noun: "batch inference job", get: "GetModelInvocationJob", stop: "StopModelInvocationJob",
                  list: ("ListModelInvocationJobs", "invocationJobSummaries"), timeField: "submitTime"),
            service: service, into: &registry)
    }
}
