import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// Advanced prompt optimization jobs: Create, Get, List, Stop and BatchDelete. A job is
/// InProgress on the scenario's `jobs.advanced_prompt_optimization` timing (60 s built in),
/// then rewrites every prompt template of its input for every target model into the output.
public enum PromptOptimizationOperations {
    static let service = "bedrock"
    static let jobType = "advanced_prompt_optimization"
    public static let defaultTiming = JobTiming(durations: [("InProgress", 60)], outcome: "Completed")

    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment, catalog: ModelCatalog) {
        let collection = ResourceCollection(
            service: service, type: "advanced-prompt-optimization-job", shape: "GetAdvancedPromptOptimizationJobResponse", environment: environment)
        let run = PromptOptimizationRun(objects: environment.objects)
        let jobs = TimedJobs(
            type: jobType, collection: collection, defaultTiming: defaultTiming, startField: "creationTime",
            fields: .init(status: "jobStatus", modified: "lastModifiedTime", end: nil),
            environment: environment, finish: { stored, timing in run.finish(stored, timing: timing) })
        let tokens = IdempotencyTokens()

        registry.register(service, "CreateAdvancedPromptOptimizationJob") { request in
            let input = request.input
            let account = request.context.account
            if let arn = tokens.earlier(input["clientToken"]?.stringValue, scope: jobType, account: account)?.stringValue {
                return OperationOutput(["jobArn": .string(arn)])
            }
            let name = input["jobName"]?.stringValue ?? ""
            if try await collection.list(account: account).contains(where: { $0.value["jobName"]?.stringValue == name }) {
                throw BedrockError.conflict("An advanced prompt optimization job named \(name) already exists in this account. Choose another jobName.")
            }
            for model in input["modelConfigurations"]?.listValue ?? [] {
                let id = model["modelId"]?.stringValue ?? ""
                guard catalog.resolve(id) != nil else {
                    throw BedrockError.validation("The model \(id) is not a model or inference profile Bedrock knows. Use a foundation model id, an inference profile id or its ARN.")
                }
            }
            for member in ["inputConfig", "outputConfig"] { _ = try S3Location(parsing: input[member]?["s3Uri"]?.stringValue ?? "") }
            try jobs.admit(account: account)
            let id = ResourceID.lowercaseAlphanumeric(count: 12, using: environment.ids)
            let arn = account.arn(service: service, resource: "advanced-prompt-optimization-job/\(id)").description
            let now = environment.clock.now()
            var value: [String: ShapeValue] = [
                "jobArn": .string(arn), "jobName": .string(name), "jobStatus": "InProgress", "creationTime": .timestamp(now), "lastModifiedTime": .timestamp(now),
            ]
            for key in ["jobDescription", "inputConfig", "outputConfig", "encryptionKeyArn", "modelConfigurations"] { value[key] = input[key] }
            let stored = try await collection.insert(.map(value), id: id, arn: arn, name: name, account: account, tags: TaggingOperations.pairs(input["tags"]))
            tokens.remember(input["clientToken"]?.stringValue, scope: jobType, account: account, answer: .string(arn))
            jobs.started(stored, account: account)
            return OperationOutput(["jobArn": .string(arn)])
        }

        jobs.register(
            .init(noun: "advanced prompt optimization job", get: "GetAdvancedPromptOptimizationJob", stop: "StopAdvancedPromptOptimizationJob",
                  list: ("ListAdvancedPromptOptimizationJobs", "jobSummaries")),
            service: service, into: &registry)

        registry.register(service, "BatchDeleteAdvancedPromptOptimizationJob") { request in
            let account = request.context.account
            var deleted: [ShapeValue] = [], errors: [ShapeValue] = []
            for identifier in request.input["jobIdentifiers"]?.listValue?.compactMap(\.stringValue) ?? [] {
                guard let found = try await collection.find(identifier, account: account) else {
                    errors.append(["jobIdentifier": .string(identifier), "code": "ResourceNotFoundException", "message": .string("The job \(identifier) does not exist in this account and region.")])
                    continue
                }
                let job = try await jobs.current(found)
                let status = job.value["jobStatus"]?.stringValue ?? ""
                if jobs.isRunning(status) {
                    errors.append(["jobIdentifier": .string(identifier), "code": "ConflictException", "message": .string("The job is \(status). Stop it and wait until it is Stopped, then delete it.")])
                    continue
                }
                try await collection.delete(job)
                deleted.append(["jobIdentifier": .string(identifier), "jobStatus": "Deleting"])
            }
            return OperationOutput(["errors": .list(errors), "advancedPromptOptimizationJobs": .list(deleted)])
        }
    }
}
