import BedrockAPI

/// Checks a flow definition the way ValidateFlowDefinition and PrepareFlow do, returning
/// every finding (not only the first) in a stable order: nodes, then connections, then
/// the graph as a whole.
public struct FlowValidator: Sendable {
    let definition: FlowDefinition

    public init(_ definition: FlowDefinition) {
        self.definition = definition
    }

    /// Every finding, errors and warnings.
    public func validations() -> [FlowValidation] {
        var found: [FlowValidation] = []
        if !definition.nodes.contains(where: { $0.type == "Input" }) {
            found.append(.init("MissingStartingNodes", "The flow has no Input node. Add one node of type Input: it is where InvokeFlow's inputs enter."))
        }
        if !definition.nodes.contains(where: { $0.type == "Output" }) {
            found.append(.init("MissingEndingNodes", "The flow has no Output node. Add at least one node of type Output to return the flow's result."))
        }
        for node in definition.nodes { found += nodeValidations(node) }
        found += connectionValidations()
        found += graphValidations()
        return found
    }

    /// Whether the definition has no finding of severity Error.
    public var isValid: Bool { !validations().contains { $0.severity == "Error" } }

    func nodeValidations(_ node: FlowDefinition.Node) -> [FlowValidation] {
        var found: [FlowValidation] = []
        let name = node.name
        guard let kind = FlowNodeKind.of(node.type) else {
            return [.init("Unspecified", "Node \(name) has type \(node.type), which the emulator does not run. Use Input, Output, Prompt, Condition, KnowledgeBase, LambdaFunction, Storage, Retrieval, Iterator, Collector, Agent, Lex or InlineCode.")]
        }
        if kind.needsConfiguration, node.settings == nil {
            found.append(.init(
                "MissingNodeConfiguration", "Node \(name) of type \(node.type) has no configuration. Add configuration.\(FlowDefinition.Node.configurationMember(node.type)).",
                details: ["node": .string(name)]))
        }
        for input in kind.inputs where !kind.optionalInputs.contains(input.name) && !node.inputs.contains(where: { $0.name == input.name }) {
            found.append(.init(
                "MissingNodeInput", "Node \(name) of type \(node.type) needs an input named \(input.name). Add it to the node's inputs.",
                details: ["node": .string(name), "input": .string(input.name)]))
        }
        let requiredOutputs = node.type == "KnowledgeBase" ? [] : kind.outputs.map(\.name)
        for output in requiredOutputs where !node.outputs.contains(where: { $0.name == output }) {
            found.append(.init(
                "MissingNodeOutput", "Node \(name) of type \(node.type) needs an output named \(output). Add it to the node's outputs.",
                details: ["node": .string(name), "output": .string(output)]))
        }
        for input in node.inputs {
            if !kind.freeInputs, kind.inputType(input.name) == nil {
                found.append(.init(
                    "UnknownNodeInput", "Node \(name) of type \(node.type) has no input named \(input.name). Its inputs are \(kind.inputs.map(\.name).joined(separator: ", ")).",
                    details: ["node": .string(name), "input": .string(input.name)]))
            } else if let expected = kind.inputType(input.name) ?? nil, input.type != expected {
                found.append(.init(
                    "MismatchedNodeInputType", "Input \(input.name) of node \(name) has type \(input.type), but a \(node.type) node reads it as \(expected). Set its type to \(expected).",
                    details: ["node": .string(name), "input": .string(input.name), "expectedType": .string(expected)]))
            }
            do {
                _ = try FlowInputExpression(parsing: input.expression)
            } catch {
                found.append(.init(
                    "MalformedNodeInputExpression", "The expression of input \(input.name) of node \(name) is malformed: \(error.cause)",
                    details: ["node": .string(name), "input": .string(input.name), "cause": .string(error.cause)]))
            }
        }
        for output in node.outputs {
            if kind.outputType(output.name) == nil {
                let known = kind.outputs.isEmpty ? "it has none" : "they are \(kind.outputs.map(\.name).joined(separator: ", "))"
                found.append(.init(
                    "UnknownNodeOutput", "Node \(name) of type \(node.type) has no output named \(output.name); \(known).",
                    details: ["node": .string(name), "output": .string(output.name)]))
            } else if let expected = kind.outputType(output.name) ?? nil, output.type != expected {
                found.append(.init(
                    "MismatchedNodeOutputType", "Output \(output.name) of node \(name) has type \(output.type), but a \(node.type) node produces \(expected). Set its type to \(expected).",
                    details: ["node": .string(name), "output": .string(output.name), "expectedType": .string(expected)]))
            }
        }
        if node.type == "Condition" { found += conditionValidations(node) }
        return found
    }

    func conditionValidations(_ node: FlowDefinition.Node) -> [FlowValidation] {
        var found: [FlowValidation] = []
        let conditions = node.settings?["conditions"]?.listValue ?? []
        if !conditions.contains(where: { $0["name"]?.stringValue == "default" && $0["expression"] == nil }) {
            found.append(.init(
                "MissingDefaultCondition", "Condition node \(node.name) has no default condition. Add a condition named default with no expression: it is taken when no other holds.",
                details: ["node": .string(node.name)]))
        }
        var seen: Set<String> = []
        let inputs = Set(node.inputs.map(\.name))
        for condition in conditions {
            guard let text = condition["expression"]?.stringValue else { continue }
            let conditionName = condition["name"]?.stringValue ?? ""
            if !seen.insert(text).inserted {
                found.append(.init(
                    "DuplicateConditionExpression", "Condition node \(node.name) has the expression \(text) more than once. Give each condition its own expression.",
                    details: ["node": .string(node.name), "expression": .string(text)]))
            }
            var cause: String?
            do {
                let parsed = try FlowConditionExpression(parsing: text)
                if let unknown = parsed.variables.first(where: { !inputs.contains($0) }) {
                    cause = "\(unknown) is not an input of node \(node.name); name one of its inputs (\(node.inputs.map(\.name).joined(separator: ", ")))."
                }
            } catch {
                cause = error.cause
            }
            if let cause {
                found.append(.init(
                    "MalformedConditionExpression", "The expression of condition \(conditionName) of node \(node.name) is malformed: \(cause)",
                    details: ["node": .string(node.name), "condition": .string(conditionName), "cause": .string(cause)]))
            }
        }
        return found
    }

    func connectionValidations() -> [FlowValidation] {
        var found: [FlowValidation] = []
        var seen: Set<String> = []
        for connection in definition.connections {
            let name = connection.name
            let detail: [String: ShapeValue] = ["connection": .string(name)]
            let source = definition.node(connection.source)
            let target = definition.node(connection.target)
            if source == nil {
                found.append(.init("UnknownConnectionSource", "Connection \(name) starts at node \(connection.source), which the flow does not have. Name an existing node as its source.", details: detail))
            }
            if target == nil {
                found.append(.init("UnknownConnectionTarget", "Connection \(name) ends at node \(connection.target), which the flow does not have. Name an existing node as its target.", details: detail))
            }
            guard connection.configured else {
                let member = connection.type == "Conditional" ? "conditional" : "data"
                found.append(.init("MissingConnectionConfiguration", "Connection \(name) of type \(connection.type) has no configuration.\(member). Add it.", details: detail))
                continue
            }
            if connection.type == "Conditional" {
                let conditions = source?.settings?["conditions"]?.listValue ?? []
                if let source, !conditions.contains(where: { $0["name"]?.stringValue == connection.condition }) {
                    found.append(.init(
                        "UnknownConnectionCondition",
                        "Connection \(name) names the condition \(connection.condition ?? ""), which node \(source.name) does not have. Name one of its conditions.", details: detail))
                }
                continue
            }
            let key = [connection.source, connection.sourceOutput ?? "", connection.target, connection.targetInput ?? ""].joined(separator: "\u{1}")
            if !seen.insert(key).inserted {
                found.append(.init(
                    "DuplicateConnections", "More than one connection joins \(connection.source) to \(connection.target) the same way. Remove the extra ones.",
                    details: ["source": .string(connection.source), "target": .string(connection.target)]))
            }
            let output = source?.outputs.first { $0.name == connection.sourceOutput }
            let input = target?.inputs.first { $0.name == connection.targetInput }
            if let source, output == nil {
                found.append(.init(
                    "UnknownConnectionSourceOutput", "Connection \(name) reads output \(connection.sourceOutput ?? "") of node \(source.name), which has no such output.", details: detail))
            }
            if let target, input == nil {
                found.append(.init(
                    "UnknownConnectionTargetInput", "Connection \(name) feeds input \(connection.targetInput ?? "") of node \(target.name), which has no such input.", details: detail))
            }
            if let output, let input, Self.incompatible(output.type, input) {
                found.append(.init(
                    "IncompatibleConnectionDataType",
                    "Connection \(name) carries \(output.type) data into input \(input.name) of type \(input.type). Make the types agree or pick a member with the input's expression.",
                    details: detail))
            }
        }
        return found
    }

    /// Data of one type reaches an input of another only through an expression that picks
    /// into it (an Object's member); numbers, booleans and objects may still become strings.
    static func incompatible(_ output: String, _ input: FlowDefinition.Input) -> Bool {
        guard output != input.type, input.expression == "$.data", !output.isEmpty, !input.type.isEmpty else { return false }
        return input.type != "String"
    }

    func graphValidations() -> [FlowValidation] {
        var found: [FlowValidation] = []
        let data = definition.connections.filter { $0.type == "Data" && $0.configured }
        var feeds: [String: [String]] = [:]
        for connection in data { feeds[[connection.target, connection.targetInput ?? ""].joined(separator: "\u{1}"), default: []].append(connection.name) }
        for node in definition.nodes {
            for input in node.inputs {
                let count = feeds[[node.name, input.name].joined(separator: "\u{1}")]?.count ?? 0
                if count == 0, !(FlowNodeKind.of(node.type)?.optionalInputs.contains(input.name) ?? false) {
                    found.append(.init(
                        "UnfulfilledNodeInput", "Input \(input.name) of node \(node.name) is not fed by any connection. Connect a node's output to it.",
                        details: ["node": .string(node.name), "input": .string(input.name)]))
                } else if count > 1 {
                    found.append(.init(
                        "MultipleNodeInputConnections", "Input \(input.name) of node \(node.name) is fed by \(count) connections. Keep one, or give each source its own Output node.",
                        details: ["node": .string(node.name), "input": .string(input.name)]))
                }
            }
        }
        found += cycles()
        let reachable = reached()
        for node in definition.nodes where node.type != "Input" && !reachable.contains(node.name) {
            found.append(.init(
                "UnreachableNode", severity: "Warning", "Node \(node.name) cannot be reached from the Input node. Connect it or remove it.",
                details: ["node": .string(node.name)]))
        }
        return found
    }

    /// The connections that close a cycle, found by a depth-first walk from each node in order.
    func cycles() -> [FlowValidation] {
        var state: [String: Int] = [:]  // 1: on the path, 2: done
        var closing: [String] = []
        func visit(_ node: String) {
            state[node] = 1
            for connection in definition.outgoing(node) where definition.node(connection.target) != nil {
                switch state[connection.target] {
                case 1: if !closing.contains(connection.name) { closing.append(connection.name) }
                case nil: visit(connection.target)
                default: break
                }
            }
            state[node] = 2
        }
        for node in definition.nodes where state[node.name] == nil { visit(node.name) }
        return closing.map {
            .init("CyclicConnection", "Connection \($0) closes a cycle; flows run without cycles. Remove it, or use an Iterator and a Collector to repeat work.",
                  details: ["connection": .string($0)])
        }
    }

    /// The nodes some Input node reaches.
    func reached() -> Set<String> {
        var seen = Set(definition.nodes.filter { $0.type == "Input" }.map(\.name))
        var queue = Array(seen)
        while let node = queue.popLast() {
            for connection in definition.outgoing(node) where seen.insert(connection.target).inserted { queue.append(connection.target) }
        }
        return seen
    }
}
