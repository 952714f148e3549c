import BedrockAPI

/// One operation of an OpenAPI document (a path and method): what an agent offers its
/// model as a tool and hands to the action group's executor.
public struct OpenAPIOperation: Sendable, Equatable {
    /// One input of the operation: a path, query or header parameter, or a property of
    /// the request body (`location` "body").
    public struct Parameter: Sendable, Equatable {
        public var name: String
        public var location: String
        public var schema: JSONValue
        public var required: Bool
        public var description: String

        /// The JSON schema type (`string`, `integer`, ...), `string` when the schema gives none.
        public var type: String { schema["type"]?.stringValue ?? "string" }
    }

    public var path: String
    /// The HTTP method, upper case (`GET`).
    public var method: String
    public var operationId: String?
    public var description: String
    public var parameters: [Parameter]
    /// The request body's media type, when the operation takes a body.
    public var bodyContentType: String?

    /// The operation's inputs as one JSON schema object, as a model's tool takes them.
    public var inputSchema: JSONValue {
        var properties: [String: JSONValue] = [:]
        for parameter in parameters {
            var schema = parameter.schema.objectValue ?? [:]
            if schema["type"] == nil { schema["type"] = "string" }
            if !parameter.description.isEmpty, schema["description"] == nil { schema["description"] = .string(parameter.description) }
            properties[parameter.name] = .object(schema)
        }
        let required = parameters.filter(\.required).map { JSONValue.string($0.name) }
        return ["type": "object", "properties": .object(properties), "required": .array(required)]
    }
}
