import BedrockAPI
import Foundation

/// The base models the emulator knows, loaded from `fixtures/models.json` (bundled), and
/// how a model identifier of any spelling resolves to one of them.
public struct ModelCatalog: Sendable {
    /// A catalog file that cannot be read, with what is wrong.
    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// Geographies of the system cross-region inference profiles.
    public static let profileGeographies = ["us", "eu", "apac", "global"]

    public let models: [FoundationModel]
    private let byId: [String: FoundationModel]

    public init(models: [FoundationModel]) {
        self.models = models
        self.byId = Dictionary(models.map { ($0.modelId, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The catalog bundled with the emulator.
    public static let bundled: ModelCatalog = {
        do {
            guard let url = Bundle.module.url(forResource: "models", withExtension: "json") else {
                throw LoadError("models.json is missing from the FakeModels bundle")
            }
            return try load(Data(contentsOf: url))
        } catch {
            fatalError("The bundled model catalog cannot be loaded: \(error)")
        }
    }()

    /// Parses a catalog file.
    public static func load(_ data: Data) throws -> ModelCatalog {
        let json: JSONValue
        do { json = try JSONParser.parse(data) } catch { throw LoadError("models.json is not valid JSON: \(error.reason) at byte \(error.offset)") }
        guard let entries = json["models"]?.arrayValue else { throw LoadError("models.json has no \"models\" array") }
        return ModelCatalog(models: try entries.map(FoundationModel.init(json:)))
    }

    /// The model with exactly this id.
    public func model(id: String) -> FoundationModel? { byId[id] }

    /// Resolves a model id, a foundation-model ARN, a system inference profile id
    /// (`us.anthropic...`) or its ARN; nil when none names a known base model.
    public func resolve(_ identifier: String) -> ResolvedModel? {
        var id = identifier
        if identifier.hasPrefix("arn:") {
            let parts = identifier.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6 else { return nil }
            let resource = parts[5]
            if resource.hasPrefix("foundation-model/") {
                id = String(resource.dropFirst("foundation-model/".count))
            } else if resource.hasPrefix("inference-profile/") {
                id = String(resource.dropFirst("inference-profile/".count))
            } else {
                return nil
            }
        }
        if let model = byId[id] { return ResolvedModel(model: model, inferenceProfile: nil) }
        if let dot = id.firstIndex(of: "."), Self.profileGeographies.contains(String(id[..<dot])) {
            let geography = String(id[..<dot])
            if let model = byId[String(id[id.index(after: dot)...])], model.inferenceProfiles.contains(geography) {
                return ResolvedModel(model: model, inferenceProfile: id)
            }
        }
        return nil
    }

    /// ListFoundationModels' four filters; EOL models are not listed unless asked for.
    public func list(
        provider: String? = nil, customization: String? = nil, outputModality: String? = nil, inferenceType: String? = nil,
        includingEndOfLife: Bool = false
    ) -> [FoundationModel] {
        models.filter { model in
            (includingEndOfLife || model.lifecycleStatus != .endOfLife)
                && (provider.map { model.providerName.caseInsensitiveCompare($0) == .orderedSame || model.modelId.hasPrefix($0.lowercased() + ".") } ?? true)
                && (customization.map { model.customizationsSupported.contains($0) } ?? true)
                && (outputModality.map { model.outputModalities.contains($0) } ?? true)
                && (inferenceType.map { model.inferenceTypesSupported.contains($0) } ?? true)
        }
    }

    /// Every system inference profile: `geography.modelId` for each geography a model lists.
    public var inferenceProfiles: [(id: String, model: FoundationModel)] {
        models.flatMap { model in model.inferenceProfiles.map { ("\($0).\(model.modelId)", model) } }
    }
}

/// A base model, and the inference profile it was reached through, if any.
public struct ResolvedModel: Sendable, Equatable {
    public let model: FoundationModel
    public let inferenceProfile: String?
}
