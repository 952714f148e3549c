import BedrockAPI
import Testing
@testable import EmulatorCore

@Suite struct ScenarioEngineTests {
    func engine(_ text: String) throws -> ScenarioEngine {
        ScenarioEngine(try Scenario.parse(text, source: "test.yaml", model: .bundled))
    }

    func converse(_ prompt: String, model: String = "anthropic.claude-3-haiku-20240307-v1:0", tools: [String] = [], turn: Int = 1) -> RuleSubject {
        RuleSubject(service: "bedrock-runtime", operation: "Converse", models: [model], chat: ChatSubject(prompt: prompt, tools: tools, turn: turn))
    }

    @Test func theFirstMatchingRuleWins() throws {
        let rules = try engine("""
            responses:
              - {name: weather, match: {prompt: Weather, tools: get_weather}, reply: sunny}
              - {name: claude, match: {model: "anthropic.*"}, reply: claude}
              - {name: any, reply: anything}
            """)
        #expect(rules.decide(converse("what's the weather?", tools: ["get_weather", "other"]))?.rule == "weather")
        #expect(rules.decide(converse("what's the weather?"))?.rule == "claude")
        #expect(rules.decide(converse("hi", model: "amazon.nova-lite-v1:0"))?.rule == "any")
        #expect(rules.decide(RuleSubject(service: "bedrock", operation: "ListFoundationModels"))?.rule == "any")
    }

    @Test func toolResultsCanBeMatched() throws {
        let rules = try engine("""
            responses:
              - {name: answer, match: {tools: lookup, tool_result: true}, reply: done}
              - {name: call, match: {tools: lookup, tool_result: false}, tool_call: {name: lookup}}
            """)
        var subject = converse("where is it?", tools: ["lookup"])
        #expect(rules.decide(subject)?.rule == "call")
        subject.chat?.afterToolResult = true
        #expect(rules.decide(subject)?.rule == "answer")
    }

    @Test func promptRulesNeedAConversation() throws {
        let rules = try engine("responses:\n  - {match: {prompt: {regex: \"^order [0-9]+$\"}}, reply: x}\n")
        #expect(rules.decide(converse("order 42")) != nil)
        #expect(rules.decide(converse("my order 42")) == nil)
        #expect(rules.decide(RuleSubject(service: "bedrock-runtime", operation: "InvokeModel")) == nil)
    }

    @Test func nthCountsOnlyCallsThatMetTheOtherConditions() throws {
        let rules = try engine("responses:\n  - {match: {operation: Converse, nth: [2, \"4+\"]}, error: ThrottlingException}\n")
        var outcomes: [Bool] = []
        for call in 1...5 {
            _ = rules.decide(RuleSubject(service: "bedrock", operation: "GetFoundationModel"))  // never counted
            outcomes.append(rules.decide(converse("call \(call)")) != nil)
        }
        #expect(outcomes == [false, true, false, true, true])
        rules.install(rules.scenario)
        #expect(rules.decide(converse("again")) == nil)  // a new install counts afresh
    }

    @Test func repliesFollowCallsOrTurns() throws {
        let rules = try engine("""
            responses:
              - {match: {prompt: calls}, replies: [a, b]}
              - {match: {prompt: turns}, replies: [one, two, three], across: turns}
            """)
        #expect((1...3).map { _ in rules.decide(converse("calls"))?.replyText } == ["a", "b", "b"])
        #expect([2, 1, 5].map { rules.decide(converse("turns", turn: $0))?.replyText } == ["two", "one", "three"])
    }

    @Test func probabilityIsDrawnFromTheSeed() throws {
        let text = "seed: 9\nresponses:\n  - {probability: 0.25, error: ServiceUnavailableException}\n"
        let first = try engine(text), second = try engine(text)
        let a = (0..<400).map { _ in first.decide(converse("x")) != nil }
        let b = (0..<400).map { _ in second.decide(converse("x")) != nil }
        #expect(a == b)
        #expect((70...130).contains(a.filter { $0 }.count))
        let other = try engine("seed: 10\nresponses:\n  - {probability: 0.25, error: ServiceUnavailableException}\n")
        #expect((0..<400).map { _ in other.decide(converse("x")) != nil } != a)
    }

    @Test func anErrorComesBeforeTheAnswerUnlessTheStreamCarriesIt() throws {
        let rules = try engine("responses:\n  - {error: {code: ModelStreamErrorException, mid_stream: true}}\n")
        let streaming = CallRules(engine: rules, subject: converse("x"), streams: true)
        #expect(try streaming.decide()?.action.error?.midStream == true)
        let whole = CallRules(engine: rules, subject: converse("x"), streams: false)
        #expect(throws: BedrockError.self) { try whole.decide() }
        #expect(whole.decision != nil)  // decided once, remembered for the journal
    }

    @Test func modelPoliciesAndAccountsAreLookedUpByGlob() throws {
        let rules = try engine("""
            accounts: [{access_key_id: AKIDB, account_id: "111122223333"}]
            models:
              - {model: "anthropic.claude-3-opus*", access: denied}
              - {model: "anthropic.*", requests_per_minute: 3}
            """)
        #expect(rules.policy(for: ["anthropic.claude-3-opus-20240229-v1:0"]) { $0.access } == .denied)
        #expect(rules.policy(for: ["anthropic.claude-3-haiku-20240307-v1:0"]) { $0.access } == nil)
        #expect(rules.policy(for: ["us.anthropic.claude-3-haiku", "anthropic.claude-3-haiku"]) { $0.quotas }?.requestsPerMinute == 3)
        #expect(rules.account(forAccessKey: "AKIDB")?.accountId == "111122223333")
        #expect(rules.account(forAccessKey: "other") == nil)
    }

    @Test func globsMatchWholeNames() {
        #expect(Glob("anthropic.*").matches("anthropic.claude"))
        #expect(!Glob("anthropic.*").matches("us.anthropic.claude"))
        #expect(Glob("*claude-3-?aiku*").matches("us.anthropic.claude-3-haiku-v1"))
        #expect(Glob("Converse").matches("Converse") && !Glob("Converse").matches("ConverseStream"))
        #expect(Glob("a*b*c").matches("aXbYc") && !Glob("a*b*c").matches("aXbY"))
    }

    @Test func jobTimingSaysTheStatusAtEachMoment() {
        let timing = JobTiming(durations: [("Submitted", 10), ("InProgress", 50)], outcome: "PartiallyCompleted", failedRatio: 0.1)
        #expect(timing.status(after: 0) == ("Submitted", false))
        #expect(timing.status(after: 30) == ("InProgress", false))
        #expect(timing.status(after: 60) == ("PartiallyCompleted", true))
        #expect(timing.totalSeconds == 60)
    }
}
