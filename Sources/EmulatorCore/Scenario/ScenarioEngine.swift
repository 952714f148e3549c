import BedrockAPI
import Foundation
import Synchronization

/// The scenario in force and what its rules have counted; swapped whole at run time, so a
/// call sees either the old scenario or the new one, never a mix.
public final class ScenarioEngine: Sendable {
    struct State {
        var scenario: Scenario
        /// Per rule: how many calls met its conditions.
        var counts: [Int]
    }

    private let state: Mutex<State>

    public init(_ scenario: Scenario = .none()) {
        state = Mutex(State(scenario: scenario, counts: Array(repeating: 0, count: scenario.responses.count)))
    }

    /// The scenario in force.
    public var scenario: Scenario { state.withLock { $0.scenario } }

    /// Whether the scenario turns the catalog's quotas on or off; nil leaves the flag's choice.
    public var quotaMode: RuntimeQuotas.Mode? { state.withLock { $0.scenario.quotaMode } }

    /// How jobs of `type` run under the scenario, or `fallback` when it does not say.
    public func jobTiming(_ type: String, fallback: JobTiming) -> JobTiming {
        state.withLock { $0.scenario.jobs[type] } ?? fallback
    }

    /// How many jobs of `type` may run at once, if the scenario limits it.
    public func concurrentJobLimit(_ type: String) -> Int? {
        state.withLock { $0.scenario.concurrentJobs[type] }
    }

    /// How many of `resource` an account may have, if the scenario limits it.
    public func resourceLimit(_ resource: String) -> Int? {
        state.withLock { $0.scenario.resourceLimits[resource] }
    }

    /// The seed every deterministic choice mixes in.
    public var seed: UInt64 { state.withLock { $0.scenario.seed } }

    /// The account and secret the scenario gives an access key, if it names it.
    public func account(forAccessKey accessKeyId: String) -> Scenario.AccountKey? {
        state.withLock { $0.scenario.accounts[accessKeyId] }
    }

    /// What the scenario's `models` entries say of any of `models` (a model id, a profile id).
    public func policy<Value: Sendable>(for models: [String], _ value: (ModelPolicy) -> Value?) -> Value? {
        let policies = state.withLock { $0.scenario.models }
        guard !policies.isEmpty else { return nil }
        for model in models {
            for policy in policies where policy.model.matches(model) {
                if let found = value(policy) { return found }
            }
        }
        return nil
    }

    /// Puts `scenario` in force and starts its rules' counts afresh.
    public func install(_ scenario: Scenario) {
        state.withLock { $0 = State(scenario: scenario, counts: Array(repeating: 0, count: scenario.responses.count)) }
    }

    /// The first rule that takes `subject`, counting the call against every rule it gets to.
    public func decide(_ subject: RuleSubject) -> RuleDecision? {
        state.withLock { state -> RuleDecision? in
            for (index, rule) in state.scenario.responses.enumerated() where Self.meets(rule.match, subject) {
                state.counts[index] += 1
                let call = state.counts[index]
                if let nth = rule.match.nth, !nth.contains(call) { continue }
                if let probability = rule.probability, Self.draw(seed: state.scenario.seed, rule: index, call: call) >= probability { continue }
                return RuleDecision(rule: rule.name, action: rule.action, call: call, turn: subject.chat?.turn ?? 1)
            }
            return nil
        }
    }

    static func meets(_ match: RuleMatch, _ subject: RuleSubject) -> Bool {
        if !match.services.isEmpty && !match.services.contains(where: { $0.matches(subject.service) }) { return false }
        if !match.operations.isEmpty && !match.operations.contains(where: { $0.matches(subject.operation) }) { return false }
        if !match.models.isEmpty && !match.models.contains(where: { glob in subject.models.contains(where: glob.matches) }) { return false }
        if !match.sessions.isEmpty {
            guard let session = subject.session, match.sessions.contains(where: { $0.matches(session) }) else { return false }
        }
        guard match.readsChat else { return true }
        guard let chat = subject.chat else { return false }
        if !match.promptContains.isEmpty {
            let prompt = chat.prompt.lowercased()
            if !match.promptContains.allSatisfy({ prompt.contains($0.lowercased()) }) { return false }
        }
        if let regex = match.promptRegex, !regex.matches(chat.prompt) { return false }
        if !match.tools.allSatisfy(chat.tools.contains) { return false }
        if let turns = match.turns, !turns.contains(chat.turn) { return false }
        if let toolResult = match.toolResult, toolResult != chat.afterToolResult { return false }
        return true
    }

    /// A number in [0, 1) fixed by the seed, the rule and the call: the same run of calls
    /// fails the same way every time.
    static func draw(seed: UInt64, rule: Int, call: Int) -> Double {
        var mixer = SplitMix64(seed: seed ^ (UInt64(rule) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(call) &* 0xBF58_476D_1CE4_E5B9))
        return Double(mixer.next() >> 11) / Double(1 << 53)
    }
}
