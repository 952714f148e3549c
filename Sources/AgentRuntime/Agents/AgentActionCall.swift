import BedrockAPI
import EmulatorCore
import FakeModels

/// One call the model asked an agent to make: the action, the tool use's id and its input,
/// in the shapes the trace, the return of control and the Lambda function each take.
struct AgentActionCall: Sendable {
    var action: AgentAction
    var toolUseId: String
    var input: JSONValue

    /// The input's value for `name` as the text Bedrock passes on (JSON for non-strings).
    func value(_ name: String) -> String? {
        input[name].map { $0.stringValue ?? $0.jsonText }
    }

    /// `[{name, type, value}]` for the parameters (not) in the request body, by name.
    func parameters(inBody: Bool) -> [ShapeValue] {
        if let operation = action.operation {
            return operation.parameters.filter { ($0.location == "body") == inBody }.compactMap { parameter -> ShapeValue? in
                guard let text = value(parameter.name) else { return nil }
                return ["name": .string(parameter.name), "type": .string(parameter.type), "value": .string(text)]
            }
        }
        guard !inBody else { return [] }
        let properties = action.tool.inputSchema["properties"]?.objectValue ?? [:]
        return (input.objectValue ?? [:]).keys.sorted().map { name -> ShapeValue in
            ["name": .string(name), "type": .string(properties[name]?["type"]?.stringValue ?? "string"), "value": .string(value(name) ?? "")]
        }
    }

    /// The body parameters under the operation's media type, each list shaped by `wrap`.
    func body(_ wrap: ([ShapeValue]) -> ShapeValue) -> ShapeValue? {
        guard let type = action.operation?.bodyContentType else { return nil }
        return ["content": .map([type: wrap(parameters(inBody: true))])]
    }

    /// The trace's `actionGroupInvocationInput`.
    func traceInput(invocationId: String?) -> ShapeValue {
        var value: [String: ShapeValue] = [
            "actionGroupName": .string(action.group), "parameters": .list(parameters(inBody: false)),
            "executionType": action.executor == .returnControl ? "RETURN_CONTROL" : "LAMBDA",
        ]
        value["function"] = action.function.map(ShapeValue.string)
        value["apiPath"] = action.operation.map { .string($0.path) }
        value["verb"] = action.operation.map { .string($0.method) }
        value["requestBody"] = body { .list($0) }
        value["invocationId"] = invocationId.map(ShapeValue.string)
        return .map(value)
    }

    /// The return-of-control event's invocation input (`functionInvocationInput` or `apiInvocationInput`).
    func returnControlInput(agentId: String?) -> ShapeValue {
        var value: [String: ShapeValue] = ["actionGroup": .string(action.group), "actionInvocationType": "RESULT", "parameters": .list(parameters(inBody: false))]
        value["agentId"] = agentId.map(ShapeValue.string)
        guard let operation = action.operation else {
            value["function"] = action.function.map(ShapeValue.string)
            return ["functionInvocationInput": .map(value)]
        }
        value["apiPath"] = .string(operation.path)
        value["httpMethod"] = .string(operation.method)
        value["requestBody"] = body { ["properties": .list($0)] }
        return ["apiInvocationInput": .map(value)]
    }

    /// The call as a scenario's `lambdas` entries see it, with the session's attributes.
    func lambdaCall(functionArn: String, sessionAttributes: [String: ShapeValue]) -> LambdaCall {
        LambdaCall(
            functionArn: functionArn, function: action.function, apiPath: action.operation?.path, httpMethod: action.operation?.method,
            parameters: input.objectValue ?? [:], sessionAttributes: sessionAttributes.compactMapValues(\.stringValue))
    }

    /// Whether a `returnControlInvocationResults` item answers this call (same group and function or path).
    func isAnswered(by result: ShapeValue) -> Bool {
        if let function = result["functionResult"] {
            return function["actionGroup"]?.stringValue == action.group && (function["function"]?.stringValue ?? action.function) == action.function
        }
        if let api = result["apiResult"], let operation = action.operation {
            return api["actionGroup"]?.stringValue == action.group && (api["apiPath"]?.stringValue ?? operation.path) == operation.path
        }
        return false
    }

    /// What a returned result says: its response body's text (every content type's
    /// `body`, joined), and whether it reports a failure.
    static func outcome(of result: ShapeValue) -> (text: String, failed: Bool) {
        let member = result["functionResult"] ?? result["apiResult"]
        let bodies = (member?["responseBody"]?.mapValue ?? [:]).sorted { $0.key < $1.key }.compactMap { $0.value["body"]?.stringValue }
        return (bodies.joined(separator: "\n"), member?["responseState"] == "FAILURE")
    }
}
