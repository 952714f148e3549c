import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// AWS's built-in prompt routers (type `default`), each routing between two models of one
/// provider; listed in every account where the catalog has both models.
struct DefaultPromptRouters: Sendable {
    /// When AWS's prompt routers came out (preview).
    static let introduced = Date(timeIntervalSince1970: 1_733_097_600)

    let catalog: ModelCatalog

    /// The built-in routers in the caller's account and region, shaped as GetPromptRouter answers.
    func listed(account: AccountContext) -> [StoredResource] {
        DefaultPromptRouter.all.compactMap { definition in
            guard definition.models.allSatisfy({ catalog.model(id: $0) != nil }) else { return nil }
            let arn = account.arn(service: "bedrock", resource: "default-prompt-router/\(definition.id)").description
            let target = { (id: String) -> ShapeValue in ["modelArn": .string("arn:aws:bedrock:\(account.region)::foundation-model/\(id)")] }
            let value: ShapeValue = [
                "promptRouterName": .string(definition.name), "routingCriteria": ["responseQualityDifference": .double(0)],
                "description": .string("Routes requests among models in the \(definition.name.replacingOccurrences(of: " Prompt Router", with: "")) family"),
                "createdAt": .timestamp(Self.introduced), "updatedAt": .timestamp(Self.introduced), "promptRouterArn": .string(arn),
                "models": .list(definition.models.map(target)), "fallbackModel": target(definition.fallback),
                "status": "AVAILABLE", "type": "default",
            ]
            let record = ResourceRecord(
                arn: arn, service: "bedrock", type: "default-prompt-router", id: definition.id, name: definition.name,
                account: account.accountId, region: account.region, createdAt: Self.introduced, updatedAt: Self.introduced, body: Data())
            return StoredResource(derived: record, value: value)
        }
    }
}
