import BedrockAPI

/// Amazon Nova understanding models (Micro, Lite, Pro, Premier): the `messages-v1` schema
/// with Converse-like content blocks, `inferenceConfig` and `toolConfig`; streams in Nova's
/// own event objects (`messageStart`, `contentBlockDelta`, ..., `metadata`).
struct NovaCodec: ChatCodec {
    static let keys: Set<String> = ["schemaVersion", "system", "messages", "inferenceConfig", "toolConfig"]
    static let inferenceKeys: Set<String> = ["max_new_tokens", "maxTokens", "temperature", "topP", "top_p", "topK", "top_k", "stopSequences"]

    func decode(_ json: JSONValue, _ invocation: Invocation) throws(BedrockError) -> ChatRequest {
        var body = try NativeBody(json)
        body.require("messages")
        body.onlyKeys(Self.keys)
        _ = body.string("schemaVersion", oneOf: ["messages-v1"])
        var request = ChatRequest()
        request.system = body.objects("system") { $0.string("text") ?? "" } ?? []
        request.messages = body.objects("messages") { message in
            message.require("role", "content")
            let role = message.string("role", oneOf: ["user", "assistant"])
            let content = message.objects("content") { NovaContent.read(&$0) } ?? []
            return ChatMessage(role: role == "assistant" ? .assistant : .user, content: content.compactMap { $0 })
        } ?? []
        _ = body.object("inferenceConfig") { config in
            config.onlyKeys(Self.inferenceKeys)
            request.maxTokens = config.integer("max_new_tokens", min: 1, max: invocation.model.maxOutputTokens)
                ?? config.integer("maxTokens", min: 1, max: invocation.model.maxOutputTokens)
            request.temperature = config.number("temperature", min: 0, max: 1)
            request.topP = config.number("topP", min: 0, max: 1) ?? config.number("top_p", min: 0, max: 1)
            _ = config.integer("topK", min: 0, max: 128) ?? config.integer("top_k", min: 0, max: 128)
            request.stopSequences = config.strings("stopSequences", maxItems: 4) ?? []
        }
        _ = body.object("toolConfig") { config in
            request.tools = config.objects("tools") { tool in
                tool.require("toolSpec")
                return tool.object("toolSpec") { spec in
                    spec.require("name", "inputSchema")
                    return ToolSpec(name: spec.string("name") ?? "", description: spec.string("description") ?? "",
                                    inputSchema: spec["inputSchema"]?["json"] ?? ["type": "object"])
                } ?? ToolSpec(name: "")
            } ?? []
            let choice = config["toolChoice"]
            if choice?["any"] != nil { request.toolChoice = .any }
            if let name = choice?["tool"]?["name"]?.stringValue { request.toolChoice = .tool(name) }
        }
        try body.finish()
        try request.requireUserFirst()
        return request
    }

    func encode(_ result: ChatResult, _ request: ChatRequest, _ invocation: Invocation) -> JSONValue {
        [
            "output": ["message": ["role": "assistant", "content": .array(result.content.compactMap(NovaContent.write))]],
            "stopReason": .string(Self.stopReason(result.stopReason)),
            "usage": Self.usage(result),
        ]
    }

    func chunks(_ result: ChatResult, _ request: ChatRequest, _ invocation: Invocation) -> [JSONValue] {
        var chunks: [JSONValue] = [["messageStart": ["role": "assistant"]]]
        var index = 0
        for block in result.content {
            let i = JSONValue.integer(Int64(index))
            switch block {
            case .text(let text):
                for piece in StreamPiece.pieces(of: text, totalTokens: result.outputTokens, tokensPerPiece: invocation.tokensPerChunk ?? 3) {
                    chunks.append(["contentBlockDelta": ["delta": ["text": .string(piece.text)], "contentBlockIndex": i]])
                }
            case .toolUse(let id, let name, let input):
                chunks.append(["contentBlockStart": ["start": ["toolUse": ["toolUseId": .string(id), "name": .string(name)]], "contentBlockIndex": i]])
                chunks.append(["contentBlockDelta": ["delta": ["toolUse": ["input": .string(input.jsonText)]], "contentBlockIndex": i]])
            default:
                continue
            }
            chunks.append(["contentBlockStop": ["contentBlockIndex": i]])
            index += 1
        }
        chunks.append(["messageStop": ["stopReason": .string(Self.stopReason(result.stopReason))]])
        chunks.append(["metadata": ["usage": Self.usage(result), "metrics": [:], "trace": [:]]])
        return chunks
    }

    static func stopReason(_ reason: StopReason) -> String {
        reason.spelled(endTurn: "end_turn", maxTokens: "max_tokens", stopSequence: "stop_sequence", toolUse: "tool_use")
    }

    static func usage(_ result: ChatResult) -> JSONValue {
        ["inputTokens": .integer(Int64(result.inputTokens)), "outputTokens": .integer(Int64(result.outputTokens)),
         "totalTokens": .integer(Int64(result.inputTokens + result.outputTokens)),
         "cacheReadInputTokenCount": 0, "cacheWriteInputTokenCount": 0]
    }
}
