import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// One thing an agent's model can ask for: a function of an action group's function
/// schema or an operation of its OpenAPI schema, offered to the model as a tool, and how
/// the call is carried out (a Lambda function, or handed back to the caller).
struct AgentAction: Sendable {
    enum Executor: Sendable, Equatable {
        case lambda(String)
        case returnControl
    }

    var group: String
    var executor: Executor
    /// The function asked (function schemas).
    var function: String?
    /// The API operation asked (OpenAPI schemas).
    var operation: OpenAPIOperation?
    var tool: ToolSpec

    /// The actions of one action group (the `AgentActionGroup` shape of either API): none
    /// for a built-in signature; a schema the object store cannot supply is a ValidationException.
    static func actions(of group: ShapeValue, objects: ObjectStore) throws -> [AgentAction] {
        let name = group["actionGroupName"]?.stringValue ?? ""
        let executorValue = group["actionGroupExecutor"]
        let executor: Executor
        if let lambda = executorValue?["lambda"]?.stringValue {
            executor = .lambda(lambda)
        } else if executorValue?["customControl"] != nil {
            executor = .returnControl
        } else {
            return []
        }
        if let functions = group["functionSchema"]?["functions"]?.listValue {
            return functions.compactMap { function in
                guard let functionName = function["name"]?.stringValue else { return nil }
                return AgentAction(
                    group: name, executor: executor, function: functionName, operation: nil,
                    tool: ToolSpec(
                        name: functionName, description: function["description"]?.stringValue ?? "",
                        inputSchema: schema(of: function["parameters"]?.mapValue ?? [:])))
            }
        }
        guard let apiSchema = group["apiSchema"] else { return [] }
        let text = try schemaText(apiSchema, group: name, objects: objects)
        if let problem = OpenAPIDocument.problem(in: text) {
            throw BedrockError.validation("The apiSchema of action group \(name) is not a valid OpenAPI schema: \(problem).")
        }
        return OpenAPIDocument.operations(in: text).map { operation in
            AgentAction(
                group: name, executor: executor, function: nil, operation: operation,
                tool: ToolSpec(name: toolName(for: operation), description: operation.description, inputSchema: operation.inputSchema))
        }
    }

    /// An API schema's document: inline, or read from the local object store.
    static func schemaText(_ schema: ShapeValue, group: String, objects: ObjectStore) throws -> String {
        if let payload = schema["payload"]?.stringValue { return payload }
        let uri = "s3://\(schema["s3"]?["s3BucketName"]?.stringValue ?? "")/\(schema["s3"]?["s3ObjectKey"]?.stringValue ?? "")"
        guard let data = try? objects.read(uri) else {
            throw BedrockError.validation("The OpenAPI schema of action group \(group) at \(uri) is not in the emulator's object store. Upload it first.")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A function schema's parameters as a JSON schema object.
    static func schema(of parameters: [String: ShapeValue]) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for (name, detail) in parameters {
            let type = detail["type"]?.stringValue ?? "string"
            var property: [String: JSONValue] = ["type": .string(type)]
            if type == "array" { property["items"] = ["type": "string"] }
            if let description = detail["description"]?.stringValue { property["description"] = .string(description) }
            properties[name] = .object(property)
        }
        let required = parameters.filter { $0.value["required"]?.boolValue == true }.keys.sorted().map(JSONValue.string)
        return ["type": "object", "properties": .object(properties), "required": .array(required)]
    }

    /// A tool name for an API operation: its operationId, else its method and path words
    /// (`GET /orders/{orderId}` -> `get_orders_orderId`), in the characters tool names allow.
    static func toolName(for operation: OpenAPIOperation) -> String {
        let raw = operation.operationId ?? ([operation.method.lowercased()] + operation.path.split(separator: "/").map(String.init)).joined(separator: "_")
        let cleaned = String(raw.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" }.filter(\.isASCII))
        return String(cleaned.split(separator: "_", omittingEmptySubsequences: true).joined(separator: "_").prefix(64))
    }

    /// The actions of several groups, a tool name two groups share prefixed with its group's name.
    static func named(_ actions: [AgentAction]) -> [AgentAction] {
        var counts: [String: Int] = [:]
        for action in actions { counts[action.tool.name, default: 0] += 1 }
        return actions.map { action in
            guard counts[action.tool.name, default: 0] > 1 else { return action }
            var renamed = action
            renamed.tool.name = String("\(action.group)__\(action.tool.name)".prefix(64))
            return renamed
        }
    }
}
