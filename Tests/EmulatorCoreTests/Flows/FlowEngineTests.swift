import BedrockAPI
@testable import EmulatorCore
import Foundation
import Testing

@Suite struct FlowEngineTests {
    typealias F = FlowFixtures

    /// Answers a prompt node with its rendered-looking text, so tests see what reached it.
    struct EchoRunner: FlowNodeRunner {
        func run(_ node: FlowDefinition.Node, inputs: [String: ShapeValue]) async throws -> (outputs: [String: ShapeValue], action: FlowStep.Action?) {
            let text = inputs.keys.sorted().map { "\($0)=\(inputs[$0]?.stringValue ?? "?")" }.joined(separator: ",")
            return (["modelCompletion": .string("\(node.name):\(text)")], FlowStep.Action(service: "bedrock", operation: "Converse", request: .map(inputs), response: .string(text)))
        }
    }

    func run(_ nodes: [ShapeValue], _ connections: [ShapeValue], input: ShapeValue) async -> FlowEngine.Run {
        let engine = FlowEngine(definition: FlowDefinition(F.definition(nodes, connections)), runner: EchoRunner(), clock: VirtualClock(start: Date(timeIntervalSince1970: 0)))
        return await engine.run([.init(node: "Start", output: "document", document: input)])
    }

    @Test func theConditionChoosesTheBranchWhoseExpressionHolds() async {
        let flow = F.valid
        let weather = await run(flow.nodes, flow.connections, input: "weather")
        #expect(weather.failure == nil)
        #expect(weather.outputs.map(\.node) == ["Weather"])
        #expect(weather.outputs.first?.document == "Ask:topic=weather")
        #expect(weather.steps.contains { $0.step == .condition(node: "Route", satisfied: ["isWeather"]) })
        let other = await run(flow.nodes, flow.connections, input: "sports")
        #expect(other.outputs.map(\.node) == ["Other"])
        #expect(other.steps.contains { $0.step == .condition(node: "Route", satisfied: ["default"]) })
    }

    @Test func aPromptNodeGetsItsInputsAndItsCallIsTraced() async {
        let flow = F.valid
        let result = await run(flow.nodes, flow.connections, input: "tides")
        #expect(result.steps.contains { $0.step == .nodeInput(node: "Ask", fields: [.init(name: "topic", type: "String", content: "tides")]) })
        #expect(result.steps.contains {
            if case .action(let node, let action) = $0.step { node == "Ask" && action.operation == "Converse" } else { false }
        })
    }

    @Test func inputExpressionsPickIntoObjects() async {
        let nodes = [
            F.node("Start", "Input", outputs: [F.io("document", "Object", nil)]),
            F.node("Out", "Output", inputs: [F.io("document", "String", "$.data.city.names[1]")]),
        ]
        let result = await run(nodes, [F.data("Start", "document", "Out", "document")], input: ["city": ["names": ["Paris", "Lutetia"]]])
        #expect(result.outputs.first?.document == "Lutetia")
    }

    @Test func anIteratorRunsEachItemAndTheCollectorGathersThem() async {
        let nodes = [
            F.node("Start", "Input", outputs: [F.io("document", "Array", nil)]),
            F.node("Each", "Iterator", inputs: [F.io("array", "Array")], outputs: [F.io("arrayItem", "String", nil), F.io("arraySize", "Number", nil)]),
            F.node("Ask", "Prompt", config: F.prompt["configuration"], inputs: [F.io("topic", "String")], outputs: [F.io("modelCompletion", "String", nil)]),
            F.node("Gather", "Collector", inputs: [F.io("arrayItem", "String"), F.io("arraySize", "Number")], outputs: [F.io("collectedArray", "Array", nil)]),
            F.node("Out", "Output", inputs: [F.io("document", "Array")]),
        ]
        let connections = [
            F.data("Start", "document", "Each", "array"), F.data("Each", "arrayItem", "Ask", "topic"),
            F.data("Ask", "modelCompletion", "Gather", "arrayItem"), F.data("Each", "arraySize", "Gather", "arraySize"),
            F.data("Gather", "collectedArray", "Out", "document"),
        ]
        #expect(FlowValidator(FlowDefinition(F.definition(nodes, connections))).isValid)
        let result = await run(nodes, connections, input: ["rain", "snow", "sun"])
        #expect(result.failure == nil)
        #expect(result.outputs.map(\.document) == [["Ask:topic=rain", "Ask:topic=snow", "Ask:topic=sun"]])
    }

    @Test func aFailingNodeEndsTheRunWithItsError() async {
        struct Failing: FlowNodeRunner {
            func run(_ node: FlowDefinition.Node, inputs: [String: ShapeValue]) async throws -> (outputs: [String: ShapeValue], action: FlowStep.Action?) {
                throw BedrockError.throttling()
            }
        }
        let flow = F.valid
        let engine = FlowEngine(definition: FlowDefinition(F.definition(flow.nodes, flow.connections)), runner: Failing(), clock: VirtualClock())
        let result = await engine.run([.init(node: "Start", output: "document", document: "x")])
        #expect(result.failure?.node == "Ask")
        #expect(result.outputs.isEmpty)
        #expect(result.steps.last?.step == .failure(node: "Ask", code: "DEPENDENCY_FAILED", message: "Too many requests, please wait before trying again."))
    }

    @Test func inputsMustNameTheInputNodeAndMatchItsType() {
        let flow = F.valid
        let engine = FlowEngine(definition: FlowDefinition(F.definition(flow.nodes, flow.connections)), runner: EchoRunner(), clock: VirtualClock())
        #expect(throws: BedrockError.self) { try engine.check([.init(node: "Begin", output: "document", document: "x")]) }
        #expect(throws: BedrockError.self) { try engine.check([.init(node: "Start", output: "document", document: 42)]) }
        #expect(throws: Never.self) { try engine.check([.init(node: "Start", output: "document", document: "x")]) }
    }
}

@Suite struct FlowConditionExpressionTests {
    @Test(arguments: [
        ("score > 3", true), ("score >= 5 and name == \"ann\"", true), ("score < 5 or not (name != 'ann')", true),
        ("not flag", true), ("score == 5.0", true), ("name > \"bob\"", false), ("(score <= 4) or (name == \"bob\")", false),
    ])
    func comparisonsAndLogicEvaluate(_ text: String, _ expected: Bool) throws {
        let inputs: [String: ShapeValue] = ["score": 5, "name": "ann", "flag": false]
        #expect(try FlowConditionExpression(parsing: text).holds(inputs) == expected)
    }

    @Test(arguments: ["score >", "score = 3", "(score > 3", "\"open", "score > 3 4", "and"])
    func malformedExpressionsSayWhy(_ text: String) {
        #expect(throws: FlowConditionExpression.Malformed.self) { try FlowConditionExpression(parsing: text) }
    }
}
