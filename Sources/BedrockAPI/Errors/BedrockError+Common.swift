/// The errors the emulator raises itself, with AWS's codes and statuses.
extension BedrockError {
    public static func validation(_ message: String) -> BedrockError {
        BedrockError(code: "ValidationException", status: 400, message: message)
    }

    public static func resourceNotFound(_ message: String) -> BedrockError {
        BedrockError(code: "ResourceNotFoundException", status: 404, message: message)
    }

    public static func conflict(_ message: String) -> BedrockError {
        BedrockError(code: "ConflictException", status: 400, message: message)
    }

    public static func accessDenied(_ message: String) -> BedrockError {
        BedrockError(code: "AccessDeniedException", status: 403, message: message)
    }

    public static func throttling(_ message: String = "Too many requests, please wait before trying again.") -> BedrockError {
        BedrockError(code: "ThrottlingException", status: 429, message: message)
    }

    public static func serviceQuotaExceeded(_ message: String) -> BedrockError {
        BedrockError(code: "ServiceQuotaExceededException", status: 400, message: message)
    }

    /// A function or service the call depends on failed (an agent's or a flow's Lambda).
    public static func dependencyFailed(_ message: String) -> BedrockError {
        BedrockError(code: "DependencyFailedException", status: 424, message: message)
    }

    /// A provisioned model or custom model deployment asked for before it serves.
    public static func modelNotReady(_ message: String) -> BedrockError {
        BedrockError(code: "ModelNotReadyException", status: 429, message: message)
    }

    /// A resource others still depend on, or one a running workflow holds.
    public static func resourceInUse(_ message: String) -> BedrockError {
        BedrockError(code: "ResourceInUseException", status: 400, message: message)
    }

    public static func tooManyTags(_ message: String) -> BedrockError {
        BedrockError(code: "TooManyTagsException", status: 400, message: message)
    }

    public static func internalServer(_ message: String = "The server encountered an internal error. Try the request again.") -> BedrockError {
        BedrockError(code: "InternalServerException", status: 500, message: message)
    }

    /// The operation exists in AWS's API but the emulator does not implement it yet.
    public static func notImplemented(service: String, operation: String) -> BedrockError {
        BedrockError(
            code: "NotImplemented", status: 501,
            message: "The emulator does not implement \(service) \(operation) yet."
        )
    }

    /// No operation of any of the four services matches the method and path.
    public static func unknownOperation(method: String, path: String) -> BedrockError {
        BedrockError(
            code: "UnknownOperationException", status: 404,
            message: "No Bedrock operation matches \(method) \(path)."
        )
    }
}
