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

        registry.register(service, "GetModelCustomizationJob") { request in
            OperationOutput(try await jobs.current(try await findJob(request, in: jobsCollection)).value)
        }

        registry.register(service, "StopModelCustomizationJob") { request in
            _ = try await jobs.stop(try await findJob(request, in: jobsCollection))
            return OperationOutput()
        }

        registry.register(service, "ListModelCustomizationJobs") { request in
            let input = request.input
            var all: [StoredResource] = []
            for stored in try await jobsCollection.list(account: request.context.account) { all.append(try await jobs.current(stored)) }
            let created = { (job: StoredResource) in job.value["creationTime"]?.timestampValue ?? .distantPast }
            all = all.filter { job in
                (input["statusEquals"].map { $0 == job.value["status"] } ?? true)
                    && (input["nameContains"]?.stringValue.map { job.value["jobName"]?.stringValue?.contains($0) == true } ?? true)
                    && (input["creationTimeAfter"]?.timestampValue.map { created(job) > $0 } ?? true)
                    && (input["creationTimeBefore"]?.timestampValue.map { created(job) < $0 } ?? true)
            }
            let page = try sortedPage(all, input: input, time: created, scope: "ListModelCustomizationJobs")
            let summaries = page.items.map { job -> ShapeValue in
                var summary = job.value.mapValue ?? [:]
                summary["customModelArn"] = summary["outputModelArn"]
                summary["customModelName"] = summary["outputModelName"]
                return .map(summary)
            }
            var output: [String: ShapeValue] = ["modelCustomizationJobSummaries": .list(summaries)]
            output["nextToken"] = page.nextToken.map(ShapeValue.string)
            return OperationOutput(.map(output))
        }

        registry.register(service, "GetCustomModel") { request in
            OperationOutput(try await findModel(request, in: models).value)
        }

        registry.register(service, "DeleteCustomModel") { request in
            try await models.delete(try await findModel(request, in: models))
            return OperationOutput()
        }

        registry.register(service, "ListCustomModels") { request in
            let input = request.input
            let account = request.context.account
            let created = { (model: StoredResource) in model.value["creationTime"]?.timestampValue ?? .distantPast }
            let all = try await models.list(account: account).filter { model in
                let base = model.value["baseModelArn"]?.stringValue
                return (input["baseModelArnEquals"]?.stringValue.map { $0 == base } ?? true)
                    && (input["foundationModelArnEquals"]?.stringValue.map { $0 == base } ?? true)
                    && (input["nameContains"]?.stringValue.map { model.value["modelName"]?.stringValue?.contains($0) == true } ?? true)
                    && (input["modelStatus"].map { $0 == model.value["modelStatus"] } ?? true)
                    && (input["creationTimeAfter"]?.timestampValue.map { created(model) > $0 } ?? true)
                    && (input["creationTimeBefore"]?.timestampValue.map { created(model) < $0 } ?? true)
            }
            let page = try sortedPage(all, input: input, time: created, scope: "ListCustomModels")
            let summaries = page.items.map { model -> ShapeValue in
                var summary = model.value.mapValue ?? [:]
                summary["baseModelName"] = catalog.resolve(summary["baseModelArn"]?.stringValue ?? "").map { .string($0.model.modelName) } ?? ""
                summary["ownerAccountId"] = .string(account.accountId)
                return .map(summary)
            }
            var output: [String: ShapeValue] = ["modelSummaries": .list(summaries)]
            output["nextToken"] = page.nextToken.map(ShapeValue.string)
            return OperationOutput(.map(output))
        }
    }

    /// Newest first unless `sortOrder` says Ascending, then one page.
    static func sortedPage(_ items: [StoredResource], input: ShapeValue, time: (StoredResource) -> Date, scope: String) throws -> Page<StoredResource> {
        var sorted = items.sorted { time($0) == time($1) ? $0.id < $1.id : time($0) < time($1) }
        if input["sortOrder"]?.stringValue != "Ascending" { sorted.reverse() }
        return try Page.paginate(sorted, maxResults: input["maxResults"]?.intValue, nextToken: input["nextToken"]?.stringValue, scope: scope)
    }

    static func findJob(_ request: OperationRequest, in collection: ResourceCollection) async throws -> StoredResource {
        let identifier = request.input["jobIdentifier"]?.stringValue ?? ""
        return try await collection.require(
            identifier, account: request.context.account,
            notFound: .resourceNotFound("The model customization job \(identifier) does not exist in this account and region."))
    }

    static func findModel(_ request: OperationRequest, in collection: ResourceCollection) async throws -> StoredResource {
        let identifier = request.input["modelIdentifier"]?.stringValue ?? ""
        return try await collection.require(
            identifier, account: request.context.account,
            notFound: .resourceNotFound("The custom model \(identifier) does not exist in this account and region."))
    }
}
