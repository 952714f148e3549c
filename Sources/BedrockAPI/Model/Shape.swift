/// One shape of a service's API model: its type, members and constraints, as botocore has them.
public struct Shape: Sendable, Decodable {
    /// The wire types of the rest-json protocol.
    public enum Kind: String, Sendable, Decodable {
        case structure, list, map, string, integer, long, float, double, boolean, blob, timestamp
    }

    public let type: Kind
    public let members: [String: Member]?
    public let required: [String]?
    public let min: Double?
    public let max: Double?
    public let pattern: String?
    public let `enum`: [String]?
    public let union: Bool?
    /// The member sent as the whole HTTP body instead of a JSON object.
    public let payload: String?
    public let eventstream: Bool?
    public let event: Bool?
    public let exception: Bool?
    public let fault: Bool?
    /// A free-form JSON document (`smithy.api#Document`).
    public let document: Bool?
    public let timestampFormat: String?
    public let sensitive: Bool?
    public let error: ErrorTrait?
    /// The element shape of a list.
    public let member: String?
    public let key: String?
    public let value: String?

    /// A member of a structure: its shape and where it travels in the HTTP message.
    public struct Member: Sendable, Decodable {
        public let shape: String
        /// `uri`, `querystring`, `header`, `headers` (a prefixed header map) or `statusCode`; nil means the body.
        public let location: String?
        public let locationName: String?
        public let idempotencyToken: Bool?
        public let jsonvalue: Bool?
        public let eventpayload: Bool?
        public let eventheader: Bool?
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
