import Foundation

/// The API model of the four Bedrock services, generated from botocore by
/// `tools/generate-api-model.py` and loaded once at start.
public struct APIModel: Sendable, Decodable {
    /// Where the model came from (the botocore version).
    public let source: [String: String]
    public let services: [ServiceModel]

    /// The service named `name` (`bedrock`, `bedrock-runtime`, `bedrock-agent`, `bedrock-agent-runtime`).
    public func service(_ name: String) -> ServiceModel? {
        services.first { $0.name == name }
    }

    /// Every operation of every service, as (service, operation name) pairs.
    public var operationKeys: [OperationKey] {
        services.flatMap { service in service.operations.keys.sorted().map { OperationKey(service: service.name, operation: $0) } }
    }
}

extension APIModel {
    /// The model bundled with this module.
    public static let bundled: APIModel = {
        do {
            return try load()
        } catch {
            fatalError("the bundled api model does not load: \(error)")
        }
    }()

    /// Loads the model from `url`, or from the module's bundled resource.
    public static func load(from url: URL? = nil) throws -> APIModel {
        guard let url = url ?? Bundle.module.url(forResource: "api-model", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile)
        }
        let decoder = JSONDecoder()
        decoder.userInfo[ShapeNames.userInfoKey] = ShapeNames()
        return try decoder.decode(APIModel.self, from: Data(contentsOf: url))
    }
}

extension APIModel {
    /// Every error code any service models, with its HTTP status.
    public var errorStatuses: [String: Int] {
        var statuses: [String: Int] = [:]
        for service in services {
            for (name, shape) in service.shapes where shape.exception == true {
                statuses[name] = statuses[name] ?? shape.error?.httpStatusCode ?? (shape.fault == true ? 500 : 400)
            }
        }
        return statuses
    }
}
