/// What each `FlowNodeType` accepts, from the Bedrock user guide's node reference: its fixed
/// inputs and outputs with their types (nil type: any), whether it takes inputs of any name
/// (a prompt's variables, a condition's operands), and whether it needs a configuration.
public struct FlowNodeKind: Sendable {
    /// Fixed inputs, each required unless listed in `optionalInputs`.
    public var inputs: [(name: String, type: String?)]
    public var optionalInputs: Set<String> = []
    /// Whether inputs of any name are accepted (and none is required).
    public var freeInputs = false
    public var outputs: [(name: String, type: String?)]
    public var needsConfiguration = true

    /// The kind of a node type, or nil for a type the emulator does not know.
    public static func of(_ type: String) -> FlowNodeKind? { kinds[type] }

    /// The type a fixed input or output must have, if the kind fixes one.
    public func inputType(_ name: String) -> String?? { inputs.first { $0.name == name }.map(\.type) }
    public func outputType(_ name: String) -> String?? { outputs.first { $0.name == name }.map(\.type) }

    static let kinds: [String: FlowNodeKind] = [
        "Input": FlowNodeKind(inputs: [], outputs: [("document", nil)], needsConfiguration: false),
        "Output": FlowNodeKind(inputs: [("document", nil)], outputs: [], needsConfiguration: false),
        "Condition": FlowNodeKind(inputs: [], freeInputs: true, outputs: []),
        "Prompt": FlowNodeKind(inputs: [], freeInputs: true, outputs: [("modelCompletion", "String")]),
        "KnowledgeBase": FlowNodeKind(inputs: [("retrievalQuery", "String")], outputs: [("retrievalResults", "Array"), ("outputText", "String")]),
        "LambdaFunction": FlowNodeKind(inputs: [], freeInputs: true, outputs: [("functionResponse", nil)]),
        "InlineCode": FlowNodeKind(inputs: [], freeInputs: true, outputs: [("response", nil)]),
        "Lex": FlowNodeKind(
            inputs: [("inputText", "String"), ("requestAttributes", "Object"), ("sessionAttributes", "Object")],
            optionalInputs: ["requestAttributes", "sessionAttributes"], outputs: [("predictedIntent", "String")]),
        "Agent": FlowNodeKind(
            inputs: [("agentInputText", "String"), ("promptAttributes", "Object"), ("sessionAttributes", "Object")],
            optionalInputs: ["promptAttributes", "sessionAttributes"], outputs: [("agentResponse", "String")]),
        "Storage": FlowNodeKind(inputs: [("content", nil), ("objectKey", "String")], outputs: [("s3Uri", "String")]),
        "Retrieval": FlowNodeKind(inputs: [("objectKey", "String")], outputs: [("s3Content", "String")]),
        "Iterator": FlowNodeKind(inputs: [("array", "Array")], outputs: [("arrayItem", nil), ("arraySize", "Number")], needsConfiguration: false),
        "Collector": FlowNodeKind(inputs: [("arrayItem", nil), ("arraySize", "Number")], outputs: [("collectedArray", "Array")], needsConfiguration: false),
    ]
}
