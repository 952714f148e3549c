extension OperationModel {
    enum CodingKeys: String, CodingKey {
        case method, uri, status, input, output, errors
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let names = ShapeNames.of(decoder)
        method = try container.decode(String.self, forKey: .method)
        uri = try container.decode(String.self, forKey: .uri)
        status = try container.decode(Int.self, forKey: .status)
        input = try container.decodeNameIfPresent(.input, names: names)
        output = try container.decodeNameIfPresent(.output, names: names)
        errors = try container.decodeNamesIfPresent(.errors, names: names) ?? []
    }
}
