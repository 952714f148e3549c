import BedrockAPI

/// The OpenAI-like chat shape Mistral Large and AI21 Jamba share on Bedrock: `messages` with
/// system/user/assistant/tool roles, `tools` as functions, and assistant `tool_calls`.
enum OpenAIStyleChat {
    /// Reads `messages` into the request's system prompt and turns; tool results become a
    /// user turn, as the canonical request keeps them.
    static func readMessages(_ body: inout NativeBody, into request: inout ChatRequest) {
        let turns = body.objects("messages") { (message: inout NativeBody) -> (String, [ChatContent]) in
            message.require("role")
            let role = message.string("role", oneOf: ["system", "user", "assistant", "tool"]) ?? "user"
            var content = contentBlocks(message["content"])
            if role == "assistant" {
                _ = message.objects("tool_calls") { (call: inout NativeBody) in
                    let function = call["function"]
                    let arguments = function?["arguments"]?.stringValue.flatMap { try? JSONParser.parse($0.utf8) } ?? function?["arguments"] ?? [:]
                    content.append(.toolUse(id: call["id"]?.stringValue ?? "", name: function?["name"]?.stringValue ?? "", input: arguments))
                }
            }
            if role == "tool" {
                content = [.toolResult(id: message["tool_call_id"]?.stringValue ?? "", content: content, isError: false)]
            }
            return (role, content)
        } ?? []
        for (role, content) in turns {
            switch role {
            case "system": request.system.append(ChatMessage(role: .user, content: content).text)
            case "assistant": request.messages.append(ChatMessage(role: .assistant, content: content))
            default:
                // Consecutive tool results answer one assistant turn together.
                if role == "tool", let last = request.messages.last, last.role == .user,
                   last.content.allSatisfy({ if case .toolResult = $0 { true } else { false } }) {
                    request.messages[request.messages.count - 1].content += content
                } else {
                    request.messages.append(ChatMessage(role: .user, content: content))
                }
            }
        }
    }

    /// Content as a string or as parts (`text`, `image_url` with a data URI).
    static func contentBlocks(_ value: JSONValue?) -> [ChatContent] {
        if case .string(let text)? = value { return text.isEmpty ? [] : [.text(text)] }
        var blocks: [ChatContent] = []
        for part in value?.arrayValue ?? [] {
            switch part["type"]?.stringValue {
            case "text": blocks.append(.text(part["text"]?.stringValue ?? ""))
            case "image_url":
                let url = part["image_url"]?["url"]?.stringValue ?? part["image_url"]?.stringValue ?? ""
                blocks.append(.image(format: "image/png", byteCount: ImagePayload.decode(url)?.count ?? url.utf8.count))
            default: continue
            }
        }
        return blocks
    }

    /// `tools` as functions, and `tool_choice` as `auto`/`any`/`required`/`none` or a named function.
    static func readTools(_ body: inout NativeBody, into request: inout ChatRequest) {
        request.tools = body.objects("tools") { tool in
            let function = tool.object("function") { f in
                f.require("name")
                return ToolSpec(name: f.string("name") ?? "", description: f.string("description") ?? "", inputSchema: f["parameters"] ?? ["type": "object"])
            }
            if function == nil { tool.require("function") }
            return function ?? ToolSpec(name: "")
        } ?? []
        switch body["tool_choice"] {
        case .string(let choice)?:
            _ = body.string("tool_choice", oneOf: ["auto", "any", "required", "none"])
            request.toolChoice = choice == "none" ? .none : choice == "auto" ? .auto : .any
        case .object(let choice)?:
            request.toolChoice = .tool(choice["function"]?["name"]?.stringValue ?? "")
        default:
            break
        }
    }

    /// The answer's tool calls: arguments are a JSON string, as OpenAI-style clients parse them.
    static func toolCalls(_ result: ChatResult, idLength: Int) -> [JSONValue] {
        result.toolUses.map { use in
            var random = SeededRandom(text: "call\u{0}" + use.id)
            return ["id": .string(random.alphanumeric(idLength)), "type": "function",
                    "function": ["name": .string(use.name), "arguments": .string(use.input.jsonText)]]
        }
    }

    /// The assistant message of a choice: its text, and its tool calls when there are any.
    static func message(_ result: ChatResult, idLength: Int) -> JSONValue {
        var message: [String: JSONValue] = ["role": "assistant", "content": .string(result.text)]
        let calls = toolCalls(result, idLength: idLength)
        if !calls.isEmpty { message["tool_calls"] = .array(calls) }
        return .object(message)
    }

    /// `stop`, `length` or `tool_calls`.
    static func finishReason(_ reason: StopReason) -> String {
        reason.spelled(endTurn: "stop", maxTokens: "length", toolUse: "tool_calls")
    }
}
