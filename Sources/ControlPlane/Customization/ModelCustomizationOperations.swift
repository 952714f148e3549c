import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// Model customization jobs (Create, Get, List, Stop) and the custom models they make
/// (Get, List, Delete). A job is InProgress for the scenario's `jobs.model_customization`
/// timing (30 s built in), then Completed with its metrics files and a custom model, or
/// Failed with Bedrock's message when its data cannot be read.
public enum ModelCustomizationOperations {
    static let service = "bedrock"
    static let jobType = "model_customization"
    public static let defaultTiming = JobTiming(durations: [("InProgress", 30)], outcome: "Completed")

    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment, catalog: ModelCatalog) {
        let jobsCollection = ResourceCollection(service: service, type: "model-customization-job", shape: "GetModelCustomizationJobResponse", environment: environment)
        let models = ResourceCollection.customModels(environment)
        let modelTags = PendingModelTags()
        let run = TrainingRun(objects: environment.objects, catalog: catalog, customModels: models, ids: environment.ids, modelTags: modelTags)
        let jobs = TimedJobs(
            type: jobType, collection: jobsCollection, defaultTiming: defaultTiming, startField: "creationTime", environment: environment,
            finish: { stored, timing in await run.finish(stored, timing: timing) })

        registry.register(service, "CreateModelCustomizationJob") { request in
            let input = request.input
            let account = request.context.account
            let existing = try await jobsCollection.list(account: account)
            if let token = input["clientRequestToken"]?.stringValue,
               let earlier = existing.first(where: { $0.value["clientRequestToken"]?.stringValue == token }) {
                return OperationOutput(["jobArn": .string(earlier.arn)])
            }
            let jobName = input["jobName"]?.stringValue ?? ""
            let modelName = input["customModelName"]?.stringValue ?? ""
            if existing.contains(where: { $0.value["jobName"]?.stringValue == jobName }) {
                throw BedrockError.conflict("A model customization job named \(jobName) already exists. Choose another jobName.")
            }
            let taken = try await models.list(account: account).contains { $0.value["modelName"]?.stringValue == modelName }
                || existing.contains { jobs.isRunning($0.value["status"]?.stringValue) && $0.value["outputModelName"]?.stringValue == modelName }
            if taken { throw BedrockError.conflict("A custom model named \(modelName) already exists. Choose another customModelName.") }
            if let limit = environment.scenario.resourceLimit("custom_models") {
                let count = try await models.list(account: account).count + existing.filter { jobs.isRunning($0.value["status"]?.stringValue) }.count
                if count >= limit {
                    throw BedrockError.serviceQuotaExceeded(
                        "The account has \(count) custom models (counting jobs still running); the limit is \(limit). Delete a custom model, then try again.")
                }
            }
            try jobs.admit(account: account)
            guard let base = catalog.resolve(input["baseModelIdentifier"]?.stringValue ?? ""), base.inferenceProfile == nil else {
                throw BedrockError.validation("The provided base model identifier is invalid: use a foundation model id or ARN.")
            }
            let type = input["customizationType"]?.stringValue ?? "FINE_TUNING"
            guard base.model.customizationsSupported.contains(type) else {
                let supported = base.model.customizationsSupported
                throw BedrockError.validation(supported.isEmpty
                    ? "The base model \(base.model.modelId) does not support customization."
                    : "The base model \(base.model.modelId) does not support \(type); it supports \(supported.joined(separator: ", ")).")
            }
            let hyper = try Hyperparameters.resolve(input["hyperParameters"]?.mapValue?.compactMapValues(\.stringValue) ?? [:], for: base.model)
            for uri in [input["trainingDataConfig"]?["s3Uri"]?.stringValue, input["outputDataConfig"]?["s3Uri"]?.stringValue] {
                guard let uri else { throw BedrockError.validation("trainingDataConfig.s3Uri and outputDataConfig.s3Uri are required.") }
                _ = try S3Location(parsing: uri)
            }
            let id = ResourceID.lowercaseAlphanumeric(count: 12, using: environment.ids)
            let arn = account.arn(service: "bedrock", resource: "model-customization-job/\(base.model.modelId)/\(id)").description
            let now = environment.clock.now()
            var value: [String: ShapeValue] = [
                "jobArn": .string(arn), "jobName": .string(jobName), "outputModelName": .string(modelName), "status": "InProgress",
                "baseModelArn": .string(base.model.arn(region: account.region)), "customizationType": .string(type),
                "hyperParameters": .map(hyper.mapValues(ShapeValue.string)), "creationTime": .timestamp(now), "lastModifiedTime": .timestamp(now),
            ]
            for key in ["roleArn", "clientRequestToken", "trainingDataConfig", "validationDataConfig", "outputDataConfig", "vpcConfig", "customizationConfig"] {
                value[key] = input[key]
            }
            value["outputModelKmsKeyArn"] = input["customModelKmsKeyId"]
            let stored = try await jobsCollection.insert(
                .map(value), id: id, arn: arn, name: jobName, account: account, tags: TaggingOperations.pairs(input["jobTags"]))
            modelTags.hold(TaggingOperations.pairs(input["customModelTags"]), for: arn)
            jobs.started(stored, account: account)
            return OperationOutput(["jobArn": .string(arn)])
        }

        jobs.register(
            .init(noun: "model customization job", get: "GetModelCustomizationJob", stop: "StopModelCustomizationJob",
                  list: ("ListModelCustomizationJobs", "modelCustomizationJobSummaries")),
            service: service, into: &registry
        ) { job in
            var summary = job.value.mapValue ?? [:]
            summary["customModelArn"] = summary["outputModelArn"]
            summary["customModelName"] = summary["outputModelName"]
            return .map(summary)
        }

        registry.register(service, "GetCustomModel") { request in
            OperationOutput(try await models.require(request, member: "modelIdentifier", noun: "custom model").value)
        }

        registry.register(service, "DeleteCustomModel") { request in
            try await models.delete(try await models.require(request, member: "modelIdentifier", noun: "custom model"))
            return OperationOutput()
        }

        registry.register(service, "ListCustomModels") { request in
            let account = request.context.account
            let query = ListQuery(
                request.input, scope: "ListCustomModels", nameField: "modelName",
                fields: ["foundationModelArnEquals": "baseModelArn", "modelStatus": "modelStatus"])
            return .listing("modelSummaries", try query.page(try await models.list(account: account))) { model in
                var summary = model.value.mapValue ?? [:]
                summary["baseModelName"] = catalog.resolve(summary["baseModelArn"]?.stringValue ?? "").map { .string($0.model.modelName) } ?? ""
                summary["ownerAccountId"] = .string(account.accountId)
                return .map(summary)
            }
        }
    }
}
