import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation
import Testing

@testable import AgentRuntime

/// The agent orchestration's decisions, run directly against an in-memory environment.
@Suite struct AgentOrchestrationTests {
    static let weatherArn = "arn:aws:lambda:us-east-1:123456789012:function:weather"

    static func environment(_ scenario: String = "") throws -> EmulatorEnvironment {
        let engine = ScenarioEngine(try Scenario.parse(scenario, source: "test.yaml", model: .bundled))
        return try .inMemory(clock: VirtualClock(start: Date(timeIntervalSince1970: 1_767_225_600)), scenario: engine)
    }

    static func setup(executor: ShapeValue, environment: EmulatorEnvironment) throws -> AgentSetup {
        let group: ShapeValue = [
            "actionGroupName": "weather-tools", "actionGroupExecutor": executor,
            "functionSchema": ["functions": [["name": "get_weather", "parameters": ["city": ["type": "string", "required": true]]]]],
        ]
        return AgentSetup(
            agentId: "AGENT12345", aliasId: "TSTALIASID", aliasArn: "arn", version: "DRAFT", foundationModel: "anthropic.claude-3-haiku-20240307-v1:0",
            instruction: "You are a weather assistant that answers questions about the weather.",
            actions: try AgentAction.actions(of: group, objects: environment.objects), knowledgeBases: [], memory: nil, idleSessionSeconds: 600,
            guardrail: nil, sessionScope: "AGENT12345/TSTALIASID")
    }

    static func orchestrator(_ setup: AgentSetup, _ environment: EmulatorEnvironment) -> AgentOrchestrator {
        let rules = CallRules(
            engine: environment.scenario, subject: RuleSubject(service: "bedrock-agent-runtime", operation: "InvokeAgent"), streams: true)
        let context = RequestContext(requestId: "r", account: AccountContext(), accessKeyId: nil, receivedAt: Date(), rules: rules)
        let request = OperationRequest(key: OperationKey(service: "bedrock-agent-runtime", operation: "InvokeAgent"), input: [:], context: context)
        return AgentOrchestrator(environment: environment, setup: setup, request: request)
    }

    static func turn(_ input: ShapeValue, state: ShapeValue? = nil) -> AgentTurn { AgentTurn(input, state: state) }

    /// Each event named by what it is: the trace's member (and observation type), or the event kind.
    static func names(_ events: [AgentTurn.Event]) -> [String] {
        events.map { event in
            switch event {
            case .chunk: "chunk"
            case .returnControl: "returnControl"
            case .trace(let trace):
                if let member = trace["orchestrationTrace"]?.mapValue?.keys.first {
                    member == "observation" ? "observation:\(trace["orchestrationTrace"]?["observation"]?["type"]?.stringValue ?? "")" : member
                } else {
                    trace.mapValue?.keys.first ?? ""
                }
            }
        }
    }

    static func text(_ events: [AgentTurn.Event]) -> String {
        events.compactMap { if case .chunk(let text, _) = $0 { text } else { nil } }.joined()
    }

    @Test func aLambdaActionRunsAndTheModelAnswersWithItsResult() async throws {
        let environment = try Self.environment("lambdas:\n  - {lambda: weather, function: get_weather, response: {forecast: \"sunny in {{city}}\"}}\n")
        let setup = try Self.setup(executor: ["lambda": .string(Self.weatherArn)], environment: environment)
        var session = AgentSession(sessionId: "s1", now: Date())
        let outcome = try await Self.orchestrator(setup, environment).run(Self.turn(["inputText": "What is the weather in Paris?"]), session: &session)
        #expect(outcome.failure == nil)
        #expect(Self.names(outcome.events) == [
            "preProcessingTrace", "preProcessingTrace",
            "modelInvocationInput", "modelInvocationOutput", "rationale", "invocationInput", "observation:ACTION_GROUP",
            "modelInvocationInput", "modelInvocationOutput", "observation:FINISH", "chunk",
        ])
        guard case .trace(let observation) = outcome.events[6] else { Issue.record("no observation"); return }
        #expect(observation["orchestrationTrace"]?["observation"]?["actionGroupInvocationOutput"]?["text"] == #"{"forecast":"sunny in Paris"}"#)
        #expect(Self.text(outcome.events).contains("The get_weather tool returned"))
        #expect(session.turns.count == 1)
        #expect(session.messages.count == 4)
        #expect(outcome.inputTokens > 0 && outcome.outputTokens > 0)
    }

    @Test func aReturnControlActionHandsTheCallBackThenContinuesWithTheResult() async throws {
        let environment = try Self.environment()
        let setup = try Self.setup(executor: ["customControl": "RETURN_CONTROL"], environment: environment)
        var session = AgentSession(sessionId: "s1", now: Date())
        let first = try await Self.orchestrator(setup, environment).run(Self.turn(["inputText": "What is the weather in Paris?"]), session: &session)
        guard case .returnControl(let invocationId, let inputs)? = first.events.last else { Issue.record("no return of control"); return }
        #expect(inputs.first?["functionInvocationInput"]?["function"] == "get_weather")
        #expect(inputs.first?["functionInvocationInput"]?["parameters"]?.listValue?.first?["value"] == "Paris")
        #expect(session.pending?.invocationId == invocationId)
        #expect(session.messages.isEmpty)

        let result: ShapeValue = ["functionResult": ["actionGroup": "weather-tools", "function": "get_weather", "responseBody": ["TEXT": ["body": "Rain all day"]]]]
        let second = try await Self.orchestrator(setup, environment).run(
            Self.turn([:], state: ["invocationId": .string(invocationId), "returnControlInvocationResults": [result]]), session: &session)
        #expect(Self.text(second.events).contains("Rain all day"))
        #expect(session.pending == nil)
        #expect(session.turns.first?.input == "What is the weather in Paris?")
        #expect(session.messages.count == 4)
    }

    @Test func resultsThatAnswerNothingPendingAreRefused() async throws {
        let environment = try Self.environment()
        let setup = try Self.setup(executor: ["customControl": "RETURN_CONTROL"], environment: environment)
        var session = AgentSession(sessionId: "s1", now: Date())
        let result: ShapeValue = ["functionResult": ["actionGroup": "weather-tools", "function": "get_weather"]]
        await #expect(throws: BedrockError.self) {
            _ = try await Self.orchestrator(setup, environment).run(Self.turn([:], state: ["returnControlInvocationResults": [result]]), session: &session)
        }
        await #expect(throws: BedrockError.validation(
            "inputText is required unless sessionState.returnControlInvocationResults answers a return of control. Send what the user said in inputText.")
        ) {
            _ = try await Self.orchestrator(setup, environment).run(Self.turn([:]), session: &session)
        }
    }

    @Test func aScriptedToolCallIsDecidedAfreshOnceTheResultIsBack() async throws {
        let environment = try Self.environment("""
            responses:
              - match: {tool_result: false}
                tool_call: {name: get_weather, input: {city: Oslo}}
              - reply: "It will snow in Oslo."
            lambdas:
              - {function: get_weather, response: "snow"}
            """)
        let setup = try Self.setup(executor: ["lambda": .string(Self.weatherArn)], environment: environment)
        var session = AgentSession(sessionId: "s1", now: Date())
        let outcome = try await Self.orchestrator(setup, environment).run(Self.turn(["inputText": "Hello there"]), session: &session)
        #expect(Self.text(outcome.events) == "It will snow in Oslo.")
    }

    @Test func aFailingLambdaEndsTheTurnWithDependencyFailed() async throws {
        let environment = try Self.environment("lambdas:\n  - {lambda: weather, error: The weather service is down.}\n")
        let setup = try Self.setup(executor: ["lambda": .string(Self.weatherArn)], environment: environment)
        var session = AgentSession(sessionId: "s1", now: Date())
        let outcome = try await Self.orchestrator(setup, environment).run(Self.turn(["inputText": "What is the weather in Paris?"]), session: &session)
        #expect(outcome.failure?.code == "DependencyFailedException")
        #expect(outcome.failure?.message.contains("The weather service is down.") == true)
        #expect(Self.names(outcome.events).last == "failureTrace")
    }

    @Test func aStreamedAnswerComesInChunksThatJoinToTheAnswer() throws {
        let environment = try Self.environment()
        let setup = try Self.setup(executor: ["customControl": "RETURN_CONTROL"], environment: environment)
        let answer = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
        let reference: ShapeValue = ["content": ["text": "passage"]]
        let chunks = Self.orchestrator(setup, environment).chunks(of: answer, references: [reference], streamed: true)
        #expect(chunks.count == 3)
        #expect(Self.text(chunks) == answer)
        guard case .chunk(_, let attribution)? = chunks.last else { Issue.record("no chunk"); return }
        #expect(attribution?["citations"]?.listValue?.first?["generatedResponsePart"]?["textResponsePart"]?["span"]?["end"] == .integer(Int64(answer.count - 1)))
    }

    @Test func toolNamesComeFromFunctionsAndOperationsAndAreMadeUnique() throws {
        let environment = try Self.environment()
        let api: ShapeValue = [
            "actionGroupName": "orders", "actionGroupExecutor": ["customControl": "RETURN_CONTROL"],
            "apiSchema": ["payload": #"{"openapi": "3.0.0", "paths": {"/orders/{orderId}": {"get": {"parameters": [{"name": "orderId", "in": "path"}]}}}}"#],
        ]
        let functions: ShapeValue = [
            "actionGroupName": "other", "actionGroupExecutor": ["lambda": "arn:aws:lambda:us-east-1:1:function:x"],
            "functionSchema": ["functions": [["name": "get_orders_orderId"]]],
        ]
        let actions = AgentAction.named(
            try AgentAction.actions(of: api, objects: environment.objects) + AgentAction.actions(of: functions, objects: environment.objects))
        #expect(actions.map(\.tool.name) == ["orders__get_orders_orderId", "other__get_orders_orderId"])
        let call = AgentActionCall(action: actions[0], toolUseId: "t", input: ["orderId": "A-1"])
        #expect(call.returnControlInput(agentId: nil)["apiInvocationInput"]?["apiPath"] == "/orders/{orderId}")
        #expect(call.returnControlInput(agentId: nil)["apiInvocationInput"]?["httpMethod"] == "GET")
        #expect(call.traceInput(invocationId: "i")["verb"] == "GET")
    }

    @Test func aSessionSurvivesItsStoredDocument() {
        var session = AgentSession(sessionId: "s1", now: Date(timeIntervalSince1970: 100))
        session.sessionAttributes = ["user": "ana"]
        session.messages = [ChatMessage(role: .user, content: [.text("hi")]), ChatMessage(role: .assistant, content: [.toolUse(id: "t", name: "n", input: ["a": 1])])]
        session.pending = .init(invocationId: "inv", messages: session.messages, calls: [("t", "n", ["a": 1])], answered: [], inputText: "hi")
        session.memoryId = "m1"
        let copy = AgentSession(document: session.document, sessionId: "s1")
        #expect(copy.document == session.document)
        #expect(copy.messages == session.messages)
        #expect(copy.pending?.calls.first?.tool == "n")
    }
}
