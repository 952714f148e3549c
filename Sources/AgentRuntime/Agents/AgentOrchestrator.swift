import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation
import Runtime

/// The agent's orchestration loop, deterministic: the instruction, the session's
/// conversation and the user's input go to the agent's model with its actions as tools;
/// a tool call runs the action's Lambda (as the scenario's `lambdas` say) and loops, or
/// hands control back to the caller; a plain answer ends the turn.
struct AgentOrchestrator: Sendable {
    /// How many model calls one turn may take before it fails.
    static let maxSteps = 10

    let environment: EmulatorEnvironment
    let setup: AgentSetup
    let request: OperationRequest

    /// Runs one turn of `session`.
    func run(_ turn: AgentTurn, session: inout AgentSession) async throws -> AgentTurn.Outcome {
        var outcome = AgentTurn.Outcome()
        let traceId = ResourceID.uuid(using: environment.ids)
        var messages: [ChatMessage]
        let inputText: String
        var passages: [String] = []
        var references: [ShapeValue] = []
        if !turn.results.isEmpty {
            let (pending, answers) = try continuing(session, with: turn)
            inputText = pending.inputText
            for case .toolResult(_, let content, _) in answers {
                let text = ChatMessage(role: .user, content: content).text
                outcome.events.append(observed(text, traceId: "\(traceId)-0"))
            }
            messages = session.messages + pending.messages + [ChatMessage(role: .user, content: pending.answered + answers)]
            session.pending = nil
        } else {
            guard var text = turn.inputText, !text.isEmpty else {
                throw BedrockError.validation("inputText is required unless sessionState.returnControlInvocationResults answers a return of control. Send what the user said in inputText.")
            }
            session.pending = nil
            if let intervention = try await screenInput(text) {
                outcome.events.append(.trace(["guardrailTrace": intervention.trace]))
                if intervention.blocked {
                    outcome.events.append(.chunk(text: intervention.text, attribution: nil))
                    session.turns.append((text, intervention.text))
                    return outcome
                }
                text = intervention.text
            }
            inputText = text
            outcome.events += preProcessing(text, traceId: "\(traceId)-pre")
            (passages, references) = try await lookUp(text, turn: turn, traceId: traceId, outcome: &outcome)
            messages = session.messages + [ChatMessage(role: .user, content: [.text(text)])]
        }
        let turnStart = session.messages.count
        let system = systemPrompt(session: session, passages: passages)
        for step in 0..<Self.maxSteps {
            var chat = ChatRequest(system: [system], messages: messages)
            chat.tools = setup.actions.map(\.tool)
            let stepId = "\(traceId)-\(step)"
            let (result, invocation) = try await invokeModel(chat, step: step, traceId: stepId)
            outcome.inputTokens += result.inputTokens
            outcome.outputTokens += result.outputTokens
            outcome.events += invocation
            let uses = result.toolUses
            if uses.isEmpty {
                var answer = result.text
                if let intervention = try await screenOutput(answer) {
                    answer = intervention.text
                    outcome.events.append(.trace(["guardrailTrace": intervention.trace]))
                }
                outcome.events.append(.trace(orchestration(["observation": ["traceId": .string(stepId), "type": "FINISH", "finalResponse": ["text": .string(answer)]]])))
                outcome.events += postProcessing(answer, traceId: "\(traceId)-post")
                outcome.events += chunks(of: answer, references: references, streamed: turn.streamFinalResponse)
                session.messages = messages + [ChatMessage(role: .assistant, content: [.text(answer)])]
                session.turns.append((inputText, answer))
                return outcome
            }
            let rationale = result.text.isEmpty ? "To answer, I will call \(uses.map(\.name).joined(separator: " and "))." : result.text
            outcome.events.append(.trace(orchestration(["rationale": ["traceId": .string(stepId), "text": .string(rationale)]])))
            messages.append(ChatMessage(role: .assistant, content: result.content))
            var answered: [ChatContent] = []
            var handedBack: [AgentActionCall] = []
            let invocationId = ResourceID.uuid(using: environment.ids)
            for use in uses {
                guard let action = action(named: use.name) else {
                    fail(&outcome, "The agent's model asked for the tool \(use.name), which no enabled action group of the agent defines.", traceId: stepId)
                    return outcome
                }
                let call = AgentActionCall(action: action, toolUseId: use.id, input: use.input)
                let handsBack = action.executor == .returnControl
                outcome.events.append(.trace(orchestration([
                    "invocationInput": [
                        "traceId": .string(stepId), "invocationType": "ACTION_GROUP",
                        "actionGroupInvocationInput": call.traceInput(invocationId: handsBack ? invocationId : nil),
                    ]
                ])))
                guard case .lambda(let functionArn) = action.executor else {
                    handedBack.append(call)
                    continue
                }
                switch environment.scenario.lambdaResult(call.lambdaCall(functionArn: functionArn, sessionAttributes: session.sessionAttributes)) {
                case .failed(let reason):
                    fail(&outcome, "Received failed response from the Lambda function \(functionArn) of action group \(action.group): \(reason)", traceId: stepId)
                    return outcome
                case .body(let body):
                    let text = body.stringValue ?? body.jsonText
                    outcome.events.append(observed(text, traceId: stepId))
                    answered.append(.toolResult(id: use.id, content: [.text(text)], isError: false))
                }
            }
            if !handedBack.isEmpty {
                session.pending = AgentSession.Pending(
                    invocationId: invocationId, messages: Array(messages[turnStart...]),
                    calls: handedBack.map { call -> (toolUseId: String, tool: String, input: JSONValue) in (call.toolUseId, call.action.tool.name, call.input) },
                    answered: answered, inputText: inputText)
                outcome.events.append(.returnControl(invocationId: invocationId, inputs: handedBack.map { $0.returnControlInput(agentId: setup.agentId) }))
                return outcome
            }
            messages.append(ChatMessage(role: .user, content: answered))
        }
        fail(
            &outcome,
            "The agent made \(Self.maxSteps) model calls without reaching a final answer. Check the scenario's rules: a tool_call rule without `tool_result: false` calls the tool again after every result.",
            traceId: "\(traceId)-\(Self.maxSteps)")
        return outcome
    }

    /// The action offered to the model as the tool `name`.
    func action(named name: String) -> AgentAction? {
        setup.actions.first { $0.tool.name == name }
    }

    /// The return of control `turn` answers (one is pending, the invocation id agrees, and
    /// every call handed back has a result) and those results as tool results.
    func continuing(_ session: AgentSession, with turn: AgentTurn) throws -> (AgentSession.Pending, [ChatContent]) {
        guard let pending = session.pending else {
            throw BedrockError.validation(
                "sessionState.returnControlInvocationResults was given, but session \(session.sessionId) has no return of control waiting for results. Send inputText instead.")
        }
        if let given = turn.invocationId, given != pending.invocationId {
            throw BedrockError.validation(
                "sessionState.invocationId \(given) does not match the return of control waiting for results (\(pending.invocationId)). Send the invocationId of the returnControl event.")
        }
        var answers: [ChatContent] = []
        for call in pending.calls {
            guard let action = action(named: call.tool) else {
                throw BedrockError.validation("The action \(call.tool) handed back is no longer part of the agent. Start a new turn with inputText.")
            }
            let expected = AgentActionCall(action: action, toolUseId: call.toolUseId, input: call.input)
            guard let result = turn.results.first(where: expected.isAnswered) else {
                let asked = action.function ?? action.operation.map { "\($0.method) \($0.path)" } ?? call.tool
                throw BedrockError.validation(
                    "sessionState.returnControlInvocationResults has no result for \(asked) of action group \(action.group). Return a functionResult or apiResult for every invocation input.")
            }
            let (text, failed) = AgentActionCall.outcome(of: result)
            answers.append(.toolResult(id: call.toolUseId, content: [.text(text)], isError: failed))
        }
        return (pending, answers)
    }

    /// An action's result as an `observation` trace.
    func observed(_ text: String, traceId: String) -> AgentTurn.Event {
        .trace(orchestration(["observation": ["traceId": .string(traceId), "type": "ACTION_GROUP", "actionGroupInvocationOutput": ["text": .string(text)]]]))
    }

    /// Ends the turn with a DependencyFailedException (and its `failureTrace`), as AWS does
    /// when an action fails.
    func fail(_ outcome: inout AgentTurn.Outcome, _ message: String, traceId: String) {
        outcome.failure = BedrockError.dependencyFailed(message)
        outcome.events.append(.trace(["failureTrace": ["traceId": .string(traceId), "failureReason": .string(message)]]))
    }

    /// An `orchestrationTrace` member wrapped as a `Trace` value.
    func orchestration(_ member: ShapeValue) -> ShapeValue {
        ["orchestrationTrace": member]
    }
}
