import BedrockAPI
import EmulatorCore

/// Marketplace model endpoints: SageMaker endpoints serving Bedrock Marketplace models, made
/// and registered with Bedrock in one call (Create), then Get, List, Update, Delete, and
/// Deregister/Register. There is no SageMaker here: an endpoint is InService at once, and
/// only endpoints made by Create can be registered again after a Deregister.
public enum MarketplaceEndpointOperations {
    static let service = "bedrock"

    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let endpoints = ResourceCollection(
            service: service, type: "marketplace-model-endpoint", shape: "MarketplaceModelEndpoint", environment: environment)
        let tokens = IdempotencyTokens()

        /// The registered endpoint the request's `member` names; a deregistered one is not found.
        @Sendable func registered(_ request: OperationRequest, member: String = "endpointArn") async throws -> StoredResource {
            let stored = try await endpoints.require(request, member: member, noun: "marketplace model endpoint")
            guard stored.value["status"] != nil else {
                throw BedrockError.resourceNotFound(
                    "The endpoint \(stored.arn) is not registered with Amazon Bedrock. Register it with RegisterMarketplaceModelEndpoint.")
            }
            return stored
        }

        @Sendable func answer(_ stored: StoredResource) -> OperationOutput {
            OperationOutput(["marketplaceModelEndpoint": stored.value])
        }

        registry.register(service, "CreateMarketplaceModelEndpoint") { request in
            let input = request.input
            let account = request.context.account
            let token = input["clientRequestToken"]?.stringValue
            if let earlier = tokens.earlier(token, scope: "create", account: account)?.stringValue, let stored = try await endpoints.find(earlier, account: account) {
                return answer(stored)
            }
            let name = input["endpointName"]?.stringValue ?? ""
            if try await endpoints.find(name, account: account) != nil {
                throw BedrockError.conflict("An endpoint named \(name) already exists in this account and region. Choose another endpointName.")
            }
            if let limit = environment.scenario.resourceLimit("marketplace_model_endpoints"), try await endpoints.list(account: account).count >= limit {
                throw BedrockError.serviceQuotaExceeded("This account already has \(limit) marketplace model endpoints, the limit. Delete one and try again.")
            }
            let arn = ARN(partition: account.partition, service: "sagemaker", region: account.region, account: account.accountId, resource: "endpoint/\(name)").description
            let now = environment.clock.now()
            let value: ShapeValue = [
                "endpointArn": .string(arn), "modelSourceIdentifier": input["modelSourceIdentifier"] ?? "", "status": "REGISTERED",
                "createdAt": .timestamp(now), "updatedAt": .timestamp(now), "endpointConfig": input["endpointConfig"] ?? [:],
                "endpointStatus": "InService",
            ]
            let stored = try await endpoints.insert(value, id: name, arn: arn, name: name, account: account, tags: TaggingOperations.pairs(input["tags"]))
            tokens.remember(token, scope: "create", account: account, answer: .string(arn))
            return answer(stored)
        }

        registry.register(service, "GetMarketplaceModelEndpoint") { request in
            answer(try await registered(request))
        }

        registry.register(service, "UpdateMarketplaceModelEndpoint") { request in
            let stored = try await registered(request)
            var value = stored.value.mapValue ?? [:]
            value["endpointConfig"] = request.input["endpointConfig"] ?? [:]
            value["updatedAt"] = .timestamp(environment.clock.now())
            return answer(try await endpoints.update(stored, to: .map(value)))
        }

        registry.register(service, "DeleteMarketplaceModelEndpoint") { request in
            try await endpoints.delete(try await endpoints.require(request, member: "endpointArn", noun: "marketplace model endpoint"))
            return OperationOutput()
        }

        registry.register(service, "DeregisterMarketplaceModelEndpoint") { request in
            let stored = try await registered(request)
            var value = stored.value.mapValue ?? [:]
            value["status"] = nil
            value["updatedAt"] = .timestamp(environment.clock.now())
            try await endpoints.update(stored, to: .map(value))
            return OperationOutput()
        }

        registry.register(service, "RegisterMarketplaceModelEndpoint") { request in
            let identifier = request.input["endpointIdentifier"]?.stringValue ?? ""
            guard let stored = try await endpoints.find(identifier, account: request.context.account) else {
                throw BedrockError.resourceNotFound(
                    "The SageMaker endpoint \(identifier) does not exist. The emulator has no SageMaker: only endpoints made with CreateMarketplaceModelEndpoint can be registered.")
            }
            var value = stored.value.mapValue ?? [:]
            value["status"] = "REGISTERED"
            value["modelSourceIdentifier"] = request.input["modelSourceIdentifier"] ?? value["modelSourceIdentifier"]
            value["updatedAt"] = .timestamp(environment.clock.now())
            return answer(try await endpoints.update(stored, to: .map(value)))
        }

        registry.register(service, "ListMarketplaceModelEndpoints") { request in
            let all = try await endpoints.list(account: request.context.account).filter { $0.value["status"] != nil }
            let query = ListQuery(
                request.input, scope: "ListMarketplaceModelEndpoints", timeField: "createdAt", fields: ["modelSourceEquals": "modelSourceIdentifier"])
            return .listing("marketplaceModelEndpoints", try query.page(all)) { stored in
                let summary = ["endpointArn", "modelSourceIdentifier", "status", "statusMessage", "createdAt", "updatedAt"]
                return .map((stored.value.mapValue ?? [:]).filter { summary.contains($0.key) })
            }
        }
    }
}
