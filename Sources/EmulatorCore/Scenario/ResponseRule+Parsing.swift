import BedrockAPI
import Foundation

extension ResponseRule {
    init(_ node: ScenarioNode, index: Int, knownErrors: [String: Int]) throws(ScenarioError) {
        let fields = try node.fields([
            "name", "match", "reply", "replies", "across", "tool_call", "stop_reason", "usage", "chunk_tokens", "latency", "error",
            "probability",
        ])
        name = try fields["name"]?.string() ?? "responses[\(index)]"
        match = try fields["match"].map { node throws(ScenarioError) in try RuleMatch(node) } ?? RuleMatch()
        probability = try fields["probability"]?.double(in: 0...1)
        var action = RuleAction()
        if let reply = fields["reply"] { action.replies = [try reply.string()] }
        if let replies = fields["replies"] {
            if fields["reply"] != nil { throw replies.error("give `reply` or `replies`, not both") }
            action.replies = try replies.list().map { node throws(ScenarioError) in try node.string() }
            if action.replies.isEmpty { throw replies.error("expected at least one reply") }
        }
        if let across = fields["across"] { action.across = RuleAction.ReplySequence(rawValue: try across.choice(["calls", "turns"]))! }
        if let call = fields["tool_call"] {
            let callFields = try call.fields(["name", "input"])
            action.toolCall = ScriptedToolCall(
                name: try callFields.required("name").string(), input: try callFields["input"]?.json() ?? .object([:]))
        }
        action.stopReason = try fields["stop_reason"]?.choice(Self.stopReasons)
        if let usage = fields["usage"] {
            let usageFields = try usage.fields(["input_tokens", "output_tokens"])
            action.usage = UsageOverride(inputTokens: try usageFields["input_tokens"]?.int(), outputTokens: try usageFields["output_tokens"]?.int())
        }
        action.chunkTokens = try fields["chunk_tokens"]?.int(in: 1...100_000)
        if let latency = fields["latency"] {
            let latencyFields = try latency.fields(["delay_ms", "first_token_ms", "tokens_per_second"])
            action.latency = Latency(
                delayMs: try latencyFields["delay_ms"]?.int(in: 0...600_000) ?? 0,
                firstTokenMs: try latencyFields["first_token_ms"]?.int(in: 0...600_000) ?? 0,
                tokensPerSecond: try latencyFields["tokens_per_second"]?.double(in: 0.001...1_000_000))
        }
        if let error = fields["error"] { action.error = try RuleError(error, knownErrors: knownErrors) }
        self.action = action
    }

    static let stopReasons = ["end_turn", "tool_use", "max_tokens", "stop_sequence"]
}

extension RuleMatch {
    init(_ node: ScenarioNode) throws(ScenarioError) {
        let fields = try node.fields(["service", "operation", "model", "prompt", "tools", "tool_result", "turn", "nth", "session"])
        services = try fields["service"]?.strings().map(Glob.init) ?? []
        operations = try fields["operation"]?.strings().map(Glob.init) ?? []
        models = try fields["model"]?.strings().map(Glob.init) ?? []
        sessions = try fields["session"]?.strings().map(Glob.init) ?? []
        tools = try fields["tools"]?.strings() ?? []
        toolResult = try fields["tool_result"]?.bool()
        turns = try fields["turn"].map { node throws(ScenarioError) in try Ordinals(node) }
        nth = try fields["nth"].map { node throws(ScenarioError) in try Ordinals(node) }
        if let prompt = fields["prompt"] {
            if case .scalar = prompt.value {
                promptContains = [try prompt.string()]
            } else {
                let promptFields = try prompt.fields(["contains", "regex"])
                promptContains = try promptFields["contains"]?.strings() ?? []
                if let regex = promptFields["regex"] {
                    let source = try regex.string()
                    do {
                        promptRegex = PromptPattern(expression: try NSRegularExpression(pattern: source), source: source)
                    } catch {
                        throw regex.error("`\(source)` is not a valid regular expression")
                    }
                }
            }
        }
    }
}

extension RuleError {
    /// Messages AWS gives for the faults people inject most, used when a rule gives none.
    static let defaultMessages = [
        "ThrottlingException": "Too many requests, please wait before trying again.",
        "ModelTimeoutException": "Model has timed out in processing the request. Try your request again.",
        "ServiceUnavailableException": "Bedrock is unable to process your request.",
        "InternalServerException": "The system encountered an unexpected error during processing. Try your request again.",
        "ModelNotReadyException": "Model is not ready for inference. Wait and try your request again.",
        "ModelErrorException": "The model returned an error. Try your request again.",
        "ModelStreamErrorException": "The model returned an error while streaming its response. Try your request again.",
        "AccessDeniedException": "You don't have access to the model with the specified model ID.",
        "ValidationException": "The request is not valid.",
        "ServiceQuotaExceededException": "Your request exceeds the service quota for your account.",
    ]

    /// The exceptions Bedrock's response streams model as events.
    static let streamErrors = [
        "ModelStreamErrorException", "InternalServerException", "ServiceUnavailableException", "ThrottlingException", "ValidationException",
        "ModelTimeoutException",
    ]

    init(_ node: ScenarioNode, knownErrors: [String: Int]) throws(ScenarioError) {
        let fields: ScenarioFields
        if case .scalar = node.value {
            fields = try ScenarioNode(value: .map([("code", node, node.line, node.column)]), file: node.file, line: node.line, column: node.column, path: node.path)
                .fields(["code"])
        } else {
            fields = try node.fields(["code", "message", "status", "fields", "mid_stream", "after_events"])
        }
        let codeNode = try fields.required("code")
        let code = try codeNode.string()
        guard let modeledStatus = knownErrors[code] else {
            throw codeNode.error("`\(code)` is not an error any Bedrock operation models (for example ThrottlingException, ModelTimeoutException, ServiceUnavailableException)")
        }
        let chosenStatus = try fields["status"]?.int(in: 400...599)
        let status = chosenStatus ?? modeledStatus
        let message = try fields["message"]?.string() ?? Self.defaultMessages[code] ?? "\(code) raised by the scenario."
        var members: [String: ShapeValue] = [:]
        if case .object(let extra)? = try fields["fields"]?.json() {
            for (key, value) in extra { members[key] = ShapeDecoder.document(value) }
        }
        if code == "ModelStreamErrorException" || code == "ModelErrorException" {
            members["originalStatusCode"] = members["originalStatusCode"] ?? .integer(Int64(status >= 500 ? status : 500))
        }
        if code == "ModelStreamErrorException" { members["originalMessage"] = members["originalMessage"] ?? .string(message) }
        error = BedrockError(code: code, status: status, message: message, fields: members)
        error.keepsStatus = chosenStatus != nil
        afterEvents = try fields["after_events"]?.int()
        midStream = try fields["mid_stream"]?.bool() ?? (afterEvents != nil)
        if midStream && !Self.streamErrors.contains(code) {
            throw codeNode.error("a stream can carry only \(Self.streamErrors.joined(separator: ", ")) part-way; `\(code)` can come only before the answer")
        }
    }
}
