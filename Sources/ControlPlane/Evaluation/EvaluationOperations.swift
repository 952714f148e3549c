import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// Model evaluation jobs: Create, Get, List, Stop and BatchDelete. An automatic job is
/// InProgress for the scenario's `jobs.evaluation` timing (25 s built in), then Completed
/// with its scored records in the object store, or Failed saying what was wrong with its
/// data; a human job waits InProgress for workers until it is stopped.
public enum EvaluationOperations {
    static let service = "bedrock"
    static let jobType = "evaluation"
    public static let defaultTiming = JobTiming(durations: [("InProgress", 25)], outcome: "Completed")

    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment, catalog: ModelCatalog) {
        let collection = ResourceCollection(service: service, type: "evaluation-job", shape: "GetEvaluationJobResponse", environment: environment)
        let run = EvaluationRun(objects: environment.objects, catalog: catalog, scenario: environment.scenario)
        let jobs = TimedJobs(
            type: jobType, collection: collection, defaultTiming: defaultTiming, startField: "creationTime", environment: environment,
            finish: { stored, timing in run.finish(stored, timing: timing) })
        let tokens = IdempotencyTokens()

        registry.register(service, "CreateEvaluationJob") { request in
            let input = request.input
            let account = request.context.account
            if let earlier = tokens.earlier(input["clientRequestToken"]?.stringValue, scope: "create", account: account)?.stringValue {
                return OperationOutput(["jobArn": .string(earlier)])
            }
            let name = input["jobName"]?.stringValue ?? ""
            if try await collection.list(account: account).contains(where: { $0.value["jobName"]?.stringValue == name }) {
                throw BedrockError.conflict("An evaluation job named \(name) already exists in this account and region. Choose another jobName.")
            }
            let plan = try EvaluationPlan(input, catalog: catalog)
            _ = try S3Location(parsing: input["outputDataConfig"]?["s3Uri"]?.stringValue ?? "")
            try jobs.admit(account: account)
            let id = ResourceID.lowercaseAlphanumeric(count: 12, using: environment.ids)
            let arn = account.arn(service: "bedrock", resource: "evaluation-job/\(id)").description
            let now = environment.clock.now()
            var value: [String: ShapeValue] = [
                "jobArn": .string(arn), "jobName": .string(name), "status": "InProgress", "jobType": plan.human ? "Human" : "Automated",
                "applicationType": input["applicationType"] ?? "ModelEvaluation", "creationTime": .timestamp(now), "lastModifiedTime": .timestamp(now),
            ]
            for key in ["jobDescription", "roleArn", "customerEncryptionKeyId", "evaluationConfig", "inferenceConfig", "outputDataConfig"] {
                value[key] = input[key]
            }
            let stored = try await collection.insert(.map(value), id: id, arn: arn, name: name, account: account, tags: TaggingOperations.pairs(input["jobTags"]))
            tokens.remember(input["clientRequestToken"]?.stringValue, scope: "create", account: account, answer: .string(arn))
            jobs.started(stored, account: account)
            return OperationOutput(["jobArn": .string(arn)])
        }

        jobs.register(
            .init(noun: "evaluation job", get: "GetEvaluationJob", stop: "StopEvaluationJob", list: ("ListEvaluationJobs", "jobSummaries")),
            service: service, into: &registry, summary: summary)

        registry.register(service, "BatchDeleteEvaluationJob") { request in
            let account = request.context.account
            var errors: [ShapeValue] = [], deleted: [ShapeValue] = []
            for identifier in request.input["jobIdentifiers"]?.listValue?.compactMap(\.stringValue) ?? [] {
                guard let found = try await collection.find(identifier, account: account) else {
                    errors.append(["jobIdentifier": .string(identifier), "code": "404", "message": .string("The evaluation job \(identifier) does not exist in this account and region.")])
                    continue
                }
                let job = try await jobs.current(found)
                let status = job.value["status"]?.stringValue ?? ""
                guard !jobs.isRunning(status) else {
                    errors.append([
                        "jobIdentifier": .string(identifier), "code": "409",
                        "message": .string("The evaluation job is \(status); only Completed, Failed or Stopped jobs can be deleted. Stop it first."),
                    ])
                    continue
                }
                try await collection.delete(job)
                deleted.append(["jobIdentifier": .string(job.arn), "jobStatus": "Deleting"])
            }
            return OperationOutput(["errors": .list(errors), "evaluationJobs": .list(deleted)])
        }
    }

    /// The list entry of a job: the Get shape's members and the identifiers it names.
    static func summary(_ job: StoredResource) -> ShapeValue {
        var summary = job.value.mapValue ?? [:]
        let config = job.value["evaluationConfig"]
        let section = config?["automated"] ?? config?["human"]
        var seen = Set<ShapeValue>()
        let tasks = section?["datasetMetricConfigs"]?.listValue?.compactMap { $0["taskType"] } ?? []
        summary["evaluationTaskTypes"] = .list(tasks.filter { seen.insert($0).inserted })
        let models = job.value["inferenceConfig"]?["models"]?.listValue ?? []
        let bedrock = models.compactMap { $0["bedrockModel"]?["modelIdentifier"] }
        let precomputed = models.compactMap { $0["precomputedInferenceSource"]?["inferenceSourceIdentifier"] }
        summary["modelIdentifiers"] = .list(bedrock)
        summary["inferenceConfigSummary"] = ["modelConfigSummary": ["bedrockModelIdentifiers": .list(bedrock), "precomputedInferenceSourceIdentifiers": .list(precomputed)]]
        let judges = config?["automated"]?["evaluatorModelConfig"]?["bedrockEvaluatorModels"]?.listValue?.compactMap { $0["modelIdentifier"] } ?? []
        if !judges.isEmpty { summary["evaluatorModelIdentifiers"] = .list(judges) }
        let customJudges = config?["automated"]?["customMetricConfig"]?["evaluatorModelConfig"]?["bedrockEvaluatorModels"]?.listValue?.compactMap { $0["modelIdentifier"] } ?? []
        if !customJudges.isEmpty { summary["customMetricsEvaluatorModelIdentifiers"] = .list(customJudges) }
        return .map(summary)
    }
}
