import BedrockAPI

/// Nova's content blocks: each block is an object with one key naming its kind (`text`,
/// `image`, `video`, `document`, `toolUse`, `toolResult`), as in Converse but with bytes in base64.
enum NovaContent {
    static func read(_ block: inout NativeBody) -> ChatContent? {
        if let text = block.string("text") { return .text(text) }
        if block["image"] != nil || block["video"] != nil {
            let kind = block["image"] != nil ? "image" : "video"
            let media = block[kind]
            let bytes = media?["source"]?["bytes"]?.stringValue
            if media?["source"]?["bytes"] == nil && media?["source"]?["s3Location"] == nil {
                block.fail(kind, "required key [source] not found")
            }
            // Only the size matters to the fake model: base64 is four characters per three bytes.
            return .image(format: kind + "/" + (media?["format"]?.stringValue ?? "png"), byteCount: (bytes?.utf8.count ?? 0) * 3 / 4)
        }
        if let document = block["document"] {
            let text = document["source"]?["bytes"]?.stringValue.flatMap(ImagePayload.decode).map { String(decoding: $0, as: UTF8.self) } ?? ""
            return .document(name: document["name"]?.stringValue ?? "document", text: text)
        }
        if let use = block["toolUse"] {
            return .toolUse(id: use["toolUseId"]?.stringValue ?? "", name: use["name"]?.stringValue ?? "", input: use["input"] ?? [:])
        }
        if let result = block["toolResult"] {
            let content: [ChatContent] = (result["content"]?.arrayValue ?? []).compactMap { part in
                if let text = part["text"]?.stringValue { return .text(text) }
                return part["json"].map(ChatContent.json)
            }
            return .toolResult(id: result["toolUseId"]?.stringValue ?? "", content: content, isError: result["status"]?.stringValue == "error")
        }
        if block["cachePoint"] != nil { return nil }
        block.fail(nil, "a content block needs one of [text, image, video, document, toolUse, toolResult]")
        return nil
    }

    static func write(_ content: ChatContent) -> JSONValue? {
        switch content {
        case .text(let text): ["text": .string(text)]
        case .toolUse(let id, let name, let input): ["toolUse": ["toolUseId": .string(id), "name": .string(name), "input": input]]
        case .reasoning(let text, _): ["reasoningContent": ["reasoningText": ["text": .string(text)]]]
        default: nil
        }
    }
}
