import BedrockAPI
import Foundation

/// One rule of a scenario's `responses`: which calls it matches and what they get instead
/// of the fake model's own answer. Rules are tried in order; the first that matches wins.
public struct ResponseRule: Sendable {
    public var name: String
    public var match: RuleMatch
    public var action: RuleAction
    /// The share of matching calls the rule takes, drawn from the scenario's seed.
    public var probability: Double?
}

/// What a call must be for a rule to apply; every condition given must hold.
public struct RuleMatch: Sendable {
    public var services: [Glob] = []
    public var operations: [Glob] = []
    public var models: [Glob] = []
    /// Texts the last user message contains (all of them), compared case-insensitively.
    public var promptContains: [String] = []
    /// A regular expression the last user message matches.
    public var promptRegex: PromptPattern?
    /// Tools the request offers (all of them).
    public var tools: [String] = []
    /// The conversation's turn: how many user messages with text it has.
    public var turns: Ordinals?
    /// Whether the last message must (true) or must not (false) hand back a tool result.
    public var toolResult: Bool?
    /// Which of the calls that meet the other conditions (counted per rule from 1).
    public var nth: Ordinals?
    public var sessions: [Glob] = []

    /// Whether the rule needs to see the prompt, so only calls that have one can match.
    var readsChat: Bool { !promptContains.isEmpty || promptRegex != nil || !tools.isEmpty || turns != nil || toolResult != nil }
}

/// A compiled prompt regular expression.
public struct PromptPattern: @unchecked Sendable {
    // NSRegularExpression is immutable once made and safe to share across threads.
    let expression: NSRegularExpression
    public let source: String

    func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

/// What a matching call gets.
public struct RuleAction: Sendable {
    /// The reply's text; with several, the call or turn picks one (the last repeats).
    public var replies: [String] = []
    public var across: ReplySequence = .calls
    public var toolCall: ScriptedToolCall?
    /// A stop reason in Converse's spelling (`end_turn`, `max_tokens`, ...).
    public var stopReason: String?
    public var usage: UsageOverride?
    /// Output tokens per stream chunk.
    public var chunkTokens: Int?
    public var latency: Latency?
    public var error: RuleError?

    public enum ReplySequence: String, Sendable { case calls, turns }
}

/// A tool call a rule makes the model produce.
public struct ScriptedToolCall: Sendable {
    public var name: String
    public var input: JSONValue
}

/// Token counts a rule reports instead of the counted ones.
public struct UsageOverride: Sendable {
    public var inputTokens: Int?
    public var outputTokens: Int?
}

/// How slowly a call answers: a fixed delay, and for model output the time to the first
/// token and the tokens per second after it (streams are paced in real time).
public struct Latency: Sendable, Equatable {
    public var delayMs: Int = 0
    public var firstTokenMs: Int = 0
    public var tokensPerSecond: Double?

    /// How long `tokens` of output take after the first.
    public func generationMs(tokens: Int) -> Int {
        guard let rate = tokensPerSecond, rate > 0 else { return 0 }
        return Int((Double(tokens) / rate * 1000).rounded())
    }
}

/// An error a rule raises: before the answer, or part-way through a stream.
public struct RuleError: Sendable {
    public var error: BedrockError
    /// Raise it part-way through a stream instead of before answering.
    public var midStream: Bool
    /// After how many events; halfway through when not given.
    public var afterEvents: Int?
}
