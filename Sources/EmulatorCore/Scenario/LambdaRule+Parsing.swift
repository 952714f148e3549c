import BedrockAPI

extension LambdaRule {
    static let keys = ["lambda", "function", "api_path", "http_method", "response", "error"]

    init(_ node: ScenarioNode) throws(ScenarioError) {
        let fields = try node.fields(Self.keys)
        lambdas = try fields["lambda"]?.strings().map(Glob.init) ?? []
        functions = try fields["function"]?.strings().map(Glob.init) ?? []
        apiPaths = try fields["api_path"]?.strings().map(Glob.init) ?? []
        httpMethods = try fields["http_method"]?.strings().map { Glob($0.uppercased()) } ?? []
        switch (fields["response"], fields["error"]) {
        case (let response?, nil): reply = .body(try response.json())
        case (nil, let error?): reply = .failed(try error.string())
        case (.some, .some): throw node.error("give `response` or `error`, not both")
        case (nil, nil): throw node.error("give `response` (what the function returns) or `error` (why it fails)")
        }
    }
}
