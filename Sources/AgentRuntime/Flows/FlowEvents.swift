import BedrockAPI
import EmulatorCore
import Foundation

/// A flow run told as `bedrock-agent-runtime` tells it: InvokeFlow's `FlowResponseStream`
/// events (outputs, traces, completion) and a flow execution's `FlowExecutionEvent` list.
struct FlowEvents {
    let definition: FlowDefinition
    let run: FlowEngine.Run

    /// InvokeFlow's events: each Output node's document, the traces when asked for, and
    /// the completion (absent when a node failed: the stream ends with its error instead).
    func stream(traced: Bool, requestIds: () -> String) -> [OperationOutput.Event] {
        var events: [OperationOutput.Event] = []
        for timed in run.steps {
            let time = ShapeValue.timestamp(timed.time)
            var trace: (String, [String: ShapeValue])?
            switch timed.step {
            case .nodeInput(let node, let fields):
                if isInput(node) { continue }
                trace = ("nodeInputTrace", ["nodeName": .string(node), "timestamp": time, "fields": .list(fields.map {
                    Self.field($0, nameMember: "nodeInputName")
                })])
            case .nodeOutput(let node, let fields):
                trace = ("nodeOutputTrace", ["nodeName": .string(node), "timestamp": time, "fields": .list(fields.map { Self.field($0, nameMember: "nodeOutputName") })])
            case .condition(let node, let satisfied):
                trace = ("conditionNodeResultTrace", [
                    "nodeName": .string(node), "timestamp": time, "satisfiedConditions": .list(satisfied.map { ["conditionName": .string($0)] }),
                ])
            case .action(let node, let action):
                trace = ("nodeActionTrace", [
                    "nodeName": .string(node), "timestamp": time, "requestId": .string(requestIds()), "serviceName": .string(action.service),
                    "operationName": .string(action.operation), "operationRequest": action.request, "operationResponse": action.response,
                ])
            case .output(let node, let document):
                events.append(.init("flowOutputEvent", ["nodeName": .string(node), "nodeType": "FlowOutputNode", "content": ["document": document]]))
            case .failure:
                continue
            }
            if traced, let trace { events.append(.init("flowTraceEvent", ["trace": .map([trace.0: .map(trace.1)])])) }
        }
        if run.failure == nil { events.append(.init("flowCompletionEvent", ["completionReason": "SUCCESS"])) }
        return events
    }

    /// The execution's events as ListFlowExecutionEvents returns them (`FlowExecutionEvent` union values).
    func executionEvents(requestIds: () -> String) -> [ShapeValue] {
        run.steps.flatMap { timed -> [ShapeValue] in
            let time = ShapeValue.timestamp(timed.time)
            func event(_ member: String, _ value: [String: ShapeValue]) -> ShapeValue { .map([member: .map(value.merging(["timestamp": time]) { a, _ in a })]) }
            switch timed.step {
            case .nodeInput(let node, let fields):
                return isInput(node) ? [] : [event("nodeInputEvent", ["nodeName": .string(node), "fields": .list(fields.map { Self.field($0, nameMember: "name") })])]
            case .nodeOutput(let node, let fields):
                let member = isInput(node) ? "flowInputEvent" : "nodeOutputEvent"
                let values: [ShapeValue] = fields.map { field -> ShapeValue in
                    isInput(node) ? .map(["name": .string(field.name), "content": .map(["document": field.content])]) : Self.field(field, nameMember: "name")
                }
                return [event(member, ["nodeName": .string(node), "fields": .list(values)])]
            case .condition(let node, let satisfied):
                return [event("conditionResultEvent", ["nodeName": .string(node), "satisfiedConditions": .list(satisfied.map { ["conditionName": .string($0)] })])]
            case .action(let node, let action):
                return [event("nodeActionEvent", [
                    "nodeName": .string(node), "requestId": .string(requestIds()), "serviceName": .string(action.service),
                    "operationName": .string(action.operation), "operationRequest": action.request, "operationResponse": action.response,
                ])]
            case .output(let node, let document):
                return [event("flowOutputEvent", ["nodeName": .string(node), "fields": .list([["name": "document", "content": ["document": document]]])])]
            case .failure(let node, let code, let message):
                return [
                    event("nodeFailureEvent", ["nodeName": .string(node), "errorCode": .string(code), "errorMessage": .string(message)]),
                    event("flowFailureEvent", ["errorCode": "NODE_EXECUTION_FAILED", "errorMessage": .string("Node \(node) failed: \(message)")]),
                ]
            }
        }
    }

    func isInput(_ node: String) -> Bool { definition.node(node)?.type == "Input" }

    static func field(_ field: FlowStep.Field, nameMember: String) -> ShapeValue {
        var value: [String: ShapeValue] = [nameMember: .string(field.name), "content": ["document": field.content]]
        value["type"] = field.type.map(ShapeValue.string)
        return .map(value)
    }
}
