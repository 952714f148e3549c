import BedrockAPI

/// One finding of the flow validator, as `FlowValidation` of `bedrock-agent`: a
/// `FlowValidationType`, its severity (`Error` blocks PrepareFlow, `Warning` does not), a
/// message that says what to fix, and the `FlowValidationDetails` union member.
public struct FlowValidation: Sendable, Equatable {
    public var type: String
    public var severity: String
    public var message: String
    /// The details union's member name (`cyclicConnection`) and its fields.
    public var details: [String: ShapeValue]

    public init(_ type: String, severity: String = "Error", _ message: String, details: [String: ShapeValue] = [:]) {
        self.type = type
        self.severity = severity
        self.message = message
        self.details = details
    }

    /// The `FlowValidation` value an answer carries.
    public var value: ShapeValue {
        let member = type.prefix(1).lowercased() + type.dropFirst()
        return ["type": .string(type), "severity": .string(severity), "message": .string(message), "details": .map([member: .map(details)])]
    }
}
