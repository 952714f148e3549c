import BedrockAPI
import EmulatorCore

/// What a flow's LambdaFunction node gets back from its function. The emulator runs no
/// code: the scenario's `lambdas` entries answer (as they do for agents' action groups),
/// else a deterministic echo of the node's inputs, so a flow can be tested end to end.
enum FlowLambda {
    /// The function's response to `input` (the node's input values by name); a scripted
    /// failure is a DependencyFailedException, as AWS reports a failing function.
    static func result(functionArn: String, input: [String: ShapeValue], environment: EmulatorEnvironment) throws -> ShapeValue {
        let call = LambdaCall(functionArn: functionArn, parameters: input.mapValues(ShapeEncoder.document))
        switch environment.scenario.lambdaResult(call) {
        case .body(let body):
            return ShapeDecoder.document(body)
        case .failed(let reason):
            throw BedrockError.dependencyFailed("Received failed response from the Lambda function \(functionArn): \(reason)")
        }
    }
}
