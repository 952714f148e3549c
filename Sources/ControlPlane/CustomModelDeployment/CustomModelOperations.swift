import BedrockAPI
import EmulatorCore
import Foundation

/// CreateCustomModel: a custom model registered from model artifacts already in the object
/// store (`custom-model/imported/<id>`). Its modelStatus is Creating for the scenario's
/// `jobs.custom_model` timing (10 s built in), then Active; Get/List/DeleteCustomModel
/// (model customization) serve it.
public enum CustomModelOperations {
    static let service = "bedrock"
    static let jobType = "custom_model"
    public static let defaultTiming = JobTiming(durations: [("Creating", 10)], outcome: "Active")

    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let models = ResourceCollection.customModels(environment)
        let lifecycle = TimedJobs(
            type: jobType, collection: models, defaultTiming: defaultTiming, startField: "creationTime",
            fields: .init(status: "modelStatus", modified: "lastModifiedTime", end: "endTime"),
            environment: environment,
            finish: { _, timing in
                timing.outcome == "Failed" ? ["failureMessage": .string(timing.message ?? "The custom model could not be created, as the scenario says.")] : [:]
            })
        let tokens = IdempotencyTokens()

        registry.register(service, "CreateCustomModel") { request in
            let input = request.input
            let account = request.context.account
            if let earlier = tokens.earlier(input["clientRequestToken"]?.stringValue, scope: "create", account: account)?.stringValue {
                return OperationOutput(["modelArn": .string(earlier)])
            }
            let name = input["modelName"]?.stringValue ?? ""
            if try await models.list(account: account).contains(where: { $0.value["modelName"]?.stringValue == name }) {
                throw BedrockError.conflict("A custom model named \(name) already exists. Choose another modelName.")
            }
            guard let uri = input["modelSourceConfig"]?["s3DataSource"]?["s3Uri"]?.stringValue else {
                throw BedrockError.validation("modelSourceConfig.s3DataSource.s3Uri must name the S3 folder that holds the model artifacts.")
            }
            let prefix = uri.hasSuffix("/") ? uri : uri + "/"
            guard try !environment.objects.list(prefix: prefix).isEmpty else {
                throw BedrockError.validation("No model artifacts were found at \(prefix). Put the model's files in the local object store first.")
            }
            if let limit = environment.scenario.resourceLimit("custom_models"), try await models.list(account: account).count >= limit {
                throw BedrockError.serviceQuotaExceeded("The account has \(limit) custom models, its limit. Delete a custom model, then try again.")
            }
            let id = ResourceID.lowercaseAlphanumeric(count: 12, using: environment.ids)
            let arn = account.arn(service: "bedrock", resource: "custom-model/imported/\(id)").description
            var value: [String: ShapeValue] = [
                "modelArn": .string(arn), "modelName": .string(name), "modelStatus": "Creating", "creationTime": .timestamp(environment.clock.now()),
            ]
            value["modelKmsKeyArn"] = input["modelKmsKeyArn"]
            let stored = try await models.insert(.map(value), id: id, arn: arn, name: name, account: account, tags: TaggingOperations.pairs(input["modelTags"]))
            tokens.remember(input["clientRequestToken"]?.stringValue, scope: "create", account: account, answer: .string(arn))
            lifecycle.started(stored, account: account)
            return OperationOutput(["modelArn": .string(arn)])
        }
    }
}
