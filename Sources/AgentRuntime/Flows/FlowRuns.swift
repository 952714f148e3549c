import BedrockAPI
import EmulatorCore
import Foundation

/// The flow runtime's shared pieces: running a target on the request's inputs, the stored
/// executions with their events and snapshots, and the `flow_execution` timed job that
/// takes an execution from `Running` to `Succeeded` (or `Failed` when a node failed,
/// or the scenario's outcome: `TimedOut`, `Failed`).
struct FlowRuns: Sendable {
    static let service = "bedrock-agent-runtime"
    static let runningTiming = JobTiming(durations: [("Running", 1)], outcome: "Succeeded")

    let environment: EmulatorEnvironment
    let executions: ResourceCollection
    let events: Companions
    let snapshots: Companions
    let lifecycle: TimedJobs

    init(environment: EmulatorEnvironment) {
        self.environment = environment
        let executions = ResourceCollection.flowExecutions(environment)
        let events = Companions(service: Self.service, type: "flow-execution-events", shape: "ListFlowExecutionEventsResponse", environment: environment)
        self.executions = executions
        self.events = events
        snapshots = Companions(service: Self.service, type: "flow-execution-snapshot", shape: "GetExecutionFlowSnapshotResponse", environment: environment)
        lifecycle = TimedJobs(
            type: "flow_execution", collection: executions, defaultTiming: Self.runningTiming, startField: "startedAt",
            fields: .init(status: "status", modified: "endedAt", end: "endedAt"), environment: environment,
            finish: { execution, timing in
                let account = AccountContext(accountId: execution.record.account, region: execution.record.region)
                let recorded = (try? await events.value(of: execution.arn, account: account))?["flowExecutionEvents"]?.listValue ?? []
                if let failure = recorded.lazy.compactMap({ $0["nodeFailureEvent"] }).first {
                    return ["status": "Failed", "errors": .list([["nodeName": failure["nodeName"] ?? .null, "message": failure["errorMessage"] ?? .null]])]
                }
                if timing.outcome == "TimedOut" {
                    return ["errors": .list([["error": "ExecutionTimedOut", "message": .string(timing.message ?? "The flow execution timed out, as the scenario says.")]])]
                }
                if timing.outcome == "Failed" {
                    return ["errors": .list([["message": .string(timing.message ?? "The flow execution failed, as the scenario says.")]])]
                }
                return [:]
            })
    }

    /// Runs the target on the request's inputs, after checking them.
    func run(_ target: FlowTarget, request: OperationRequest) async throws -> FlowEngine.Run {
        let inputs = FlowTarget.inputs(request)
        let engine = FlowEngine(definition: target.definition, runner: FlowNodeActions(environment: environment, request: request), clock: environment.clock)
        try engine.check(inputs)
        return await engine.run(inputs)
    }

    /// A fresh id for a request id or an execution.
    func newId() -> String { ResourceID.uuid(using: environment.ids) }

    /// The ARN an alias has in runtime answers (`flow/<id>/alias/<aliasId>`, TSTALIASID too).
    func aliasArn(_ target: FlowTarget, account: AccountContext) -> String {
        account.arn(service: "bedrock", resource: "flow/\(target.flow.id)/alias/\(target.aliasId)").description
    }

    /// The execution the request names (id or ARN), on the flow and alias it names, moved on by the clock.
    func execution(_ request: OperationRequest) async throws -> StoredResource {
        let flow = try await FlowTarget.flow(request, environment: environment)
        let aliasId = FlowTarget.lastPart(request.input["flowAliasIdentifier"]?.stringValue ?? "")
        let id = FlowTarget.lastPart(request.input["executionIdentifier"]?.stringValue ?? "")
        let notFound = BedrockError.resourceNotFound(
            "The flow execution \(id) does not exist for alias \(aliasId) of flow \(flow.id). ListFlowExecutions shows its executions.")
        let stored = try await executions.require("\(flow.id)/\(aliasId)/\(id)", account: request.context.account, notFound: notFound)
        return try await lifecycle.current(stored)
    }
}
