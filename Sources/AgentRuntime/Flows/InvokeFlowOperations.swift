import BedrockAPI
import EmulatorCore
import Foundation

/// InvokeFlow: runs the version the alias routes to (TSTALIASID: the prepared DRAFT) on the
/// inputs and streams each Output node's document, the traces when `enableTrace` is set,
/// and the completion; a failing node ends the stream with its error. The execution id is
/// the one given, or a new one, in `x-amz-bedrock-flow-execution-id`.
enum InvokeFlowOperations {
    static func register(into registry: inout OperationRegistry, runs: FlowRuns) {
        registry.register(FlowRuns.service, "InvokeFlow") { request in
            let target = try await FlowTarget.resolve(request, environment: runs.environment)
            let run = try await runs.run(target, request: request)
            let events = FlowEvents(definition: target.definition, run: run).stream(traced: request.input["enableTrace"]?.boolValue == true, requestIds: runs.newId)
            let failure = run.failure.map { $0.error as? BedrockError ?? .internalServer() }
            let executionId = request.input["executionId"]?.stringValue ?? runs.newId()
            return OperationOutput(["executionId": .string(executionId)], events: OperationOutput.stream(of: events, thenThrowing: failure))
        }
    }
}
