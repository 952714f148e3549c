import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// One call to an agent in its session: loads the session (a new one when there is none,
/// or when it sat idle past the agent's idle timeout), applies the call's session state,
/// runs the orchestration, then saves the session, or ends it and files its memory summary.
struct AgentConversation: Sendable {
    let environment: EmulatorEnvironment
    let setup: AgentSetup
    let request: OperationRequest
    let sessionId: String
    /// `sessionState` or `inlineSessionState`.
    let state: ShapeValue?
    let memoryId: String?

    /// Runs the call's turn and answers what the orchestration said.
    func run() async throws -> AgentTurn.Outcome {
        let account = request.context.account
        let now = environment.clock.now()
        let memory = AgentMemory(environment: environment)
        var loaded = try await AgentSession.load(scope: setup.sessionScope, sessionId: sessionId, account: account, environment: environment)
        if case let (idle, stored)? = loaded, idle.lastActiveAt.addingTimeInterval(Double(setup.idleSessionSeconds)) < now {
            try await finish(idle, memory: memory, account: account)
            try await AgentSession.collection(environment).delete(stored)
            loaded = nil
        }
        var session = loaded?.0 ?? AgentSession(sessionId: sessionId, now: now)
        if let attributes = state?["sessionAttributes"]?.mapValue { session.sessionAttributes = attributes }
        if let attributes = state?["promptSessionAttributes"]?.mapValue { session.promptSessionAttributes = attributes }
        if let history = state?["conversationHistory"]?["messages"]?.listValue {
            session.messages = history.compactMap { message in
                let text = (message["content"]?.listValue ?? []).compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
                return message["role"]?.stringValue.flatMap(ChatMessage.Role.init(rawValue:)).map { ChatMessage(role: $0, content: [.text(text)]) }
            }
        }
        if let memoryId { session.memoryId = memoryId }
        if let policy = setup.memory, let memoryId = session.memoryId, let agentId = setup.agentId, let aliasId = setup.aliasId {
            session.summaries = try await memory.list(agentId: agentId, aliasId: aliasId, memoryId: memoryId, account: account)
                .prefix(policy.maxRecentSessions).compactMap { $0.value["summaryText"]?.stringValue }
        }
        let turn = AgentTurn(request.input, state: state)
        var outcome = AgentTurn.Outcome()
        if turn.endSession && (turn.inputText ?? "").isEmpty && turn.results.isEmpty {
            // Ending a session without a last message asks no model; the scenario's rules still see the call.
            try request.context.rules.decide()
        } else {
            outcome = try await AgentOrchestrator(environment: environment, setup: setup, request: request).run(turn, session: &session)
        }
        session.lastActiveAt = now
        if turn.endSession {
            try await finish(session, memory: memory, account: account)
            if let stored = loaded?.1 { try await AgentSession.collection(environment).delete(stored) }
        } else {
            try await session.save(scope: setup.sessionScope, account: account, replacing: loaded?.1, environment: environment)
        }
        return outcome
    }

    /// An ended session leaves its summary in memory, when the agent keeps one and the session has a memory id.
    func finish(_ session: AgentSession, memory: AgentMemory, account: AccountContext) async throws {
        guard let policy = setup.memory, let memoryId = session.memoryId, let agentId = setup.agentId, let aliasId = setup.aliasId else { return }
        try await memory.remember(session, memoryId: memoryId, agentId: agentId, aliasId: aliasId, policy: policy, account: account)
    }
}
