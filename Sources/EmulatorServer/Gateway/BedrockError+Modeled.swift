import BedrockAPI

extension BedrockError {
    /// The error as `operation` models it. Shared core code raises one code for one
    /// condition; where an operation models that condition under another code (the agent
    /// services report the tag limit as a service quota), the operation's code wins.
    func modeled(by operation: OperationModel) -> BedrockError {
        guard !operation.errors.contains(code), let alternative = Self.equivalents[code],
            operation.errors.contains(alternative)
        else { return self }
        var error = self
        error.code = alternative
        return error
    }

    static let equivalents = ["TooManyTagsException": "ServiceQuotaExceededException"]
}
