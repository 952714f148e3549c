import BedrockAPI
import EmulatorCore
import Foundation

/// Flow executions: StartFlowExecution runs the flow at once (deterministically) and keeps
/// its events and the definition it ran; the execution then shows `Running` until the
/// `flow_execution` timing ends it. GetFlowExecution, ListFlowExecutions, StopFlowExecution
/// (`Aborted`), ListFlowExecutionEvents (`Node` or `Flow` events) and GetExecutionFlowSnapshot.
enum FlowExecutionOperations {
    static func register(into registry: inout OperationRegistry, runs: FlowRuns) {
        let service = FlowRuns.service

        registry.register(service, "StartFlowExecution") { request in
            let account = request.context.account
            let target = try await FlowTarget.resolve(request, environment: runs.environment)
            let id = request.input["flowExecutionName"]?.stringValue ?? runs.newId()
            let key = "\(target.flow.id)/\(target.aliasId)/\(id)"
            if try await runs.executions.find(key, account: account) != nil {
                throw BedrockError.conflict("The flow already has an execution named \(id). Choose another flowExecutionName.")
            }
            let run = try await runs.run(target, request: request)
            let aliasArn = runs.aliasArn(target, account: account)
            let arn = "\(aliasArn)/execution/\(id)"
            let value: ShapeValue = [
                "executionArn": .string(arn), "flowIdentifier": .string(target.flow.arn), "flowAliasIdentifier": .string(aliasArn),
                "flowVersion": .string(target.version), "startedAt": .timestamp(runs.environment.clock.now()), "status": "Running",
            ]
            let events = FlowEvents(definition: target.definition, run: run).executionEvents(requestIds: runs.newId)
            try await runs.events.set(["flowExecutionEvents": .list(events)], of: arn, account: account)
            var snapshot: [String: ShapeValue] = [
                "definition": .string(ShapeEncoder.document(target.snapshot["definition"] ?? .map([:])).jsonText),
                "executionRoleArn": target.snapshot["executionRoleArn"] ?? "", "flowIdentifier": .string(target.flow.arn),
                "flowAliasIdentifier": .string(aliasArn), "flowVersion": .string(target.version),
            ]
            snapshot["customerEncryptionKeyArn"] = target.snapshot["customerEncryptionKeyArn"]
            try await runs.snapshots.set(.map(snapshot), of: arn, account: account)
            let stored = try await runs.executions.insert(value, id: key, arn: arn, account: account)
            runs.lifecycle.started(stored, account: account)
            return OperationOutput(["executionArn": .string(arn)])
        }

        registry.register(service, "GetFlowExecution") { request in
            OperationOutput(try await runs.execution(request).value)
        }

        registry.register(service, "ListFlowExecutions") { request in
            let account = request.context.account
            let flow = try await FlowTarget.flow(request, environment: runs.environment)
            let alias = request.input["flowAliasIdentifier"]?.stringValue.map(FlowTarget.lastPart)
            let prefix = "\(flow.id)/" + (alias.map { "\($0)/" } ?? "")
            var all: [StoredResource] = []
            for stored in try await runs.executions.list(account: account) where stored.id.hasPrefix(prefix) {
                all.append(try await runs.lifecycle.current(stored))
            }
            let query = ListQuery(request.input, scope: "ListFlowExecutions", timeField: "startedAt")
            let summaries: [ShapeValue] = query.sorted(all).map { stored in
                var summary = stored.value.mapValue ?? [:]
                summary["createdAt"] = summary["startedAt"]
                return .map(summary)
            }
            return .listing("flowExecutionSummaries", try query.page(of: summaries))
        }

        registry.register(service, "StopFlowExecution") { request in
            let stored = try await runs.execution(request)
            let status = stored.value["status"]?.stringValue ?? ""
            guard status == "Running" else {
                throw BedrockError.conflict("The flow execution is \(status) and can no longer be stopped.")
            }
            var value = stored.value.mapValue ?? [:]
            value["status"] = "Aborted"
            value["endedAt"] = .timestamp(runs.environment.clock.now())
            let updated = try await runs.executions.update(stored, to: .map(value))
            return OperationOutput(["executionArn": updated.value["executionArn"] ?? .null, "status": "Aborted"])
        }

        registry.register(service, "ListFlowExecutionEvents") { request in
            let stored = try await runs.execution(request)
            let all = try await runs.events.value(of: stored.arn, account: request.context.account)?["flowExecutionEvents"]?.listValue ?? []
            let flowEvents: Set<String> = ["flowInputEvent", "flowOutputEvent", "flowFailureEvent"]
            let wantFlow = request.input["eventType"]?.stringValue == "Flow"
            let chosen = all.filter { event in event.mapValue?.keys.contains(where: flowEvents.contains) == wantFlow }
            return .listing("flowExecutionEvents", try ListQuery(request.input, scope: "ListFlowExecutionEvents").page(of: chosen))
        }

        registry.register(service, "GetExecutionFlowSnapshot") { request in
            let stored = try await runs.execution(request)
            guard let snapshot = try await runs.snapshots.value(of: stored.arn, account: request.context.account) else {
                throw BedrockError.resourceNotFound("The flow execution \(stored.id) kept no snapshot of its definition.")
            }
            return OperationOutput(snapshot)
        }
    }
}
