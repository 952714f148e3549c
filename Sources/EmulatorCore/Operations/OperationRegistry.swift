import BedrockAPI

/// Handles one operation: receives validated input, returns output values; never sees HTTP.
public typealias OperationHandler = @Sendable (OperationRequest) async throws -> OperationOutput

/// The handlers of every operation that has behaviour; the rest answer `NotImplemented`.
public struct OperationRegistry: Sendable {
    private var handlers: [OperationKey: OperationHandler] = [:]
    private var decidingRules: Set<OperationKey> = []

    public init() {}

    /// Registers `handler` for `operation` of `service`. A handler that `decidesRules` asks
    /// the scenario itself, once it has read the conversation; for the rest the gateway asks
    /// before calling them.
    public mutating func register(
        _ service: String, _ operation: String, decidesRules: Bool = false, _ handler: @escaping OperationHandler
    ) {
        let key = OperationKey(service: service, operation: operation)
        handlers[key] = handler
        if decidesRules { decidingRules.insert(key) } else { decidingRules.remove(key) }
    }

    public func handler(for key: OperationKey) -> OperationHandler? { handlers[key] }

    /// Whether the handler of `key` asks the scenario's rules itself.
    public func decidesRules(_ key: OperationKey) -> Bool { decidingRules.contains(key) }

    /// The operations that have behaviour.
    public var implemented: Set<OperationKey> { Set(handlers.keys) }
}
