import BedrockAPI

/// A flow's definition (`FlowDefinition` of `bedrock-agent`) read into nodes and
/// connections, for the validator and the engine. Members the definition leaves out read
/// as empty, so a half-written definition can still be validated.
public struct FlowDefinition: Sendable, Equatable {
    /// One node: its name, `FlowNodeType`, configuration union and declared inputs and outputs.
    public struct Node: Sendable, Equatable {
        public var name: String
        public var type: String
        /// The `FlowNodeConfiguration` union as given (`{"prompt": {...}}`).
        public var configuration: ShapeValue?
        public var inputs: [Input]
        public var outputs: [Output]

        /// The configuration of the node's own type (`configuration.prompt` of a Prompt node).
        public var settings: ShapeValue? { configuration?[Self.configurationMember(type)] }

        /// The member of `FlowNodeConfiguration` a node type is configured by (`LambdaFunction` -> `lambdaFunction`).
        public static func configurationMember(_ type: String) -> String {
            type.prefix(1).lowercased() + type.dropFirst()
        }
    }

    /// A declared node input: where in the incoming data it reads (`expression`) and its type.
    public struct Input: Sendable, Equatable {
        public var name: String
        public var type: String
        public var expression: String
    }

    /// A declared node output and its type.
    public struct Output: Sendable, Equatable {
        public var name: String
        public var type: String
    }

    /// A connection: `Data` carries an output to an input, `Conditional` gates a target on a condition.
    public struct Connection: Sendable, Equatable {
        public var name: String
        public var type: String
        public var source: String
        public var target: String
        public var sourceOutput: String?
        public var targetInput: String?
        public var condition: String?
        /// Whether the configuration the connection's type needs is there.
        public var configured: Bool
    }

    public var nodes: [Node]
    public var connections: [Connection]

    /// Reads a `FlowDefinition` value.
    public init(_ value: ShapeValue?) {
        nodes = (value?["nodes"]?.listValue ?? []).map { node in
            Node(
                name: node["name"]?.stringValue ?? "", type: node["type"]?.stringValue ?? "", configuration: node["configuration"],
                inputs: (node["inputs"]?.listValue ?? []).map {
                    Input(name: $0["name"]?.stringValue ?? "", type: $0["type"]?.stringValue ?? "", expression: $0["expression"]?.stringValue ?? "")
                },
                outputs: (node["outputs"]?.listValue ?? []).map { Output(name: $0["name"]?.stringValue ?? "", type: $0["type"]?.stringValue ?? "") })
        }
        connections = (value?["connections"]?.listValue ?? []).map { connection in
            let type = connection["type"]?.stringValue ?? ""
            let data = connection["configuration"]?["data"]
            let conditional = connection["configuration"]?["conditional"]
            return Connection(
                name: connection["name"]?.stringValue ?? "", type: type, source: connection["source"]?.stringValue ?? "",
                target: connection["target"]?.stringValue ?? "", sourceOutput: data?["sourceOutput"]?.stringValue,
                targetInput: data?["targetInput"]?.stringValue, condition: conditional?["condition"]?.stringValue,
                configured: type == "Conditional" ? conditional != nil : data != nil)
        }
    }

    /// The node named `name`.
    public func node(_ name: String) -> Node? { nodes.first { $0.name == name } }

    /// The connections leaving `node`.
    public func outgoing(_ node: String) -> [Connection] { connections.filter { $0.source == node } }

    /// The connections arriving at `node`.
    public func incoming(_ node: String) -> [Connection] { connections.filter { $0.target == node } }
}
