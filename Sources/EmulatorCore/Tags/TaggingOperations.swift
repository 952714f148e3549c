import BedrockAPI

/// TagResource, UntagResource and ListTagsForResource of every service, over the one tag
/// store. The services differ only in spelling (`resourceARN` and a `[{key, value}]` list
/// in `bedrock`, `resourceArn` and a map in the agent services), which the model tells.
public enum TaggingOperations {
    /// Registers the three tagging operations of every service in the model that has them.
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        for service in environment.model.services {
            guard service.operations["TagResource"] != nil, service.operations["UntagResource"] != nil,
                let list = service.operations["ListTagsForResource"]
            else { continue }
            let listOutput = list.output.map { service.shape($0) }
            let tagsAsList = listOutput?.members?["tags"].map { service.shape($0.shape).type == .list } ?? false

            registry.register(service.name, "TagResource") { request in
                let arn = try await existingResource(request.input, environment)
                try await environment.tags.tag(arn, with: pairs(request.input["tags"]))
                return OperationOutput()
            }
            registry.register(service.name, "UntagResource") { request in
                let arn = try await existingResource(request.input, environment)
                let keys = request.input["tagKeys"]?.listValue?.compactMap(\.stringValue) ?? []
                try await environment.tags.untag(arn, keys: keys)
                return OperationOutput()
            }
            registry.register(service.name, "ListTagsForResource") { request in
                let arn = try await existingResource(request.input, environment)
                let tags = try await environment.tags.tags(for: arn)
                let value: ShapeValue = tagsAsList
                    ? .list(tags.sorted { $0.key < $1.key }.map { ["key": .string($0.key), "value": .string($0.value)] })
                    : .map(tags.mapValues { .string($0) })
                return OperationOutput(["tags": value])
            }
        }
    }

    /// The ARN named by the input, once the emulator knows it issued that resource.
    static func existingResource(_ input: ShapeValue, _ environment: EmulatorEnvironment) async throws -> String {
        let arn = input["resourceARN"]?.stringValue ?? input["resourceArn"]?.stringValue ?? ""
        guard try await environment.store.resourceExists(arn: arn) else {
            throw BedrockError.resourceNotFound("The resource \(arn) does not exist. Check the ARN and try again.")
        }
        return arn
    }

    /// Tags from a `[{key, value}]` list or a `{key: value}` map.
    public static func pairs(_ value: ShapeValue?) -> [String: String] {
        switch value {
        case .list(let items)?:
            var out: [String: String] = [:]
            for item in items {
                if let key = item["key"]?.stringValue { out[key] = item["value"]?.stringValue ?? "" }
            }
            return out
        case .map(let map)?:
            return map.compactMapValues(\.stringValue)
        default:
            return [:]
        }
    }
}
