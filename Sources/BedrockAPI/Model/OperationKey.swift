/// Names one operation of one service, e.g. `bedrock-runtime` `Converse`.
public struct OperationKey: Sendable, Hashable, CustomStringConvertible {
    public let service: String
    public let operation: String

    public init(service: String, operation: String) {
        self.service = service
        self.operation = operation
    }

    public var description: String { "\(service).\(operation)" }
}
