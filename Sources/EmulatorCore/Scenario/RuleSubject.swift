/// What a rule can see of a call.
public struct RuleSubject: Sendable {
    public var service: String
    public var operation: String
    /// The model as the request names it and, once resolved, its base model id.
    public var models: [String]
    public var session: String?
    /// The conversation, for calls that carry one.
    public var chat: ChatSubject?

    public init(service: String, operation: String, models: [String] = [], session: String? = nil, chat: ChatSubject? = nil) {
        self.service = service
        self.operation = operation
        self.models = models
        self.session = session
        self.chat = chat
    }
}

/// The parts of a conversation rules match on.
public struct ChatSubject: Sendable {
    /// The last user message's text.
    public var prompt: String
    /// The names of the tools the request offers.
    public var tools: [String]
    /// How many user messages with text the conversation has: 1 for the first turn.
    public var turn: Int
    /// Whether the last message hands back a tool's result.
    public var afterToolResult: Bool

    public init(prompt: String, tools: [String], turn: Int, afterToolResult: Bool = false) {
        self.prompt = prompt
        self.tools = tools
        self.turn = turn
        self.afterToolResult = afterToolResult
    }
}

/// A rule that matched a call: its action, and which matching call and turn this is.
public struct RuleDecision: Sendable {
    public var rule: String
    public var action: RuleAction
    /// 1 for the first call that met the rule's conditions.
    public var call: Int
    public var turn: Int

    /// The reply this call gets from the rule's replies, if it has any: picked by call or
    /// by turn, the last one repeating.
    public var replyText: String? {
        guard !action.replies.isEmpty else { return nil }
        let position = action.across == .calls ? call : turn
        return action.replies[min(max(position, 1), action.replies.count) - 1]
    }
}
