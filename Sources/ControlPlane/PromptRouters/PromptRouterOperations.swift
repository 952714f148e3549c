import BedrockAPI
import EmulatorCore
import FakeModels

/// Prompt routers: AWS's default routers (type `default`) and custom ones routing between
/// two models of one provider (Create, Get, List, Delete, tags). A custom router's ARN is
/// `default-prompt-router/<id>` because the API model's PromptRouterArn pattern admits no other.
public enum PromptRouterOperations {
    static let service = "bedrock"

    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment, catalog: ModelCatalog) {
        let defaults = DefaultPromptRouters(catalog: catalog)
        let routers = ResourceCollection.promptRouters(environment)
        let tokens = IdempotencyTokens()

        /// The base model a router target names; a target the catalog does not know is refused.
        @Sendable func base(_ target: ShapeValue?) throws -> FoundationModel {
            let arn = target?["modelArn"]?.stringValue ?? ""
            guard let resolved = catalog.resolve(arn) else {
                throw BedrockError.resourceNotFound("The model \(arn) does not exist. Give the ARN of a foundation model or an inference profile.")
            }
            return resolved.model
        }

        registry.register(service, "CreatePromptRouter") { request in
            let input = request.input
            let account = request.context.account
            let token = input["clientRequestToken"]?.stringValue
            if let earlier = tokens.earlier(token, scope: "create", account: account)?.stringValue, try await routers.find(earlier, account: account) != nil {
                return OperationOutput(["promptRouterArn": .string(earlier)])
            }
            let name = input["promptRouterName"]?.stringValue ?? ""
            let existing = try await routers.list(account: account)
            if existing.contains(where: { $0.value["promptRouterName"]?.stringValue == name }) {
                throw BedrockError.conflict("A prompt router named \(name) already exists. Choose another promptRouterName.")
            }
            if let limit = environment.scenario.resourceLimit("prompt_routers"), existing.count >= limit {
                throw BedrockError.serviceQuotaExceeded("This account already has \(existing.count) prompt routers; the limit is \(limit). Delete one and try again.")
            }
            let targets = input["models"]?.listValue ?? []
            guard targets.count == 2 else {
                throw BedrockError.validation("A prompt router routes between exactly two models; \(targets.count) were given.")
            }
            let models = try targets.map(base)
            guard models[0].providerName == models[1].providerName, models[0].modelId != models[1].modelId else {
                throw BedrockError.validation("The two models of a prompt router must be different models of the same provider.")
            }
            let fallback = input["fallbackModel"]
            guard targets.contains(where: { $0["modelArn"] == fallback?["modelArn"] }) else {
                throw BedrockError.validation("The fallbackModel must be one of the router's models.")
            }
            let id = ResourceID.lowercaseAlphanumeric(count: 12, using: environment.ids)
            let arn = account.arn(service: service, resource: "default-prompt-router/\(id)").description
            let now = environment.clock.now()
            var value: [String: ShapeValue] = [
                "promptRouterName": .string(name), "routingCriteria": input["routingCriteria"] ?? [:], "createdAt": .timestamp(now),
                "updatedAt": .timestamp(now), "promptRouterArn": .string(arn), "models": .list(targets), "fallbackModel": fallback ?? [:],
                "status": "AVAILABLE", "type": "custom",
            ]
            value["description"] = input["description"]
            _ = try await routers.insert(.map(value), id: id, arn: arn, name: name, account: account, tags: TaggingOperations.pairs(input["tags"]))
            tokens.remember(token, scope: "create", account: account, answer: .string(arn))
            return OperationOutput(["promptRouterArn": .string(arn)])
        }

        registry.register(service, "GetPromptRouter") { request in
            let arn = request.input["promptRouterArn"]?.stringValue ?? ""
            if let builtIn = defaults.listed(account: request.context.account).first(where: { $0.arn == arn }) { return OperationOutput(builtIn.value) }
            return OperationOutput(try await routers.require(request, member: "promptRouterArn", noun: "prompt router").value)
        }

        registry.register(service, "DeletePromptRouter") { request in
            let arn = request.input["promptRouterArn"]?.stringValue ?? ""
            if defaults.listed(account: request.context.account).contains(where: { $0.arn == arn }) {
                throw BedrockError.validation("\(arn) is a default prompt router and can't be deleted. Only custom prompt routers can be deleted.")
            }
            try await routers.delete(try await routers.require(request, member: "promptRouterArn", noun: "prompt router"))
            return OperationOutput()
        }

        registry.register(service, "ListPromptRouters") { request in
            let account = request.context.account
            let all = defaults.listed(account: account) + (try await routers.list(account: account))
            let query = ListQuery(request.input, scope: "ListPromptRouters", timeField: "createdAt", nameField: "promptRouterName", fields: ["type": "type"])
            return .listing("promptRouterSummaries", try query.page(all))
        }
    }
}
