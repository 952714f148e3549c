import BedrockAPI

/// Cohere's tool and document shapes: `parameter_definitions` become a JSON schema the
/// generator fills, `tool_results` pair a call with its outputs, and documents read as text.
enum CohereTools {
    /// Cohere's Python-style type names and their JSON schema types.
    static let types: [String: String] = [
        "str": "string", "string": "string", "int": "integer", "integer": "integer", "float": "number", "number": "number",
        "bool": "boolean", "boolean": "boolean", "list": "array", "dict": "object", "object": "object",
    ]

    static func spec(_ tool: inout NativeBody) -> ToolSpec {
        tool.require("name", "description")
        var properties: [String: JSONValue] = [:]
        var required: [JSONValue] = []
        let definitions = tool["parameter_definitions"]?.objectValue ?? [:]
        for (name, definition) in definitions.sorted(by: { $0.key < $1.key }) {
            let type = definition["type"]?.stringValue ?? "str"
            // `List[str]` and the like are lists.
            let schemaType = types[type] ?? (type.hasPrefix("List") || type.hasPrefix("list") ? "array" : "string")
            properties[name] = ["type": .string(schemaType), "description": definition["description"] ?? ""]
            if definition["required"]?.boolValue == true { required.append(.string(name)) }
        }
        let schema: JSONValue = ["type": "object", "properties": .object(properties), "required": .array(required)]
        return ToolSpec(name: tool.string("name") ?? "", description: tool.string("description") ?? "", inputSchema: schema)
    }

    static func result(_ entry: inout NativeBody) -> (name: String, parameters: JSONValue, outputs: JSONValue) {
        entry.require("call", "outputs")
        let call = entry.object("call") { call in (call.string("name") ?? "", call["parameters"] ?? [:]) } ?? ("", [:])
        return (call.0, call.1, .array(entry.array("outputs") ?? []))
    }

    /// A document object as `key: value` lines, keys sorted so the text is stable.
    static func documentText(_ fields: [String: JSONValue]) -> String {
        JSONValue.object(fields).documentText
    }
}
