import BedrockAPI

extension ScenarioEngine {
    /// What a Lambda function returns to an agent's action group or a flow's Lambda node:
    /// the first `lambdas` entry that matches the call, its `{{name}}` placeholders filled
    /// from the call's parameters, then its session attributes; without one, a
    /// deterministic echo of the call.
    public func lambdaResult(_ call: LambdaCall) -> LambdaReply {
        let rules = scenario.lambdas
        guard let rule = rules.first(where: { $0.matches(call) }) else { return .body(Self.echo(call)) }
        guard case .body(let body) = rule.reply else { return rule.reply }
        let values = call.sessionAttributes.mapValues(JSONValue.string).merging(call.parameters) { _, parameter in parameter }
        return .body(Self.fill(body, parameters: values))
    }

    /// The answer without a matching entry: the function (or API operation) asked, its
    /// parameters, and the session's attributes when it has any.
    static func echo(_ call: LambdaCall) -> JSONValue {
        var echo: [String: JSONValue] = ["parameters": .object(call.parameters)]
        if !call.sessionAttributes.isEmpty { echo["sessionAttributes"] = .object(call.sessionAttributes.mapValues(JSONValue.string)) }
        if let function = call.function { echo["function"] = .string(function) }
        if let path = call.apiPath { echo["apiPath"] = .string(path) }
        if let method = call.httpMethod { echo["httpMethod"] = .string(method) }
        return .object(echo)
    }

    /// `body` with each `{{name}}` in its strings replaced by that parameter's value; an
    /// unknown name stays as written.
    static func fill(_ body: JSONValue, parameters: [String: JSONValue]) -> JSONValue {
        switch body {
        case .string(let text):
            guard text.contains("{{") else { return body }
            var filled = text
            for (name, value) in parameters {
                filled = filled.replacingOccurrences(of: "{{\(name)}}", with: value.stringValue ?? value.jsonText)
            }
            return .string(filled)
        case .array(let items): return .array(items.map { fill($0, parameters: parameters) })
        case .object(let members): return .object(members.mapValues { fill($0, parameters: parameters) })
        default: return body
        }
    }
}

extension LambdaRule {
    /// Whether the entry answers `call`: every condition it gives holds.
    func matches(_ call: LambdaCall) -> Bool {
        if !lambdas.isEmpty && !lambdas.contains(where: { $0.matches(call.functionArn) || $0.matches(call.functionName) }) { return false }
        if !functions.isEmpty && !functions.contains(where: { glob in call.function.map(glob.matches) ?? false }) { return false }
        if !apiPaths.isEmpty && !apiPaths.contains(where: { glob in call.apiPath.map(glob.matches) ?? false }) { return false }
        if !httpMethods.isEmpty && !httpMethods.contains(where: { glob in call.httpMethod.map { glob.matches($0.uppercased()) } ?? false }) { return false }
        return true
    }
}
