import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// Custom Model Import: Create, Get and List import jobs, and Get, List and Delete the
/// imported models they make. A job is InProgress for the scenario's `jobs.model_import`
/// timing (20 s built in), then Completed with an `imported-model/<id>`, or Failed saying
/// which model files are missing or wrong.
public enum ModelImportOperations {
    static let service = "bedrock"
    static let jobType = "model_import"
    public static let defaultTiming = JobTiming(durations: [("InProgress", 20)], outcome: "Completed")

    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let collection = ResourceCollection(service: service, type: "model-import-job", shape: "GetModelImportJobResponse", environment: environment)
        let models = ResourceCollection.importedModels(environment)
        let modelTags = PendingModelTags()
        let run = ModelImportRun(objects: environment.objects, importedModels: models, ids: environment.ids, modelTags: modelTags)
        let jobs = TimedJobs(
            type: jobType, collection: collection, defaultTiming: defaultTiming, startField: "creationTime", environment: environment,
            finish: { stored, timing in await run.finish(stored, timing: timing) })
        let tokens = IdempotencyTokens()

        registry.register(service, "CreateModelImportJob") { request in
            let input = request.input
            let account = request.context.account
            if let earlier = tokens.earlier(input["clientRequestToken"]?.stringValue, scope: "create", account: account)?.stringValue {
                return OperationOutput(["jobArn": .string(earlier)])
            }
            let jobName = input["jobName"]?.stringValue ?? ""
            let modelName = input["importedModelName"]?.stringValue ?? ""
            let existing = try await collection.list(account: account)
            if existing.contains(where: { $0.value["jobName"]?.stringValue == jobName }) {
                throw BedrockError.conflict("A model import job named \(jobName) already exists. Choose another jobName.")
            }
            let taken = try await models.list(account: account).contains { $0.value["modelName"]?.stringValue == modelName }
                || existing.contains { jobs.isRunning($0.value["status"]?.stringValue) && $0.value["importedModelName"]?.stringValue == modelName }
            if taken { throw BedrockError.conflict("An imported model named \(modelName) already exists. Choose another importedModelName.") }
            guard let uri = input["modelDataSource"]?["s3DataSource"]?["s3Uri"]?.stringValue else {
                throw BedrockError.validation("modelDataSource.s3DataSource.s3Uri must name the S3 folder that holds the model files.")
            }
            _ = try S3Location(parsing: uri)
            try jobs.admit(account: account)
            let id = ResourceID.lowercaseAlphanumeric(count: 12, using: environment.ids)
            let arn = account.arn(service: "bedrock", resource: "model-import-job/\(id)").description
            let now = environment.clock.now()
            var value: [String: ShapeValue] = [
                "jobArn": .string(arn), "jobName": .string(jobName), "importedModelName": .string(modelName), "status": "InProgress",
                "creationTime": .timestamp(now), "lastModifiedTime": .timestamp(now),
            ]
            for key in ["roleArn", "modelDataSource", "vpcConfig"] { value[key] = input[key] }
            value["importedModelKmsKeyArn"] = input["importedModelKmsKeyId"]
            let stored = try await collection.insert(.map(value), id: id, arn: arn, name: jobName, account: account, tags: TaggingOperations.pairs(input["jobTags"]))
            modelTags.hold(TaggingOperations.pairs(input["importedModelTags"]), for: arn)
            tokens.remember(input["clientRequestToken"]?.stringValue, scope: "create", account: account, answer: .string(arn))
            jobs.started(stored, account: account)
            return OperationOutput(["jobArn": .string(arn)])
        }

        jobs.register(
            .init(noun: "model import job", get: "GetModelImportJob", list: ("ListModelImportJobs", "modelImportJobSummaries")),
            service: service, into: &registry)

        registry.register(service, "GetImportedModel") { request in
            OperationOutput(try await models.require(request, member: "modelIdentifier", noun: "imported model").value)
        }

        registry.register(service, "ListImportedModels") { request in
            let query = ListQuery(request.input, scope: "ListImportedModels", nameField: "modelName")
            return .listing("modelSummaries", try query.page(try await models.list(account: request.context.account)))
        }

        registry.register(service, "DeleteImportedModel") { request in
            try await models.delete(try await models.require(request, member: "modelIdentifier", noun: "imported model"))
            return OperationOutput()
        }
    }
}
