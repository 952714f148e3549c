import BedrockAPI
import EmulatorCore
import Foundation

/// InvokeAgent and InvokeInlineAgent: one orchestration engine, configured from a stored
/// agent's alias or from the request, answering with the `completion` event stream
/// (`chunk`, `trace` when asked, `returnControl`).
public enum AgentInvocationOperations {
    static let service = "bedrock-agent-runtime"

    /// Registers InvokeAgent and InvokeInlineAgent.
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        registry.register(service, "InvokeAgent", decidesRules: true) { request in
            let input = request.input
            let setup = try await AgentSetup.stored(request, environment: environment)
            let sessionId = input["sessionId"]?.stringValue ?? ""
            let outcome = try await AgentConversation(
                environment: environment, setup: setup, request: request, sessionId: sessionId, state: input["sessionState"],
                memoryId: input["memoryId"]?.stringValue
            ).run()
            let traceContext: [String: ShapeValue] = [
                "agentId": .string(setup.agentId ?? ""), "agentAliasId": .string(setup.aliasId ?? ""), "agentVersion": .string(setup.version ?? "DRAFT"),
                "sessionId": .string(sessionId), "callerChain": [["agentAliasArn": .string(setup.aliasArn ?? "")]],
            ]
            var value: [String: ShapeValue] = ["contentType": "application/json", "sessionId": .string(sessionId)]
            value["memoryId"] = input["memoryId"]
            return answer(outcome, value: value, traceContext: traceContext, request: request, environment: environment)
        }

        registry.register(service, "InvokeInlineAgent", decidesRules: true) { request in
            let input = request.input
            let setup = try await AgentSetup.inline(request, environment: environment)
            let sessionId = input["sessionId"]?.stringValue ?? ""
            let outcome = try await AgentConversation(
                environment: environment, setup: setup, request: request, sessionId: sessionId, state: input["inlineSessionState"], memoryId: nil
            ).run()
            let value: [String: ShapeValue] = ["contentType": "application/json", "sessionId": .string(sessionId)]
            return answer(outcome, value: value, traceContext: ["sessionId": .string(sessionId)], request: request, environment: environment)
        }
    }

    /// The call's answer: the output members and the events as the operation's stream
    /// carries them (traces only when `enableTrace`), paced as a scenario rule says; a
    /// failure ends the stream with its exception.
    static func answer(
        _ outcome: AgentTurn.Outcome, value: [String: ShapeValue], traceContext: [String: ShapeValue], request: OperationRequest,
        environment: EmulatorEnvironment
    ) -> OperationOutput {
        let traced = request.input["enableTrace"]?.boolValue ?? false
        let now = environment.clock.now()
        let events: [OperationOutput.Event] = outcome.events.compactMap { event in
            switch event {
            case .trace(let trace):
                guard traced else { return nil }
                var part = traceContext
                part["eventTime"] = .timestamp(now)
                part["trace"] = trace
                return OperationOutput.Event("trace", .map(part))
            case .chunk(let text, let attribution):
                var chunk: [String: ShapeValue] = ["bytes": .blob(Data(text.utf8))]
                chunk["attribution"] = attribution
                return OperationOutput.Event("chunk", .map(chunk))
            case .returnControl(let invocationId, let inputs):
                return OperationOutput.Event("returnControl", ["invocationId": .string(invocationId), "invocationInputs": .list(inputs)])
            }
        }
        guard let failure = outcome.failure else {
            return OperationOutput(
                .map(value), events: events, outputTokens: outcome.outputTokens, decision: request.context.rules.decision,
                usage: (outcome.inputTokens, outcome.outputTokens))
        }
        return OperationOutput(
            .map(value), events: OperationOutput.stream(of: events, thenThrowing: failure), usage: (outcome.inputTokens, outcome.outputTokens))
    }
}
