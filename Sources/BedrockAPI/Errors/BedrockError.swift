/// An error the way AWS renders it: an error code, an HTTP status, a message and any
/// further members of the modeled error shape.
public struct BedrockError: Error, Sendable, Equatable {
    /// The AWS error code, which is also the error shape's name (`ValidationException`).
    public var code: String
    /// The HTTP status; the encoder prefers the status the operation's model gives the code.
    public var status: Int
    /// What went wrong and what to fix, in AWS's wording where AWS has one.
    public var message: String
    /// Further members of the error shape (`resourceName`, `originalStatusCode`, ...).
    public var fields: [String: ShapeValue]
    /// Send `status` even where the model gives the code another (a scenario chose it).
    public var keepsStatus = false

    public init(code: String, status: Int, message: String, fields: [String: ShapeValue] = [:]) {
        self.code = code
        self.status = status
        self.message = message
        self.fields = fields
    }
}

extension BedrockError: CustomStringConvertible {
    public var description: String { "\(code) (\(status)): \(message)" }
}
