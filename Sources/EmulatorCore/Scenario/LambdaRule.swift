import BedrockAPI

/// One entry of a scenario's `lambdas`: which Lambda calls it answers (the function's ARN
/// or name, and optionally the agent function or API operation asked) and what they return.
public struct LambdaRule: Sendable {
    /// The Lambda function, by ARN or by name; empty: any.
    public var lambdas: [Glob] = []
    /// The function an agent's function schema asks for; empty: any.
    public var functions: [Glob] = []
    /// The API path an agent's OpenAPI schema asks for; empty: any.
    public var apiPaths: [Glob] = []
    /// The HTTP method of that API operation; empty: any.
    public var httpMethods: [Glob] = []
    /// What the Lambda returns.
    public var reply: LambdaReply
}

/// What a Lambda function returned: a response body (JSON, or text as a JSON string), or
/// a failure with its message.
public enum LambdaReply: Sendable, Equatable {
    case body(JSONValue)
    case failed(String)

    /// The body as the text an agent hands its model: a string as it is, JSON as JSON text.
    public var text: String? {
        guard case .body(let body) = self else { return nil }
        return body.stringValue ?? body.jsonText
    }
}

/// One call of a Lambda function, as a scenario's `lambdas` entries see it.
public struct LambdaCall: Sendable {
    /// The function's ARN (or name) as the caller configured it.
    public var functionArn: String
    /// The agent function asked, for function schemas.
    public var function: String?
    /// The API path and method asked, for OpenAPI schemas.
    public var apiPath: String?
    public var httpMethod: String?
    /// The call's parameters by name.
    public var parameters: [String: JSONValue]
    /// The agent session's attributes, which an agent's Lambda event carries.
    public var sessionAttributes: [String: String]

    /// A call of `functionArn`; agents give the function or API operation asked, flows only the parameters.
    public init(
        functionArn: String, function: String? = nil, apiPath: String? = nil, httpMethod: String? = nil, parameters: [String: JSONValue] = [:],
        sessionAttributes: [String: String] = [:]
    ) {
        self.functionArn = functionArn
        self.function = function
        self.apiPath = apiPath
        self.httpMethod = httpMethod
        self.parameters = parameters
        self.sessionAttributes = sessionAttributes
    }

    /// The function's name: the part of an ARN after `function:`, without a version or alias.
    public var functionName: String {
        guard let range = functionArn.range(of: ":function:") else { return functionArn }
        return String(functionArn[range.upperBound...].prefix { $0 != ":" })
    }
}
