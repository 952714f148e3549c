extension Shape {
    enum CodingKeys: String, CodingKey {
        case type, members, required, min, max, pattern, `enum`, union, payload, eventstream, event, exception, fault
        case document, timestampFormat, sensitive, error, member, key, value
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let names = ShapeNames.of(decoder)
        type = try container.decode(Kind.self, forKey: .type)
        // Member names recur across shapes and in `required`: one copy of each.
        members = container.contains(.members) ? try container.decodeNamedMap(.members, names: names) : nil
        required = try container.decodeNamesIfPresent(.required, names: names)
        `enum` = try container.decodeIfPresent([String].self, forKey: .enum)
        member = try container.decodeNameIfPresent(.member, names: names)
        traits = try ShapeTraits.decode(
            [(.union, .union), (.eventstream, .eventstream), (.event, .event), (.exception, .exception), (.fault, .fault),
             (.document, .document), (.sensitive, .sensitive)],
            from: container)
        details = ShapeDetails(
            min: try container.decodeIfPresent(Double.self, forKey: .min),
            max: try container.decodeIfPresent(Double.self, forKey: .max),
            pattern: try container.decodeIfPresent(String.self, forKey: .pattern),
            payload: try container.decodeIfPresent(String.self, forKey: .payload),
            timestampFormat: try container.decodeIfPresent(String.self, forKey: .timestampFormat),
            error: try container.decodeIfPresent(ErrorTrait.self, forKey: .error),
            key: try container.decodeNameIfPresent(.key, names: names),
            value: try container.decodeNameIfPresent(.value, names: names))
    }
}

extension Shape.Member {
    enum CodingKeys: String, CodingKey {
        case shape, location, locationName, idempotencyToken, jsonvalue, eventpayload, eventheader
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        shape = try container.decodeName(.shape, names: ShapeNames.of(decoder))
        binding = MemberBinding(
            location: try container.decodeIfPresent(String.self, forKey: .location),
            locationName: try container.decodeIfPresent(String.self, forKey: .locationName))
        traits = try ShapeTraits.decode(
            [(.idempotencyToken, .idempotencyToken), (.jsonvalue, .jsonvalue), (.eventpayload, .eventpayload), (.eventheader, .eventheader)],
            from: container)
    }
}
