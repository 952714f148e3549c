import BedrockAPI
@testable import EmulatorCore
import Testing

@Suite struct FlowValidatorTests {
    typealias F = FlowFixtures

    /// A change to the valid flow and the finding it must bring.
    struct Case: Sendable, CustomStringConvertible {
        var expected: String
        var severity = "Error"
        var change: @Sendable (inout [ShapeValue], inout [ShapeValue]) -> Void
        var description: String { expected }
    }

    static func replace(_ nodes: inout [ShapeValue], _ name: String, with node: ShapeValue) {
        nodes = nodes.map { $0["name"]?.stringValue == name ? node : $0 }
    }

    static let cases: [Case] = [
        Case(expected: "MissingStartingNodes") { nodes, connections in
            nodes.removeFirst()
            connections.removeAll { $0["source"] == "Start" }
        },
        Case(expected: "MissingEndingNodes") { nodes, connections in
            nodes.removeAll { $0["type"] == "Output" }
            connections.removeAll { ["Weather", "Other"].contains($0["target"]?.stringValue ?? "") }
        },
        Case(expected: "MissingNodeConfiguration") { nodes, _ in
            replace(&nodes, "Ask", with: F.node("Ask", "Prompt", inputs: [F.io("topic", "String")], outputs: [F.io("modelCompletion", "String", nil)]))
        },
        Case(expected: "MissingNodeInput") { nodes, connections in
            replace(&nodes, "Other", with: F.node("Other", "Output", config: ["output": [:]]))
            connections.removeAll { $0["name"] == "Ask_Other" }
        },
        Case(expected: "MissingNodeOutput") { nodes, _ in replace(&nodes, "Start", with: F.node("Start", "Input", config: ["input": [:]])) },
        Case(expected: "UnknownNodeInput") { nodes, _ in
            replace(&nodes, "Other", with: F.node("Other", "Output", config: ["output": [:]], inputs: [F.io("document", "String"), F.io("extra", "String")]))
        },
        Case(expected: "UnknownNodeOutput") { nodes, _ in
            replace(&nodes, "Ask", with: F.node("Ask", "Prompt", config: F.prompt["configuration"], inputs: [F.io("topic", "String")],
                                                outputs: [F.io("modelCompletion", "String", nil), F.io("summary", "String", nil)]))
        },
        Case(expected: "MismatchedNodeInputType") { nodes, connections in
            nodes.append(F.node("Loop", "Iterator", inputs: [F.io("array", "String")], outputs: [F.io("arrayItem", "String", nil), F.io("arraySize", "Number", nil)]))
            connections.append(F.data("Start", "document", "Loop", "array"))
        },
        Case(expected: "MismatchedNodeOutputType") { nodes, _ in
            replace(&nodes, "Ask", with: F.node("Ask", "Prompt", config: F.prompt["configuration"], inputs: [F.io("topic", "String")], outputs: [F.io("modelCompletion", "Number", nil)]))
        },
        Case(expected: "MalformedNodeInputExpression") { nodes, _ in
            replace(&nodes, "Ask", with: F.node("Ask", "Prompt", config: F.prompt["configuration"], inputs: [F.io("topic", "String", "data.topic")], outputs: [F.io("modelCompletion", "String", nil)]))
        },
        Case(expected: "MissingDefaultCondition") { nodes, connections in
            replace(&nodes, "Route", with: F.node("Route", "Condition", config: ["condition": ["conditions": [["name": "isWeather", "expression": "topic == \"weather\""]]]], inputs: [F.io("topic", "String")]))
            connections.removeAll { $0["configuration"]?["conditional"]?["condition"] == "default" }
        },
        Case(expected: "MalformedConditionExpression") { nodes, _ in
            replace(&nodes, "Route", with: F.node("Route", "Condition", config: ["condition": ["conditions": [["name": "isWeather", "expression": "topic === 'weather'"], ["name": "default"]]]], inputs: [F.io("topic", "String")]))
        },
        Case(expected: "DuplicateConditionExpression") { nodes, _ in
            replace(&nodes, "Route", with: F.node("Route", "Condition", config: ["condition": ["conditions": [
                ["name": "isWeather", "expression": "topic == \"weather\""], ["name": "again", "expression": "topic == \"weather\""], ["name": "default"],
            ]]], inputs: [F.io("topic", "String")]))
        },
        Case(expected: "UnknownConnectionSource") { _, connections in connections.append(F.data("Nowhere", "document", "Other", "document")) },
        Case(expected: "UnknownConnectionTarget") { _, connections in connections.append(F.data("Start", "document", "Nowhere", "document")) },
        Case(expected: "UnknownConnectionSourceOutput") { _, connections in connections.append(F.data("Ask", "summary", "Other", "document", name: "bad")) },
        Case(expected: "UnknownConnectionTargetInput") { _, connections in connections.append(F.data("Start", "document", "Ask", "mood")) },
        Case(expected: "UnknownConnectionCondition") { _, connections in connections.append(F.conditional("Route", "isSunny", "Other")) },
        Case(expected: "MissingConnectionConfiguration") { _, connections in
            connections.append(["name": "bare", "type": "Data", "source": "Start", "target": "Other"])
        },
        Case(expected: "DuplicateConnections") { _, connections in connections.append(F.data("Start", "document", "Ask", "topic", name: "again")) },
        Case(expected: "IncompatibleConnectionDataType") { nodes, connections in
            nodes.append(F.node("Loop", "Iterator", inputs: [F.io("array", "Array")], outputs: [F.io("arrayItem", "String", nil), F.io("arraySize", "Number", nil)]))
            connections.append(F.data("Start", "document", "Loop", "array"))
        },
        Case(expected: "MultipleNodeInputConnections") { _, connections in connections.append(F.data("Start", "document", "Other", "document")) },
        Case(expected: "UnfulfilledNodeInput") { _, connections in connections.removeAll { $0["name"] == "Ask_Other" } },
        Case(expected: "CyclicConnection") { nodes, connections in
            replace(&nodes, "Ask", with: F.node("Ask", "Prompt", config: F.prompt["configuration"], inputs: [F.io("topic", "String"), F.io("previous", "String")], outputs: [F.io("modelCompletion", "String", nil)]))
            connections.append(F.data("Ask", "modelCompletion", "Ask", "previous"))
        },
        Case(expected: "UnreachableNode", severity: "Warning") { nodes, connections in
            nodes.append(F.output("Orphan"))
            nodes.append(F.node("Side", "Prompt", config: F.prompt["configuration"], outputs: [F.io("modelCompletion", "String", nil)]))
            connections.append(F.data("Side", "modelCompletion", "Orphan", "document"))
        },
        Case(expected: "Unspecified") { nodes, _ in nodes.append(F.node("Odd", "Teleport", config: ["teleport": [:]])) },
    ]

    @Test func theValidFlowHasNoFinding() {
        let flow = F.valid
        #expect(FlowValidator(FlowDefinition(F.definition(flow.nodes, flow.connections))).validations() == [])
    }

    @Test(arguments: cases) func eachMistakeIsReportedWithItsDetails(_ testCase: Case) throws {
        var (nodes, connections) = F.valid
        testCase.change(&nodes, &connections)
        let found = FlowValidator(FlowDefinition(F.definition(nodes, connections))).validations()
        let finding = try #require(found.first { $0.type == testCase.expected }, "found \(found.map(\.type))")
        #expect(finding.severity == testCase.severity)
        #expect(!finding.message.isEmpty)
        let member = testCase.expected.prefix(1).lowercased() + testCase.expected.dropFirst()
        #expect(finding.value["details"]?[member] != nil)
        #expect(FlowValidator(FlowDefinition(F.definition(nodes, connections))).isValid == (testCase.severity == "Warning"))
    }

    @Test func anEmptyDefinitionMissesItsStartAndEnd() {
        #expect(FlowValidator(FlowDefinition(nil)).validations().map(\.type) == ["MissingStartingNodes", "MissingEndingNodes"])
    }
}
