import BedrockAPI
import Synchronization

/// The scenario's rules as one call sees them: decided once (by the gateway, or by a
/// handler that first reads the conversation), remembered for the journal.
public final class CallRules: Sendable {
    let engine: ScenarioEngine?
    let subject: RuleSubject
    /// Whether the operation answers with an event stream, where an error can come late.
    let streams: Bool
    private let decided = Mutex<(done: Bool, decision: RuleDecision?, prompt: String?)>((false, nil, nil))

    public init(engine: ScenarioEngine?, subject: RuleSubject, streams: Bool) {
        self.engine = engine
        self.subject = subject
        self.streams = streams
    }

    /// No scenario: nothing ever matches.
    public static let none = CallRules(engine: nil, subject: RuleSubject(service: "", operation: ""), streams: false)

    /// The rule that takes this call, deciding on the first ask; `model` and `chat` add
    /// what the handler learned. Throws the rule's error when it comes before the answer.
    @discardableResult
    public func decide(model: String? = nil, chat: ChatSubject? = nil) throws(BedrockError) -> RuleDecision? {
        let decision = decided.withLock { decided -> RuleDecision? in
            if decided.done { return decided.decision }
            var subject = subject
            if let model, !subject.models.contains(model) { subject.models.append(model) }
            subject.chat = chat
            decided = (true, engine?.decide(subject), chat?.prompt)
            return decided.decision
        }
        if let failure = decision?.action.error, !failure.midStream || !streams { throw failure.error }
        return decision
    }

    /// The rules for a further model call the same operation makes (an agent's next
    /// orchestration step): decided afresh, so `tool_result`, `turn` and `nth` see each step.
    /// The journal keeps the first call's rule.
    public func followUp() -> CallRules {
        CallRules(engine: engine, subject: subject, streams: streams)
    }

    /// The rule that matched, once decided.
    public var decision: RuleDecision? { decided.withLock { $0.decision } }

    /// What the user said last, when the call carried a conversation.
    public var prompt: String? { decided.withLock { $0.prompt } }
}
