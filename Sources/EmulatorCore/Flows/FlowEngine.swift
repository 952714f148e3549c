import BedrockAPI
import Foundation

/// Runs a flow definition on the inputs InvokeFlow or StartFlowExecution give: data moves
/// along Data connections, a node runs once every input fed by a connection has arrived
/// (and, when Conditional connections lead to it, once one of them was chosen), an Iterator
/// runs what follows it once per item until a Collector gathers the results. Nodes run in
/// definition order whenever several are ready, so a run is deterministic.
public struct FlowEngine: Sendable {
    /// One value given to an Input node (`FlowInput`).
    public struct Input: Sendable {
        public var node: String
        public var output: String
        public var document: ShapeValue

        public init(node: String, output: String, document: ShapeValue) {
            self.node = node
            self.output = output
            self.document = document
        }
    }

    /// What a run did, in order, and whether it ended in a node's failure.
    public struct Run: Sendable {
        public var steps: [FlowStep.Timed]
        public var failure: (node: String, error: any Error)?

        /// The documents the Output nodes returned, in order.
        public var outputs: [(node: String, document: ShapeValue)] {
            steps.compactMap { timed -> (node: String, document: ShapeValue)? in
                guard case .output(let node, let document) = timed.step else { return nil }
                return (node, document)
            }
        }
    }

    let definition: FlowDefinition
    let runner: any FlowNodeRunner
    let clock: any EmulatorClock

    public init(definition: FlowDefinition, runner: any FlowNodeRunner, clock: any EmulatorClock) {
        self.definition = definition
        self.runner = runner
        self.clock = clock
    }

    /// Checks the inputs against the definition's Input nodes: each names an Input node and
    /// its output, with a document of the declared type.
    public func check(_ inputs: [Input]) throws(BedrockError) {
        guard !inputs.isEmpty else { throw .validation("inputs must hold one value for the flow's Input node.") }
        for input in inputs {
            guard let node = definition.node(input.node), node.type == "Input" else {
                let names = definition.nodes.filter { $0.type == "Input" }.map(\.name).joined(separator: ", ")
                throw .validation("The flow has no Input node named \(input.node). Its Input node is \(names).")
            }
            guard let output = node.outputs.first(where: { $0.name == input.output }) else {
                throw .validation("Input node \(node.name) has no output named \(input.output). Set nodeOutputName to \(node.outputs.first?.name ?? "document").")
            }
            if !Self.matches(input.document, output.type) {
                throw .validation("The input for node \(node.name) must be of type \(output.type), as its output \(output.name) declares.")
            }
        }
    }

    /// Whether a value has a `FlowNodeIODataType`.
    static func matches(_ value: ShapeValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("String", .string), ("Number", .integer), ("Number", .double), ("Boolean", .bool), ("Object", .map), ("Array", .list): true
        case ("String", _), ("Number", _), ("Boolean", _), ("Object", _), ("Array", _): false
        default: true
        }
    }

    /// Runs the flow to its end (or its first failing node).
    public func run(_ inputs: [Input]) async -> Run {
        var context = Context()
        var frame = Frame()
        do {
            for input in inputs {
                guard let node = definition.node(input.node) else { continue }
                frame.done.insert(node.name)
                let type = node.outputs.first { $0.name == input.output }?.type
                record(.nodeOutput(node: node.name, fields: [.init(name: input.output, type: type, content: input.document)]), in: &context)
                deliver(from: node, [input.output: input.document], into: &frame)
            }
            try await drain(&frame, &context)
        } catch {
            let message = (error as? BedrockError)?.message ?? "\(error)"
            record(.failure(node: context.current ?? "", code: Self.code(of: error), message: message), in: &context)
            return Run(steps: context.steps, failure: (context.current ?? "", error))
        }
        return Run(steps: context.steps, failure: nil)
    }

    /// The `NodeErrorCode` a node's failure is reported with.
    static func code(of error: any Error) -> String {
        guard let error = error as? BedrockError else { return "INTERNAL_SERVER" }
        switch error.status {
        case 400..<500: return error.code == "ValidationException" ? "VALIDATION" : "DEPENDENCY_FAILED"
        case 502: return "BAD_GATEWAY"
        default: return "INTERNAL_SERVER"
        }
    }

    struct Context {
        var steps: [FlowStep.Timed] = []
        var current: String?
    }

    /// What has arrived where, in the run or in one iteration of an Iterator.
    struct Frame {
        var arrived: [String: [String: ShapeValue]] = [:]
        var chosen: Set<String> = []
        var done: Set<String> = []
        /// Items that reached Collectors during an iteration.
        var collected: [String: [ShapeValue]] = [:]
        var depth = 0
    }

    func record(_ step: FlowStep, in context: inout Context) {
        context.steps.append(.init(step: step, time: clock.now()))
    }

    func drain(_ frame: inout Frame, _ context: inout Context) async throws {
        while let node = definition.nodes.first(where: { ready($0, frame) }) {
            try await execute(node, &frame, &context)
        }
    }

    func ready(_ node: FlowDefinition.Node, _ frame: Frame) -> Bool {
        guard !frame.done.contains(node.name), node.type != "Input" else { return false }
        if node.type == "Collector", frame.depth > 0 { return false }
        let incoming = definition.incoming(node.name)
        let fed = Set(incoming.filter { $0.type == "Data" }.compactMap(\.targetInput))
        let arrived = frame.arrived[node.name] ?? [:]
        guard !fed.isEmpty || incoming.contains(where: { $0.type == "Conditional" }) else { return false }
        guard fed.allSatisfy({ arrived[$0] != nil }) else { return false }
        return !incoming.contains { $0.type == "Conditional" } || frame.chosen.contains(node.name)
    }

    func deliver(from node: FlowDefinition.Node, _ outputs: [String: ShapeValue], into frame: inout Frame) {
        for connection in definition.outgoing(node.name) where connection.type == "Data" {
            guard let output = connection.sourceOutput, let value = outputs[output], let input = connection.targetInput else { continue }
            if frame.depth > 0, input == "arrayItem", definition.node(connection.target)?.type == "Collector" {
                frame.collected[connection.target, default: []].append(value)
            } else {
                frame.arrived[connection.target, default: [:]][input] = value
            }
        }
    }

    func execute(_ node: FlowDefinition.Node, _ frame: inout Frame, _ context: inout Context) async throws {
        frame.done.insert(node.name)
        context.current = node.name
        var values: [String: ShapeValue] = [:]
        for (name, data) in frame.arrived[node.name] ?? [:] {
            let expression = node.inputs.first { $0.name == name }?.expression ?? "$.data"
            values[name] = (try? FlowInputExpression(parsing: expression))?.select(from: data) ?? data
        }
        let inputFields = node.inputs.compactMap { input in values[input.name].map { FlowStep.Field(name: input.name, type: input.type, content: $0) } }
        record(.nodeInput(node: node.name, fields: inputFields), in: &context)
        var outputs: [String: ShapeValue] = [:]
        switch node.type {
        case "Output":
            record(.output(node: node.name, document: values["document"] ?? .null), in: &context)
        case "Condition":
            let chosen = condition(node, values)
            record(.condition(node: node.name, satisfied: [chosen]), in: &context)
            for connection in definition.outgoing(node.name) where connection.type == "Conditional" && connection.condition == chosen {
                frame.chosen.insert(connection.target)
            }
        case "Iterator":
            try await iterate(node, values["array"] ?? .null, &frame, &context)
            return
        case "Collector":
            outputs[node.outputs.first?.name ?? "collectedArray"] = values["arrayItem"] ?? .list([])
        default:
            let result = try await runner.run(node, inputs: values)
            if let action = result.action { record(.action(node: node.name, action), in: &context) }
            outputs = result.outputs
        }
        if !outputs.isEmpty { record(.nodeOutput(node: node.name, fields: fields(of: node, outputs)), in: &context) }
        deliver(from: node, outputs, into: &frame)
    }

    func fields(of node: FlowDefinition.Node, _ outputs: [String: ShapeValue]) -> [FlowStep.Field] {
        outputs.keys.sorted().map { name in FlowStep.Field(name: name, type: node.outputs.first { $0.name == name }?.type, content: outputs[name] ?? .null) }
    }

    /// The first condition whose expression holds, in the order given; else `default`.
    func condition(_ node: FlowDefinition.Node, _ values: [String: ShapeValue]) -> String {
        for condition in node.settings?["conditions"]?.listValue ?? [] {
            guard let text = condition["expression"]?.stringValue, let name = condition["name"]?.stringValue else { continue }
            if (try? FlowConditionExpression(parsing: text))?.holds(values) == true { return name }
        }
        return "default"
    }

    /// Runs what follows an Iterator once per item, each in its own copy of the run, then
    /// hands the Collectors what they gathered and sends `arraySize` on.
    func iterate(_ node: FlowDefinition.Node, _ array: ShapeValue, _ frame: inout Frame, _ context: inout Context) async throws {
        let items = array.listValue ?? [array]
        let size = ShapeValue.integer(Int64(items.count))
        var gathered: [String: [ShapeValue]] = [:]
        // Only what follows the iterator, up to its collectors, runs once per item.
        let loop = inside(node.name)
        let outside = Set(definition.nodes.map(\.name)).subtracting(loop)
        for item in items {
            var iteration = frame
            iteration.collected = [:]
            iteration.depth += 1
            iteration.done.formUnion(outside)
            let outputs: [String: ShapeValue] = ["arrayItem": item, "arraySize": size]
            record(.nodeOutput(node: node.name, fields: fields(of: node, outputs)), in: &context)
            deliver(from: node, outputs, into: &iteration)
            try await drain(&iteration, &context)
            context.current = node.name
            for (collector, values) in iteration.collected { gathered[collector, default: []] += values }
        }
        frame.done.formUnion(loop.filter { definition.node($0)?.type != "Collector" })
        let collectors = definition.outgoing(node.name).map(\.target).filter { definition.node($0)?.type == "Collector" } + gathered.keys
        for collector in collectors where frame.arrived[collector]?["arrayItem"] == nil {
            frame.arrived[collector, default: [:]]["arrayItem"] = .list(gathered[collector] ?? [])
        }
        deliver(from: node, ["arraySize": size], into: &frame)
    }

    /// The nodes an Iterator's items flow through: those it reaches, not going past a Collector.
    func inside(_ iterator: String) -> Set<String> {
        var seen: Set<String> = []
        var queue = [iterator]
        while let name = queue.popLast() {
            for connection in definition.outgoing(name) where seen.insert(connection.target).inserted {
                if definition.node(connection.target)?.type != "Collector" { queue.append(connection.target) }
            }
        }
        return seen
    }
}
