import BedrockAPI
import Foundation

/// Anthropic Claude: the Messages API (`anthropic_version`, `messages`, `max_tokens`) and,
/// for Claude Instant and 2.x, legacy text completions (`prompt`, `max_tokens_to_sample`).
struct AnthropicCodec: ChatCodec {
    static let messageKeys: Set<String> = [
        "anthropic_version", "anthropic_beta", "max_tokens", "messages", "system", "temperature", "top_p", "top_k",
        "stop_sequences", "tools", "tool_choice", "thinking", "metadata", "output_config",
    ]
    static let legacyModels: Set<String> = ["anthropic.claude-instant-v1", "anthropic.claude-v2", "anthropic.claude-v2:1"]

    func invoke(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> NativeAnswer {
        if Self.isTextCompletion(body) { return try AnthropicTextCompletion().invoke(body, invocation) }
        return try respond(to: decode(body, invocation), invocation)
    }

    func inputTokens(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> Int {
        if Self.isTextCompletion(body) { return try AnthropicTextCompletion().inputTokens(body, invocation) }
        return ChatGenerator.inputTokens(of: try decode(body, invocation))
    }

    static func isTextCompletion(_ body: JSONValue) -> Bool { body["prompt"] != nil && body["messages"] == nil }

    func decode(_ json: JSONValue, _ invocation: Invocation) throws(BedrockError) -> ChatRequest {
        var body = try NativeBody(json)
        body.require("anthropic_version", "max_tokens", "messages")
        body.onlyKeys(Self.messageKeys)
        _ = body.string("anthropic_version")
        var request = ChatRequest()
        request.maxTokens = body.integer("max_tokens", min: 1)
        request.temperature = body.number("temperature", min: 0, max: 1)
        request.topP = body.number("top_p", min: 0, max: 1)
        _ = body.integer("top_k", min: 0, max: 500)
        request.stopSequences = body.strings("stop_sequences") ?? []
        if let system = body["system"] {
            switch system {
            case .string(let text): request.system = [text]
            case .array(let blocks): request.system = blocks.compactMap { $0["text"]?.stringValue }
            default: body.fail("system", "expected type: String, found: \(NativeBody.typeName(system))")
            }
        }
        request.messages = body.objects("messages") { message in
            let role = message.string("role", oneOf: ["user", "assistant"])
            message.require("role", "content")
            return ChatMessage(role: role == "assistant" ? .assistant : .user, content: Self.content(message["content"]))
        } ?? []
        request.tools = body.objects("tools") { tool in
            tool.require("name")
            return ToolSpec(name: tool.string("name") ?? "", description: tool.string("description") ?? "", inputSchema: tool["input_schema"] ?? ["type": "object"])
        } ?? []
        if let choice = body.object("tool_choice", { choice in
            (choice.string("type", oneOf: ["auto", "any", "tool", "none"]), choice.string("name"))
        }) {
            switch choice.0 {
            case "any": request.toolChoice = .any
            case "tool": request.toolChoice = .tool(choice.1 ?? "")
            case "none": request.toolChoice = .none
            default: request.toolChoice = .auto
            }
        }
        if let thinking = body.object("thinking", { t in (t.string("type", oneOf: ["enabled", "disabled", "adaptive"]), t.integer("budget_tokens", min: 1024)) }),
           thinking.0 == "enabled" {
            request.reasoningBudget = thinking.1 ?? 1024
        }
        if let format = body.object("output_config", { config in
            config.object("format") { format in (format.string("type", oneOf: ["json_schema"]), format["schema"]) }
        }), let schema = format?.1 {
            request.outputSchema = schema
        }
        try body.finish()
        if let maximum = invocation.model.maxOutputTokens, let asked = request.maxTokens, asked > maximum {
            throw .validation("max_tokens: \(asked) > \(maximum), which is the maximum allowed number of output tokens for \(Self.modelName(invocation.model.modelId))")
        }
        if let violation = request.thinkingViolation { throw .validation(violation) }
        if request.messages.isEmpty { throw .validation("messages: at least one message is required") }
        if case .tool(let name) = request.toolChoice, !request.tools.contains(where: { $0.name == name }) {
            throw .validation("tool_choice: tool '\(name)' is not one of the provided tools")
        }
        return request
    }

    /// Message content: a string, or blocks of text, image, document, tool use, tool result and thinking.
    static func content(_ value: JSONValue?) -> [ChatContent] {
        if case .string(let text)? = value { return [.text(text)] }
        return (value?.arrayValue ?? []).compactMap { block -> ChatContent? in
            switch block["type"]?.stringValue {
            case "text": return .text(block["text"]?.stringValue ?? "")
            case "image": return .image(format: block["source"]?["media_type"]?.stringValue ?? "image/png", byteCount: (block["source"]?["data"]?.stringValue?.count ?? 0) * 3 / 4)
            case "document": return .document(name: block["title"]?.stringValue ?? "document", text: block["source"]?["data"]?.stringValue ?? "")
            case "tool_use": return .toolUse(id: block["id"]?.stringValue ?? "", name: block["name"]?.stringValue ?? "", input: block["input"] ?? [:])
            case "tool_result": return .toolResult(id: block["tool_use_id"]?.stringValue ?? "", content: content(block["content"]), isError: block["is_error"]?.boolValue ?? false)
            case "thinking": return .reasoning(text: block["thinking"]?.stringValue ?? "", signature: block["signature"]?.stringValue)
            default: return nil
            }
        }
    }

    func encode(_ result: ChatResult, _ request: ChatRequest, _ invocation: Invocation) -> JSONValue {
        var random = SeededRandom(fingerprint: ChatGenerator.fingerprint(request), salt: "msg")
        let (reason, sequence) = Self.stopReason(result.stopReason)
        return [
            "id": .string("msg_bdrk_01" + random.alphanumeric(23)),
            "type": "message",
            "role": "assistant",
            "model": .string(Self.modelName(invocation.model.modelId)),
            "content": .array(result.content.compactMap(Self.block)),
            "stop_reason": .string(reason),
            "stop_sequence": sequence.map(JSONValue.string) ?? .null,
            "usage": Self.usage(input: result.inputTokens, output: result.outputTokens),
        ]
    }

    func chunks(_ result: ChatResult, _ request: ChatRequest, _ invocation: Invocation) -> [JSONValue] {
        guard case .object(var message) = encode(result, request, invocation) else { return [] }
        let (reason, sequence) = Self.stopReason(result.stopReason)
        message["content"] = []
        message["stop_reason"] = .null
        message["stop_sequence"] = .null
        message["usage"] = Self.usage(input: result.inputTokens, output: 1)
        var chunks: [JSONValue] = [["type": "message_start", "message": .object(message)]]
        for (index, block) in result.content.enumerated() {
            let i = JSONValue.integer(Int64(index))
            switch block {
            case .text(let text):
                chunks.append(["type": "content_block_start", "index": i, "content_block": ["type": "text", "text": ""]])
                for piece in Tokenizer.pieces(of: text, tokensPerPiece: invocation.tokensPerChunk ?? 3) {
                    chunks.append(["type": "content_block_delta", "index": i, "delta": ["type": "text_delta", "text": .string(piece)]])
                }
            case .reasoning(let text, let signature):
                chunks.append(["type": "content_block_start", "index": i, "content_block": ["type": "thinking", "thinking": ""]])
                for piece in Tokenizer.pieces(of: text, tokensPerPiece: invocation.tokensPerChunk ?? 3) {
                    chunks.append(["type": "content_block_delta", "index": i, "delta": ["type": "thinking_delta", "thinking": .string(piece)]])
                }
                chunks.append(["type": "content_block_delta", "index": i, "delta": ["type": "signature_delta", "signature": .string(signature ?? ChatContent.signature(forReasoning: text))]])
            case .toolUse(let id, let name, let input):
                chunks.append(["type": "content_block_start", "index": i, "content_block": ["type": "tool_use", "id": .string(Self.toolId(id)), "name": .string(name), "input": [:]]])
                for piece in Self.split(input.jsonText, size: 24) {
                    chunks.append(["type": "content_block_delta", "index": i, "delta": ["type": "input_json_delta", "partial_json": .string(piece)]])
                }
            default:
                continue
            }
            chunks.append(["type": "content_block_stop", "index": i])
        }
        chunks.append([
            "type": "message_delta",
            "delta": ["stop_reason": .string(reason), "stop_sequence": sequence.map(JSONValue.string) ?? .null],
            "usage": ["output_tokens": .integer(Int64(result.outputTokens))],
        ])
        chunks.append(["type": "message_stop"])
        return chunks
    }

    static func block(_ content: ChatContent) -> JSONValue? {
        switch content {
        case .text(let text): ["type": "text", "text": .string(text)]
        case .toolUse(let id, let name, let input): ["type": "tool_use", "id": .string(toolId(id)), "name": .string(name), "input": input]
        case .reasoning(let text, let signature): ["type": "thinking", "thinking": .string(text), "signature": .string(signature ?? ChatContent.signature(forReasoning: text))]
        default: nil
        }
    }

    static func usage(input: Int, output: Int) -> JSONValue {
        ["input_tokens": .integer(Int64(input)), "output_tokens": .integer(Int64(output)),
         "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0]
    }

    static func stopReason(_ reason: StopReason) -> (String, String?) { (reason.snakeCased, reason.stopSequence) }

    /// Anthropic's spelling of a tool call id.
    static func toolId(_ id: String) -> String {
        id.hasPrefix("tooluse_") ? "toolu_bdrk_01" + id.dropFirst("tooluse_".count) : id
    }

    /// `anthropic.claude-3-haiku-20240307-v1:0` -> `claude-3-haiku-20240307`.
    static func modelName(_ modelId: String) -> String {
        let name = modelId.hasPrefix("anthropic.") ? Substring(modelId.utf8.dropFirst("anthropic.".utf8.count)) : Substring(modelId)
        // Drop the `-vN` or `-vN:M` version suffix (a byte scan: this runs on every answer).
        let bytes = name.utf8
        var cut = bytes.endIndex
        while cut > bytes.startIndex {
            let previous = bytes.index(before: cut)
            guard bytes[previous] == UInt8(ascii: ":") || (bytes[previous] >= 0x30 && bytes[previous] <= 0x39) else { break }
            cut = previous
        }
        if cut < bytes.endIndex, cut > bytes.startIndex,
           bytes[bytes.index(before: cut)] == UInt8(ascii: "v"),
           bytes.index(before: cut) > bytes.startIndex, bytes[bytes.index(cut, offsetBy: -2)] == UInt8(ascii: "-") {
            return String(name[..<bytes.index(cut, offsetBy: -2)])
        }
        return String(name)
    }

    static func split(_ text: String, size: Int) -> [String] {
        var pieces: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if current.count >= size { pieces.append(current); current = "" }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
