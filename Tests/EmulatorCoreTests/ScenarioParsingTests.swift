import BedrockAPI
import Foundation
import Testing
@testable import EmulatorCore

@Suite struct ScenarioParsingTests {

    func parse(_ text: String) throws(ScenarioError) -> Scenario {
        try Scenario.parse(text, source: "test.yaml", model: .bundled)
    }

    func refusal(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "accepted"
        } catch {
            return error.description
        }
    }

    @Test func readsSeededResourcesAsTheirCreateInput() throws {
        let scenario = try parse("""
            resources:
              provisioned_throughputs:
                - {provisionedModelName: pt, modelId: anthropic.claude-3-haiku-20240307-v1:0, modelUnits: 2, tags: [{key: k, value: v}]}
            """)
        let seed = try #require(scenario.seeds.first)
        #expect(seed.key == OperationKey(service: "bedrock", operation: "CreateProvisionedModelThroughput"))
        #expect(seed.name == "pt")
        #expect(seed.input["modelUnits"]?.intValue == 2)
        #expect(seed.refusal("taken").description == "test.yaml:3:7: resources.provisioned_throughputs[0]: taken")
    }

    @Test func readsEverySection() throws {
        let scenario = try parse("""
            seed: 42
            clock: {mode: virtual, start: "2026-01-01T00:00:00Z"}
            accounts:
              - {access_key_id: AKIDB, secret_access_key: s3cret, account_id: "111122223333"}
            models:
              - {model: "anthropic.*", access: denied, lifecycle: LEGACY}
            quotas:
              mode: aws
              models: [{model: amazon.titan-text-express-v1, requests_per_minute: 2, tokens_per_minute: 1000}]
            responses:
              - name: greet
                match: {operation: [Converse, InvokeModel], model: "anthropic.*", prompt: {contains: [hello], regex: "^hi"}, tools: t, turn: "2+", nth: [1, "3-4"], session: "s-*"}
                replies: [one, two]
                across: turns
                stop_reason: max_tokens
                usage: {input_tokens: 5, output_tokens: 6}
                chunk_tokens: 2
                latency: {delay_ms: 10, first_token_ms: 20, tokens_per_second: 50}
                probability: 0.5
              - error: {code: ModelStreamErrorException, mid_stream: true, after_events: 3}
            jobs:
              async_invoke: {durations: {InProgress: 90}, outcome: Failed, message: boom}
            resources:
              objects:
                - {uri: "s3://bucket/k.txt", text: hello}
                - {uri: "s3://bucket/k.json", json: {a: 1}}
            """)
        #expect(scenario.seed == 42)
        #expect(scenario.clock == .virtual(start: Date(timeIntervalSince1970: 1_767_225_600)))
        #expect(scenario.accounts["AKIDB"] == Scenario.AccountKey(accountId: "111122223333", secretAccessKey: "s3cret"))
        #expect(scenario.models.count == 2 && scenario.models[0].access == .denied && scenario.models[0].lifecycle == .legacy)
        #expect(scenario.models[1].quotas == QuotaLimits(requestsPerMinute: 2, tokensPerMinute: 1000))
        #expect(scenario.quotaMode == .aws)
        let rule = scenario.responses[0]
        #expect(rule.name == "greet" && rule.probability == 0.5)
        #expect(rule.match.operations.map(\.pattern) == ["Converse", "InvokeModel"])
        #expect(rule.match.nth?.contains(1) == true && rule.match.nth?.contains(2) == false && rule.match.nth?.contains(4) == true)
        #expect(rule.match.turns?.contains(1) == false && rule.match.turns?.contains(9) == true)
        #expect(rule.action.replies == ["one", "two"] && rule.action.across == .turns && rule.action.stopReason == "max_tokens")
        #expect(rule.action.latency == Latency(delayMs: 10, firstTokenMs: 20, tokensPerSecond: 50))
        let failure = try #require(scenario.responses[1].action.error)
        #expect(scenario.responses[1].name == "responses[1]")
        #expect(failure.error.code == "ModelStreamErrorException" && failure.error.status == 424 && failure.midStream && failure.afterEvents == 3)
        #expect(failure.error.fields["originalStatusCode"] == .integer(500))
        #expect(scenario.jobs["async_invoke"] == JobTiming(durations: [("InProgress", 90)], outcome: "Failed", message: "boom"))
        #expect(scenario.objects.map(\.location.description) == ["s3://bucket/k.txt", "s3://bucket/k.json"])
        #expect(scenario.objects[1].data == Data(#"{"a":1}"#.utf8))
    }

    @Test func aChosenStatusIsKeptOverTheModeledOne() throws {
        let scenario = try parse("responses:\n  - error: {code: ServiceUnavailableException, status: 500}\n  - error: ServiceUnavailableException\n")
        #expect(scenario.responses[0].action.error?.error.status == 500 && scenario.responses[0].action.error?.error.keepsStatus == true)
        #expect(scenario.responses[1].action.error?.error.status == 503 && scenario.responses[1].action.error?.error.keepsStatus == false)
        let encoded = ResponseEncoder(service: APIModel.bundled.service("bedrock-runtime")!).encodeError(scenario.responses[0].action.error!.error)
        #expect(encoded.status == 500)
    }

    @Test func jsonIsAcceptedToo() throws {
        let scenario = try parse(#"{"seed": 3, "responses": [{"reply": "hi", "error": "ThrottlingException"}]}"#)
        #expect(scenario.seed == 3)
        #expect(scenario.responses[0].action.error?.error == .throttling())
    }

    @Test func anEmptyFileIsTheEmptyScenario() throws {
        #expect(try parse("").responses.isEmpty)
        #expect(try parse("# nothing yet\n").models.isEmpty)
    }

    @Test func refusalsNameTheLineAndKeyPath() {
        #expect(refusal("responses:\n  - replys: hi\n") == "test.yaml:2:5: responses[0].replys: unknown key `replys`; expected one of name, match, reply, replies, across, tool_call, stop_reason, usage, chunk_tokens, latency, error, probability")
        #expect(refusal("responses:\n  - match: {nth: 0}\n") == "test.yaml:2:18: responses[0].match.nth: expected a number from 1, a range like \"2-4\", \"3+\" for the third onwards, or a list of these")
        #expect(refusal("responses:\n  - match: {prompt: {regex: \"(\"}}\n").hasPrefix("test.yaml:2:29: responses[0].match.prompt.regex: `(` is not a valid regular expression"))
        #expect(refusal("responses:\n  - error: NoSuchException\n").hasPrefix("test.yaml:2:12: responses[0].error: `NoSuchException` is not an error any Bedrock operation models"))
        #expect(refusal("responses:\n  - probability: 2\n") == "test.yaml:2:18: responses[0].probability: 2.0 is out of range: expected 0.0 to 1.0")
        #expect(refusal("seed: [1\n") == "test.yaml:2:1: not valid YAML or JSON: did not find expected ',' or ']'")
        #expect(refusal("clock: sundial\n") == "test.yaml:1:8: clock: `sundial` is not one of system, virtual")
        #expect(refusal("jobs:\n  async_invoke: {durations: {Queued: 5}}\n").hasPrefix("test.yaml:2:30: jobs.async_invoke.durations.Queued: a async_invoke job does not pass through `Queued`"))
        #expect(refusal("jobs:\n  teleport: {}\n").hasPrefix("test.yaml:2:13: jobs.teleport: unknown job type `teleport`"))
        #expect(refusal("accounts:\n  - {access_key_id: A, account_id: \"12\"}\n") == "test.yaml:2:36: accounts[0].account_id: an account id is 12 digits, not `12`")
        #expect(refusal("resources:\n  objects: [{uri: \"s3://bucket/../x\", text: a}]\n").hasPrefix("test.yaml:2:19: resources.objects[0].uri: "))
        #expect(refusal("resources:\n  objects: [{uri: \"s3://bucket/in/\", text: a}]\n").hasPrefix("test.yaml:2:19: resources.objects[0].uri: s3://bucket/in/ names a folder"))
        #expect(refusal("resources:\n  flows: []\n").hasPrefix("test.yaml:2:3: resources.flows: unknown key `flows`"))
        #expect(refusal("resources:\n  provisioned_throughputs:\n    - {provisionedModelName: p, modelUnits: 1}\n").hasPrefix(
            "test.yaml:3:7: resources.provisioned_throughputs[0]: not a valid CreateProvisionedModelThroughput input: "))
        #expect(refusal("resources:\n  provisioned_throughputs:\n    - name\n") == "test.yaml:3:7: resources.provisioned_throughputs[0]: expected the CreateProvisionedModelThroughput input as a mapping")
        #expect(refusal("responses:\n  - match: {nth: []}\n") == "test.yaml:2:18: responses[0].match.nth: expected at least one number; leave the key out to match every call")
        #expect(refusal("responses:\n  - error: {code: AccessDeniedException, mid_stream: true}\n").hasPrefix("test.yaml:2:19: responses[0].error.code: a stream can carry only ModelStreamErrorException"))
        #expect(refusal("responses:\n  - reply: a\n    replies: [b]\n") == "test.yaml:3:14: responses[0].replies: give `reply` or `replies`, not both")
        #expect(refusal("base: &b {reply: a}\n").hasPrefix("test.yaml:1:1: base: unknown key `base`"))
        // Anchors and aliases are YAML's own reuse: they resolve before the scenario is read.
        #expect(refusal("responses:\n  - &r {reply: a}\n  - *r\n") == "accepted")
    }
}
