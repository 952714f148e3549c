import BedrockAPI

/// Handles one operation: receives validated input, returns output values; never sees HTTP.
public typealias OperationHandler = @Sendable (OperationRequest) async throws -> OperationOutput

/// The handlers of every operation that has behaviour; the rest answer `NotImplemented`.
public struct OperationRegistry: Sendable {
    private var handlers: [OperationKey: OperationHandler] = [:]

    public init() {}

    /// Registers `handler` for `operation` of `service`.
    public mutating func register(_ service: String, _ operation: String, _ handler: @escaping OperationHandler) {
        handlers[OperationKey(service: service, operation: operation)] = handler
    }

    public func handler(for key: OperationKey) -> OperationHandler? { handlers[key] }

    /// The operations that have behaviour.
    public var implemented: Set<OperationKey> { Set(handlers.keys) }
}
