import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// One conversation with an agent, kept between InvokeAgent calls with the same session id:
/// its attributes, the messages so far, the turns (for the memory summary), a return of
/// control waiting for its results, and the memory id it files its summary under.
struct AgentSession: Sendable {
    /// A return of control waiting for the caller's results.
    struct Pending: Sendable {
        var invocationId: String
        /// The turn's messages so far (the user's input, the model's tool calls, Lambda results).
        var messages: [ChatMessage]
        /// The tool calls handed back, in order.
        var calls: [(toolUseId: String, tool: String, input: JSONValue)]
        /// Results of this step's Lambda calls, sent with the caller's.
        var answered: [ChatContent]
        var inputText: String
    }

    var sessionId: String
    var sessionAttributes: [String: ShapeValue] = [:]
    var promptSessionAttributes: [String: ShapeValue] = [:]
    var messages: [ChatMessage] = []
    var turns: [(input: String, output: String)] = []
    var pending: Pending?
    var memoryId: String?
    /// Summaries of the memory id's earlier sessions, read for the prompt (not stored).
    var summaries: [String] = []
    var startedAt: Date
    var lastActiveAt: Date

    init(sessionId: String, now: Date) {
        self.sessionId = sessionId
        startedAt = now
        lastActiveAt = now
    }
}
