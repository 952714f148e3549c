/// One shape of a service's API model: its type, members and constraints, as botocore has them.
/// Kept small: the four services hold about 2,500 shapes, so the traits few shapes carry live
/// in flags and in one shared box rather than inline in every shape.
public struct Shape: Sendable, Decodable {
    /// The wire types of the rest-json protocol.
    public enum Kind: String, Sendable, Decodable {
        case structure, list, map, string, integer, long, float, double, boolean, blob, timestamp
    }

    public let type: Kind
    public let members: [String: Member]?
    public let required: [String]?
    public let `enum`: [String]?
    /// The element shape of a list.
    public let member: String?
    let traits: ShapeTraits
    let details: ShapeDetails?

    public var min: Double? { details?.min }
    public var max: Double? { details?.max }
    public var pattern: String? { details?.pattern }
    /// The member sent as the whole HTTP body instead of a JSON object.
    public var payload: String? { details?.payload }
    public var timestampFormat: String? { details?.timestampFormat }
    public var error: ErrorTrait? { details?.error }
    public var key: String? { details?.key }
    public var value: String? { details?.value }
    public var union: Bool? { traits.flag(.union) }
    public var eventstream: Bool? { traits.flag(.eventstream) }
    public var event: Bool? { traits.flag(.event) }
    public var exception: Bool? { traits.flag(.exception) }
    public var fault: Bool? { traits.flag(.fault) }
    /// A free-form JSON document (`smithy.api#Document`).
    public var document: Bool? { traits.flag(.document) }
    public var sensitive: Bool? { traits.flag(.sensitive) }

    /// A member of a structure: its shape and where it travels in the HTTP message.
    public struct Member: Sendable, Decodable {
        public let shape: String
        let binding: MemberBinding?
        let traits: ShapeTraits

        /// `uri`, `querystring`, `header`, `headers` (a prefixed header map) or `statusCode`; nil means the body.
        public var location: String? { binding?.location }
        public var locationName: String? { binding?.locationName }
        public var idempotencyToken: Bool? { traits.flag(.idempotencyToken) }
        public var jsonvalue: Bool? { traits.flag(.jsonvalue) }
        public var eventpayload: Bool? { traits.flag(.eventpayload) }
        public var eventheader: Bool? { traits.flag(.eventheader) }
    }

    /// The `error` trait of an exception shape.
    public struct ErrorTrait: Sendable, Decodable {
        public let httpStatusCode: Int?
        public let code: String?
        public let senderFault: Bool?
    }
}

extension Shape {
    public var isUnion: Bool { union ?? false }
    public var isDocument: Bool { document ?? false }
    public var isEventStream: Bool { eventstream ?? false }
    public var isSensitive: Bool { sensitive ?? false }
    public var requiredMembers: [String] { required ?? [] }
}
