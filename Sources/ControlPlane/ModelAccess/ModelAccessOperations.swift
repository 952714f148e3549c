import BedrockAPI
import EmulatorCore
import FakeModels

/// Model access: GetFoundationModelAvailability (from the scenario's model access and the
/// account's agreements), agreement offers, Create/DeleteFoundationModelAgreement and the
/// Anthropic use case form (Put/GetUseCaseForModelAccess). Every model starts with access
/// granted, as the runtime serves it; a scenario's `access: denied` or a deleted agreement
/// shows as not available.
public enum ModelAccessOperations {
    static let service = "bedrock"

    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment, catalog: ModelCatalog) {
        // One row per model whose agreement the API changed: its AgreementAvailability.
        let agreements = ResourceCollection(service: service, type: "foundation-model-agreement", shape: "AgreementAvailability", environment: environment)
        let useCases = ResourceCollection(service: service, type: "use-case-for-model-access", shape: "PutUseCaseForModelAccessRequest", environment: environment)

        @Sendable func model(_ request: OperationRequest) throws -> FoundationModel {
            let id = request.input["modelId"]?.stringValue ?? ""
            guard let found = catalog.model(id: id) else {
                throw BedrockError.resourceNotFound("The model \(id) does not exist. Check the model id with ListFoundationModels.")
            }
            return found
        }

        @Sendable func agreement(_ model: FoundationModel, account: AccountContext) async throws -> StoredResource? {
            try await agreements.find(model.modelId, account: account)
        }

        registry.register(service, "GetFoundationModelAvailability") { request in
            let model = try model(request)
            let denied = environment.scenario.policy(for: [model.modelId]) { $0.access } == .denied
            let agreed = try await agreement(model, account: request.context.account)?.value ?? ["status": "AVAILABLE"]
            return OperationOutput([
                "modelId": .string(model.modelId),
                "agreementAvailability": denied ? ["status": "NOT_AVAILABLE"] : agreed,
                "authorizationStatus": denied ? "NOT_AUTHORIZED" : "AUTHORIZED",
                "entitlementAvailability": denied ? "NOT_AVAILABLE" : "AVAILABLE",
                "regionAvailability": model.lifecycleStatus == .endOfLife ? "NOT_AVAILABLE" : "AVAILABLE",
            ])
        }

        registry.register(service, "ListFoundationModelAgreementOffers") { request in
            let model = try model(request)
            return OperationOutput(["modelId": .string(model.modelId), "offers": [ModelOffer(model: model).value]])
        }

        registry.register(service, "CreateFoundationModelAgreement") { request in
            let model = try model(request)
            let account = request.context.account
            guard request.input["offerToken"]?.stringValue == ModelOffer(model: model).offerToken else {
                throw BedrockError.validation(
                    "The offer token is not valid for \(model.modelId). Use an offerToken from ListFoundationModelAgreementOffers for this model.")
            }
            try await agreements.upsert(["status": "AVAILABLE"], id: model.modelId, account: account)
            return OperationOutput(["modelId": .string(model.modelId)])
        }

        registry.register(service, "DeleteFoundationModelAgreement") { request in
            let model = try model(request)
            let account = request.context.account
            if try await agreement(model, account: account)?.value["status"] == "NOT_AVAILABLE" {
                throw BedrockError.resourceNotFound("There is no agreement for \(model.modelId) in this account to delete.")
            }
            try await agreements.upsert(["status": "NOT_AVAILABLE"], id: model.modelId, account: account)
            return OperationOutput()
        }

        registry.register(service, "PutUseCaseForModelAccess") { request in
            let value: ShapeValue = ["formData": request.input["formData"] ?? .blob(.init())]
            try await useCases.upsert(value, id: "use-case", account: request.context.account)
            return OperationOutput()
        }

        registry.register(service, "GetUseCaseForModelAccess") { request in
            guard let stored = try await useCases.find("use-case", account: request.context.account) else {
                throw BedrockError.resourceNotFound("No use case for model access has been submitted in this account. Submit one with PutUseCaseForModelAccess.")
            }
            return OperationOutput(["formData": stored.value["formData"] ?? .blob(.init())])
        }
    }
}
