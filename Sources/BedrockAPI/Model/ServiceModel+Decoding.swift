extension ServiceModel {
    enum CodingKeys: String, CodingKey {
        case name, apiVersion, serviceId, signingName, endpointPrefix, operations, shapes
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        apiVersion = try container.decode(String.self, forKey: .apiVersion)
        serviceId = try container.decode(String.self, forKey: .serviceId)
        signingName = try container.decode(String.self, forKey: .signingName)
        endpointPrefix = try container.decode(String.self, forKey: .endpointPrefix)
        operations = try container.decode([String: OperationModel].self, forKey: .operations)
        // Keyed by the same strings the members refer by, once the references are decoded.
        shapes = try container.decodeNamedMap(.shapes, names: ShapeNames.of(decoder))
    }
}
