import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// The SYSTEM_DEFINED cross-region inference profiles: one per geography a catalog model
/// lists (`us.`, `eu.`, `apac.`, `global.`), routing to the model in that geography's regions.
struct SystemInferenceProfiles: Sendable {
    let catalog: ModelCatalog

    /// The regions each geography's profiles route to.
    static let regions: [String: [String]] = [
        "us": ["us-east-1", "us-east-2", "us-west-2"],
        "eu": ["eu-central-1", "eu-north-1", "eu-west-1", "eu-west-3"],
        "apac": ["ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2"],
    ]
    static let names = ["us": "US", "eu": "EU", "apac": "APAC", "global": "Global"]
    /// When AWS introduced cross-region inference; system profiles of models without a start of life carry it.
    static let introduced = Date(timeIntervalSince1970: 1_724_716_800)

    /// The geography whose profiles a region lists (`us-west-2` -> `us`), nil outside them.
    static func geography(of region: String) -> String? {
        regions.first { $0.value.contains(region) }?.key
            ?? (region.hasPrefix("us-") ? "us" : region.hasPrefix("eu-") ? "eu" : region.hasPrefix("ap-") ? "apac" : nil)
    }

    /// The profiles a caller in `account`'s region sees: its geography's and the global ones.
    func listed(account: AccountContext) -> [StoredResource] {
        let home = Self.geography(of: account.region)
        return catalog.inferenceProfiles
            .filter { id, _ in id.hasPrefix("global.") || home.map { id.hasPrefix($0 + ".") } == true }
            .map { id, model in resource(id, model: model, account: account) }
    }

    /// The system profile an id or ARN names, if the catalog has it.
    func find(_ identifier: String, account: AccountContext) -> StoredResource? {
        guard identifier.hasPrefix("arn:") ? identifier.contains(":inference-profile/") : true,
              let resolved = catalog.resolve(identifier), let id = resolved.inferenceProfile
        else { return nil }
        return resource(id, model: resolved.model, account: account)
    }

    /// A profile shaped as GetInferenceProfile answers it, wrapped so ListQuery can page it.
    func resource(_ id: String, model: FoundationModel, account: AccountContext) -> StoredResource {
        let geography = String(id.prefix { $0 != "." })
        let arn = account.arn(service: "bedrock", resource: "inference-profile/\(id)").description
        let routed = Self.regions[geography].map { $0.map { model.arn(region: $0) } }
            ?? [model.arn(region: account.region), "arn:aws:bedrock:::foundation-model/\(model.modelId)"]
        let covered = Self.regions[geography]?.joined(separator: ", ") ?? "commercial AWS Regions"
        let created = model.lifecycleTimes["startOfLifeTime"].map { max($0, Self.introduced) } ?? Self.introduced
        let value: ShapeValue = [
            "inferenceProfileName": .string("\(Self.names[geography] ?? geography) \(model.providerName) \(model.modelName)"),
            "description": .string("Routes requests to \(model.providerName) \(model.modelName) in \(covered)."),
            "createdAt": .timestamp(created), "updatedAt": .timestamp(created),
            "inferenceProfileArn": .string(arn), "inferenceProfileId": .string(id),
            "models": .list(routed.map { ["modelArn": .string($0)] }),
            "status": "ACTIVE", "type": "SYSTEM_DEFINED",
        ]
        let record = ResourceRecord(
            arn: arn, service: "bedrock", type: "inference-profile", id: id, name: nil, account: account.accountId, region: account.region,
            createdAt: created, updatedAt: created, body: Data())
        return StoredResource(derived: record, value: value)
    }
}
