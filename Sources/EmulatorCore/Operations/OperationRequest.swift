import BedrockAPI

/// A validated call of one operation, as a handler receives it.
public struct OperationRequest: Sendable {
    public let key: OperationKey
    /// The input, bound from every HTTP location and validated against the model.
    public let input: ShapeValue
    public let context: RequestContext

    public init(key: OperationKey, input: ShapeValue, context: RequestContext) {
        self.key = key
        self.input = input
        self.context = context
    }
}
