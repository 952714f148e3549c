import BedrockAPI

/// What the fake model answered: content blocks, why it stopped, and the token counts.
public struct ChatResult: Sendable, Equatable {
    public var content: [ChatContent]
    public var stopReason: StopReason
    public var inputTokens: Int
    public var outputTokens: Int

    public init(content: [ChatContent], stopReason: StopReason, inputTokens: Int, outputTokens: Int) {
        self.content = content
        self.stopReason = stopReason
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }

    /// The answer's text blocks, joined.
    public var text: String {
        content.compactMap { if case .text(let t) = $0 { t } else { nil } }.joined()
    }

    /// The reasoning blocks' text, joined.
    public var reasoningText: String {
        content.compactMap { if case .reasoning(let t, _) = $0 { t } else { nil } }.joined()
    }

    /// The tool calls, in order.
    public var toolUses: [(id: String, name: String, input: JSONValue)] {
        content.compactMap { if case .toolUse(let id, let name, let input) = $0 { (id, name, input) } else { nil } }
    }
}

extension ChatContent {
    /// The signature a reasoning block carries when the model gave none: derived from the
    /// text, so the same reasoning is always signed the same way.
    public static func signature(forReasoning text: String) -> String {
        var random = SeededRandom(text: "sig\u{0}" + text)
        return random.alphanumeric(64)
    }
}

/// Why generation stopped; each codec spells it its family's way.
public enum StopReason: Sendable, Equatable {
    case endTurn
    case maxTokens
    case stopSequence(String)
    case toolUse
}
