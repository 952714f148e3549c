import BedrockAPI
import EmulatorCore
import Foundation

/// Custom model deployments (on-demand hosting of a custom model): Create (Creating ->
/// Active on the scenario's `jobs.custom_model_deployment` timing, 10 s built in), Get,
/// List, Update (a new model ARN, applied at once) and Delete.
public enum CustomModelDeploymentOperations {
    static let service = "bedrock"
    static let jobType = "custom_model_deployment"
    public static let defaultTiming = JobTiming(durations: [("Creating", 10)], outcome: "Active")

    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let deployments = ResourceCollection.customModelDeployments(environment)
        let models = ResourceCollection.customModels(environment)
        let lifecycle = TimedJobs(
            type: jobType, collection: deployments, defaultTiming: defaultTiming, startField: "createdAt", environment: environment,
            finish: { stored, timing in
                var fields: [String: ShapeValue] = ["lastUpdatedAt": .timestamp(stored.value["createdAt"]?.timestampValue ?? Date())]
                if timing.outcome == "Failed" { fields["failureMessage"] = .string(timing.message ?? "The deployment could not be created, as the scenario says.") }
                return fields
            })
        let tokens = IdempotencyTokens()

        /// The account's custom model `arn`, which must be Active to be deployed.
        @Sendable func activeModel(_ arn: String, account: AccountContext) async throws -> StoredResource {
            let model = try await models.require(arn, account: account, notFound: .resourceNotFound("The custom model \(arn) does not exist in this account and region."))
            guard model.value["modelStatus"]?.stringValue ?? "Active" == "Active" else {
                throw BedrockError.validation("The custom model \(arn) is \(model.value["modelStatus"]?.stringValue ?? ""); deploy it once it is Active.")
            }
            return model
        }

        registry.register(service, "CreateCustomModelDeployment") { request in
            let input = request.input
            let account = request.context.account
            if let earlier = tokens.earlier(input["clientRequestToken"]?.stringValue, scope: "create", account: account)?.stringValue {
                return OperationOutput(["customModelDeploymentArn": .string(earlier)])
            }
            let name = input["modelDeploymentName"]?.stringValue ?? ""
            if try await deployments.list(account: account).contains(where: { $0.value["modelDeploymentName"]?.stringValue == name }) {
                throw BedrockError.validation("A custom model deployment named \(name) already exists. Choose another modelDeploymentName.")
            }
            let model = try await activeModel(input["modelArn"]?.stringValue ?? "", account: account)
            let id = ResourceID.lowercaseAlphanumeric(count: 12, using: environment.ids)
            let arn = account.arn(service: "bedrock", resource: "custom-model-deployment/\(id)").description
            var value: [String: ShapeValue] = [
                "customModelDeploymentArn": .string(arn), "modelDeploymentName": .string(name), "modelArn": .string(model.arn),
                "createdAt": .timestamp(environment.clock.now()), "status": "Creating",
            ]
            value["description"] = input["description"]
            let stored = try await deployments.insert(.map(value), id: id, arn: arn, name: name, account: account, tags: TaggingOperations.pairs(input["tags"]))
            tokens.remember(input["clientRequestToken"]?.stringValue, scope: "create", account: account, answer: .string(arn))
            lifecycle.started(stored, account: account)
            return OperationOutput(["customModelDeploymentArn": .string(arn)])
        }

        registry.register(service, "GetCustomModelDeployment") { request in
            OperationOutput(try await lifecycle.current(
                try await deployments.require(request, member: "customModelDeploymentIdentifier", noun: "custom model deployment")).value)
        }

        registry.register(service, "ListCustomModelDeployments") { request in
            let all = try await lifecycle.listCurrent(account: request.context.account)
            let query = ListQuery(request.input, scope: "ListCustomModelDeployments", timeField: "createdAt", nameField: "modelDeploymentName")
            return .listing("modelDeploymentSummaries", try query.page(all)) { deployment in
                var summary = deployment.value.mapValue ?? [:]
                summary["customModelDeploymentName"] = summary["modelDeploymentName"]
                return .map(summary)
            }
        }

        registry.register(service, "UpdateCustomModelDeployment") { request in
            let account = request.context.account
            let stored = try await lifecycle.current(
                try await deployments.require(request, member: "customModelDeploymentIdentifier", noun: "custom model deployment"))
            guard stored.value["status"] == "Active" else {
                throw BedrockError.validation("The deployment is \(stored.value["status"]?.stringValue ?? "not ready"); update it once it is Active.")
            }
            let model = try await activeModel(request.input["modelArn"]?.stringValue ?? "", account: account)
            var value = stored.value.mapValue ?? [:]
            value["modelArn"] = .string(model.arn)
            value["updateDetails"] = ["modelArn": .string(model.arn), "updateStatus": "UpdateCompleted"]
            value["lastUpdatedAt"] = .timestamp(environment.clock.now())
            try await deployments.update(stored, to: .map(value))
            return OperationOutput(["customModelDeploymentArn": .string(stored.arn)])
        }

        registry.register(service, "DeleteCustomModelDeployment") { request in
            try await deployments.delete(
                try await deployments.require(request, member: "customModelDeploymentIdentifier", noun: "custom model deployment"))
            return OperationOutput()
        }
    }
}
