import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// Inference profiles: the SYSTEM_DEFINED cross-region ones from the model catalog, and
/// APPLICATION ones copied from a foundation model or a system profile (Create, Get, List,
/// Delete, tags). The runtime invokes an application profile by id or ARN.
public enum InferenceProfileOperations {
    static let service = "bedrock"

    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment, catalog: ModelCatalog) {
        let system = SystemInferenceProfiles(catalog: catalog)
        let applications = ResourceCollection.applicationInferenceProfiles(environment)
        let tokens = IdempotencyTokens()

        /// An application profile as GetInferenceProfile answers it, from the request stored.
        @Sendable func view(_ stored: StoredResource) -> StoredResource {
            let source = stored.value["modelSource"]?["copyFrom"]?.stringValue ?? ""
            let account = AccountContext(accountId: stored.record.account, region: stored.record.region)
            let models: ShapeValue
            if let resolved = catalog.resolve(source) {
                models = resolved.inferenceProfile.map { system.resource($0, model: resolved.model, account: account).value["models"] ?? [] }
                    ?? [["modelArn": .string(resolved.model.arn(region: account.region))]]
            } else {
                models = []
            }
            var value: [String: ShapeValue] = [
                "inferenceProfileName": stored.value["inferenceProfileName"] ?? "",
                "createdAt": .timestamp(stored.record.createdAt), "updatedAt": .timestamp(stored.record.updatedAt),
                "inferenceProfileArn": .string(stored.arn), "inferenceProfileId": .string(stored.id),
                "models": models, "status": "ACTIVE", "type": "APPLICATION",
            ]
            value["description"] = stored.value["description"]
            return StoredResource(derived: stored.record, value: .map(value))
        }

        /// The profile (system or application) the request's identifier names.
        @Sendable func profile(_ request: OperationRequest) async throws -> (resource: StoredResource, application: Bool) {
            let identifier = request.input["inferenceProfileIdentifier"]?.stringValue ?? ""
            if let found = system.find(identifier, account: request.context.account) { return (found, false) }
            return (try await applications.require(request, member: "inferenceProfileIdentifier", noun: "inference profile"), true)
        }

        registry.register(service, "CreateInferenceProfile") { request in
            let input = request.input
            let account = request.context.account
            let token = input["clientRequestToken"]?.stringValue
            if let earlier = tokens.earlier(token, scope: "create", account: account)?.stringValue, try await applications.find(earlier, account: account) != nil {
                return OperationOutput(["inferenceProfileArn": .string(earlier), "status": "ACTIVE"])
            }
            let name = input["inferenceProfileName"]?.stringValue ?? ""
            let existing = try await applications.list(account: account)
            if existing.contains(where: { $0.value["inferenceProfileName"]?.stringValue == name }) {
                throw BedrockError.conflict("An inference profile named \(name) already exists. Choose another inferenceProfileName.")
            }
            if let limit = environment.scenario.resourceLimit("application_inference_profiles"), existing.count >= limit {
                throw BedrockError.serviceQuotaExceeded(
                    "This account already has \(existing.count) application inference profiles; the limit is \(limit). Delete one and try again.")
            }
            let source = input["modelSource"]?["copyFrom"]?.stringValue ?? ""
            guard !source.isEmpty else {
                throw BedrockError.validation("modelSource.copyFrom is required: give the ARN of a foundation model or of a system inference profile.")
            }
            guard let resolved = catalog.resolve(source), source.hasPrefix("arn:") else {
                throw BedrockError.resourceNotFound("The model or inference profile \(source) does not exist. Give the ARN of a foundation model or of a system inference profile.")
            }
            if resolved.inferenceProfile == nil && !resolved.model.onDemand {
                throw BedrockError.validation(
                    "\(resolved.model.modelId) is served only through a system inference profile; copy from that profile's ARN instead.")
            }
            let id = ResourceID.lowercaseAlphanumeric(count: 12, using: environment.ids)
            let arn = account.arn(service: "bedrock", resource: "application-inference-profile/\(id)").description
            var value = input.mapValue ?? [:]
            value["tags"] = nil
            value["clientRequestToken"] = nil
            _ = try await applications.insert(.map(value), id: id, arn: arn, name: name, account: account, tags: TaggingOperations.pairs(input["tags"]))
            tokens.remember(token, scope: "create", account: account, answer: .string(arn))
            return OperationOutput(["inferenceProfileArn": .string(arn), "status": "ACTIVE"])
        }

        registry.register(service, "GetInferenceProfile") { request in
            let (found, application) = try await profile(request)
            return OperationOutput(application ? view(found).value : found.value)
        }

        registry.register(service, "DeleteInferenceProfile") { request in
            let (found, application) = try await profile(request)
            guard application else {
                throw BedrockError.validation(
                    "\(found.id) is a system-defined inference profile and can't be deleted. Only application inference profiles can be deleted.")
            }
            try await applications.delete(found)
            return OperationOutput()
        }

        registry.register(service, "ListInferenceProfiles") { request in
            let account = request.context.account
            let all = system.listed(account: account) + (try await applications.list(account: account)).map(view)
            let query = ListQuery(request.input, scope: "ListInferenceProfiles", timeField: "createdAt", nameField: "inferenceProfileName")
            return .listing("inferenceProfileSummaries", try query.page(all))
        }
    }
}
