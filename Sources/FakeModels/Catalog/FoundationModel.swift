import BedrockAPI
import Foundation

/// One base model of the catalog (`fixtures/models.json`): what ListFoundationModels shows
/// and the limits the runtime enforces.
public struct FoundationModel: Sendable, Equatable {
    /// Where a model is in its life: LEGACY still answers, EOL is refused.
    public enum LifecycleStatus: String, Sendable {
        case active = "ACTIVE", legacy = "LEGACY", endOfLife = "EOL"
    }

    /// What a model can do beyond plain text in, text out.
    public enum Feature: String, Sendable {
        case converse, converseStream, tools, toolChoice, systemPrompt, vision, documents, reasoning, citations
    }

    public let modelId: String
    public let modelName: String
    public let providerName: String
    /// The native body format InvokeModel speaks for this model.
    public let codec: String
    public let inputModalities: [String]
    public let outputModalities: [String]
    public let responseStreamingSupported: Bool
    public let customizationsSupported: [String]
    public let inferenceTypesSupported: [String]
    public let lifecycleStatus: LifecycleStatus
    public let lifecycleTimes: [String: Date]
    public let features: Set<Feature>
    public let contextWindow: Int?
    public let maxOutputTokens: Int?
    public let embeddingDimensions: EmbeddingDimensions?
    public let requestsPerMinute: Int?
    public let tokensPerMinute: Int?
    public let provisionedModelIds: [String]
    /// Geography prefixes of the system inference profiles (`us`, `eu`, `apac`, `global`).
    public let inferenceProfiles: [String]
    /// False for models AWS serves only through an inference profile.
    public let onDemand: Bool

    /// The dimensions an embedding model returns.
    public struct EmbeddingDimensions: Sendable, Equatable {
        public let defaultValue: Int
        public let allowed: [Int]
    }

    public func supports(_ feature: Feature) -> Bool { features.contains(feature) }

    /// `arn:aws:bedrock:REGION::foundation-model/ID`: base models have no account.
    public func arn(region: String) -> String { "arn:aws:bedrock:\(region)::foundation-model/\(modelId)" }

    public var producesText: Bool { outputModalities.contains("TEXT") }
}

extension FoundationModel {
    /// Reads one catalog entry; the message names the model and the field that is wrong.
    init(json: JSONValue) throws {
        guard let id = json["modelId"]?.stringValue else { throw ModelCatalog.LoadError("a model without a modelId") }
        func string(_ key: String) throws -> String {
            guard let value = json[key]?.stringValue else { throw ModelCatalog.LoadError("\(id): \(key) is missing or not a string") }
            return value
        }
        func strings(_ key: String) -> [String] { json[key]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        modelId = id
        modelName = try string("modelName")
        providerName = try string("providerName")
        codec = try string("codec")
        inputModalities = strings("inputModalities")
        outputModalities = strings("outputModalities")
        responseStreamingSupported = json["responseStreamingSupported"]?.boolValue ?? false
        customizationsSupported = strings("customizationsSupported")
        inferenceTypesSupported = strings("inferenceTypesSupported")
        let lifecycle = json["lifecycle"]
        guard let status = LifecycleStatus(rawValue: lifecycle?["status"]?.stringValue ?? "ACTIVE") else {
            throw ModelCatalog.LoadError("\(id): lifecycle.status must be ACTIVE, LEGACY or EOL")
        }
        lifecycleStatus = status
        var times: [String: Date] = [:]
        for key in ["startOfLifeTime", "legacyTime", "endOfLifeTime", "publicExtendedAccessTime"] {
            if let text = lifecycle?[key]?.stringValue {
                guard let date = Timestamp.parseISO8601(text) else { throw ModelCatalog.LoadError("\(id): lifecycle.\(key) is not an ISO-8601 time") }
                times[key] = date
            }
        }
        lifecycleTimes = times
        features = Set(try strings("features").map { name in
            guard let feature = Feature(rawValue: name) else { throw ModelCatalog.LoadError("\(id): unknown feature \(name)") }
            return feature
        })
        contextWindow = json["contextWindow"]?.intValue
        maxOutputTokens = json["maxOutputTokens"]?.intValue
        if let dims = json["embeddingDimensions"], let value = dims["default"]?.intValue {
            embeddingDimensions = EmbeddingDimensions(defaultValue: value, allowed: dims["allowed"]?.arrayValue?.compactMap(\.intValue) ?? [value])
        } else {
            embeddingDimensions = nil
        }
        requestsPerMinute = json["quotas"]?["requestsPerMinute"]?.intValue
        tokensPerMinute = json["quotas"]?["tokensPerMinute"]?.intValue
        provisionedModelIds = strings("provisionedModelIds")
        inferenceProfiles = strings("inferenceProfiles")
        onDemand = json["onDemand"]?.boolValue ?? true
    }
}
