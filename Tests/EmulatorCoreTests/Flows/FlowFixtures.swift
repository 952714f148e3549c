import BedrockAPI
@testable import EmulatorCore

/// Small builders for flow definitions in tests, in the `FlowDefinition` shape boto3 sends.
enum FlowFixtures {
    static func io(_ name: String, _ type: String, _ expression: String? = "$.data") -> ShapeValue {
        var value: [String: ShapeValue] = ["name": .string(name), "type": .string(type)]
        value["expression"] = expression.map(ShapeValue.string)
        return .map(value)
    }

    static func node(_ name: String, _ type: String, config: ShapeValue? = nil, inputs: [ShapeValue] = [], outputs: [ShapeValue] = []) -> ShapeValue {
        var value: [String: ShapeValue] = ["name": .string(name), "type": .string(type), "inputs": .list(inputs), "outputs": .list(outputs)]
        value["configuration"] = config
        return .map(value)
    }

    static func data(_ source: String, _ output: String, _ target: String, _ input: String, name: String? = nil) -> ShapeValue {
        [
            "name": .string(name ?? "\(source)_\(target)_\(input)"), "type": "Data", "source": .string(source), "target": .string(target),
            "configuration": ["data": ["sourceOutput": .string(output), "targetInput": .string(input)]],
        ]
    }

    static func conditional(_ source: String, _ condition: String, _ target: String) -> ShapeValue {
        [
            "name": .string("\(source)_\(condition)_\(target)"), "type": "Conditional", "source": .string(source), "target": .string(target),
            "configuration": ["conditional": ["condition": .string(condition)]],
        ]
    }

    static let input = node("Start", "Input", config: ["input": [:]], outputs: [io("document", "String", nil)])

    static func output(_ name: String) -> ShapeValue {
        node(name, "Output", config: ["output": [:]], inputs: [io("document", "String")])
    }

    static let prompt = node(
        "Ask", "Prompt",
        config: ["prompt": ["sourceConfiguration": ["inline": [
            "modelId": "amazon.nova-micro-v1:0", "templateType": "TEXT", "templateConfiguration": ["text": ["text": "Tell me about {{topic}}"]],
        ]]]],
        inputs: [io("topic", "String")], outputs: [io("modelCompletion", "String", nil)])

    static let condition = node(
        "Route", "Condition",
        config: ["condition": ["conditions": [["name": "isWeather", "expression": "topic == \"weather\""], ["name": "default"]]]],
        inputs: [io("topic", "String")])

    /// Input -> Prompt -> two Outputs, routed by a Condition on the input.
    static var valid: (nodes: [ShapeValue], connections: [ShapeValue]) {
        (
            [input, prompt, condition, output("Weather"), output("Other")],
            [
                data("Start", "document", "Ask", "topic"), data("Start", "document", "Route", "topic"),
                data("Ask", "modelCompletion", "Weather", "document"), data("Ask", "modelCompletion", "Other", "document", name: "Ask_Other"),
                conditional("Route", "isWeather", "Weather"), conditional("Route", "default", "Other"),
            ]
        )
    }

    static func definition(_ nodes: [ShapeValue], _ connections: [ShapeValue]) -> ShapeValue {
        ["nodes": .list(nodes), "connections": .list(connections)]
    }
}
