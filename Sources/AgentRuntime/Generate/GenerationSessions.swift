import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// RetrieveAndGenerate's conversations. A call without `sessionId` starts one (its id a
/// UUID, answered); a call with one continues it, so the earlier turns reach the model and
/// the retrieval. Each is kept as a `SessionState` value (its `conversationHistory`), and
/// lives 24 hours after its last turn; an unknown or expired id is a ValidationException.
struct GenerationSessions: Sendable {
    /// How long a conversation lives after its last turn.
    static let lifetime: TimeInterval = 24 * 3600

    /// One conversation as a call sees it: its id, its stored row (nil when new) and its turns.
    struct Conversation: Sendable {
        var id: String
        var stored: StoredResource?
        var history: [ChatMessage]

        /// The question of the previous turn, if any.
        var previousQuestion: String? { history.last { $0.role == .user }?.text }
    }

    let sessions: ResourceCollection
    let environment: EmulatorEnvironment

    init(environment: EmulatorEnvironment) {
        self.sessions = ResourceCollection(service: "bedrock-agent-runtime", type: "knowledge-base-session", shape: "SessionState", environment: environment)
        self.environment = environment
    }

    /// The conversation `sessionId` names, or a new one when it is nil.
    func open(_ sessionId: String?, account: AccountContext) async throws -> Conversation {
        guard let sessionId else { return Conversation(id: ResourceID.uuid(using: environment.ids), stored: nil, history: []) }
        let invalid = BedrockError.validation("Session with Id \(sessionId) is not valid. Please check and try again.")
        let stored = try await sessions.require(sessionId, account: account, notFound: invalid)
        let last = stored.value["sessionAttributes"]?["lastTurnAt"]?.stringValue.flatMap(Double.init) ?? 0
        if environment.clock.now().timeIntervalSince1970 - last > Self.lifetime {
            try await sessions.delete(stored)
            throw invalid
        }
        let history = (stored.value["conversationHistory"]?["messages"]?.listValue ?? []).compactMap { message -> ChatMessage? in
            guard let role = message["role"]?.stringValue.flatMap(ChatMessage.Role.init(rawValue:)) else { return nil }
            return ChatMessage(role: role, content: [.text((message["content"]?.listValue ?? []).compactMap { $0["text"]?.stringValue }.joined())])
        }
        return Conversation(id: sessionId, stored: stored, history: history)
    }

    /// Adds a turn (the question and the answer given) to the conversation, creating it on its first turn.
    func record(_ conversation: Conversation, question: String, answer: String, account: AccountContext) async throws {
        let messages = conversation.history + [
            ChatMessage(role: .user, content: [.text(question)]), ChatMessage(role: .assistant, content: [.text(answer)]),
        ]
        let value: ShapeValue = [
            "conversationHistory": ["messages": .list(messages.map { message -> ShapeValue in ["role": .string(message.role.rawValue), "content": [["text": .string(message.text)]]] })],
            "sessionAttributes": ["lastTurnAt": .string(String(environment.clock.now().timeIntervalSince1970))],
        ]
        if let stored = conversation.stored {
            try await sessions.update(stored, to: value)
        } else {
            let arn = account.arn(service: "bedrock", resource: "knowledge-base-session/\(conversation.id)").description
            _ = try await sessions.insert(value, id: conversation.id, arn: arn, account: account)
        }
    }
}
