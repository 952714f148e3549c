import BedrockAPI

/// What a flow's LambdaFunction node gets back from its function. The emulator runs no
/// code: the answer is a deterministic echo of the event the function would receive, so
/// a flow can be tested end to end. The one place a function's result comes from.
public enum FlowLambda {
    /// The function's response to `input` (the node's input values by name).
    public static func result(functionArn: String, input: [String: ShapeValue]) -> ShapeValue {
        let function = functionArn.split(separator: ":").dropFirst(6).first.map(String.init) ?? functionArn
        return ["function": .string(function), "input": .map(input)]
    }
}
