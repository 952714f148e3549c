import BedrockAPI
import FakeModels

/// Reads a Converse (or ConverseStream, or CountTokens `converse`) input into the canonical
/// chat request, refusing what the model cannot take with Bedrock's messages.
struct ConverseRequest {
    let chat: ChatRequest
    /// Fields of the model's response the caller asked to see (`/stop_sequence`).
    let responseFieldPaths: [String]

    init(_ input: ShapeValue, model: FoundationModel) throws(BedrockError) {
        var chat = ChatRequest()
        for block in input["system"]?.listValue ?? [] {
            if let text = block["text"]?.stringValue { chat.system.append(text) }
            if let guarded = block["guardContent"]?["text"]?["text"]?.stringValue { chat.system.append(guarded) }
        }
        if !chat.system.isEmpty && !model.supports(.systemPrompt) {
            throw .validation("This model doesn't support system messages. Try again without a system message.")
        }
        for message in input["messages"]?.listValue ?? [] {
            var content: [ChatContent] = []
            for block in message["content"]?.listValue ?? [] {
                if let item = try Self.content(block, model: model) { content.append(item) }
            }
            chat.messages.append(ChatMessage(role: message["role"]?.stringValue == "assistant" ? .assistant : .user, content: content))
        }
        try chat.requireUserFirst()
        try chat.requireAlternatingTurns()

        let config = input["inferenceConfig"]
        chat.maxTokens = config?["maxTokens"]?.intValue
        chat.temperature = config?["temperature"]?.doubleValue
        chat.topP = config?["topP"]?.doubleValue
        chat.stopSequences = config?["stopSequences"]?.listValue?.compactMap(\.stringValue) ?? []

        if let toolConfig = input["toolConfig"] {
            guard model.supports(.tools) else { throw .validation("This model doesn't support tool use.") }
            chat.tools = (toolConfig["tools"]?.listValue ?? []).compactMap { tool in
                guard let spec = tool["toolSpec"], let name = spec["name"]?.stringValue else { return nil }
                let schema = spec["inputSchema"]?["json"].map(ShapeEncoder.document) ?? ["type": "object"]
                return ToolSpec(name: name, description: spec["description"]?.stringValue ?? "", inputSchema: schema)
            }
            if let choice = toolConfig["toolChoice"] {
                if choice["any"] != nil {
                    try Self.requireToolChoice(model, "any")
                    chat.toolChoice = .any
                } else if let name = choice["tool"]?["name"]?.stringValue {
                    try Self.requireToolChoice(model, "tool")
                    guard chat.tools.contains(where: { $0.name == name }) else {
                        throw .validation("The tool \(name) in toolConfig.toolChoice.tool is not one of the tools in toolConfig.tools. Add it or choose another tool.")
                    }
                    chat.toolChoice = .tool(name)
                }
            }
        }

        if let text = input["outputConfig"]?["textFormat"]?["structure"]?["jsonSchema"]?["schema"]?.stringValue {
            guard let schema = try? JSONParser.parse(Array(text.utf8)), case .object = schema else {
                throw .validation("The JSON schema in outputConfig.textFormat.structure.jsonSchema.schema is not a JSON object. Fix the schema and try again.")
            }
            chat.outputSchema = schema
        }

        let extra = input["additionalModelRequestFields"].map(ShapeEncoder.document)
        if let thinking = extra?["thinking"] ?? extra?["reasoning_config"], thinking["type"]?.stringValue == "enabled" {
            guard model.supports(.reasoning) else {
                throw .validation("The model returned the following errors: thinking: This model doesn't support extended thinking.")
            }
            chat.reasoningBudget = thinking["budget_tokens"]?.intValue ?? 1024
        }
        if let topK = extra?["inferenceConfig"]?["topK"]?.intValue ?? extra?["top_k"]?.intValue, topK > 500 || (model.codec == "nova" && topK > 128) {
            throw .validation("The model returned the following errors: topK \(topK) is out of range for \(model.modelId).")
        }
        if let violation = chat.thinkingViolation {
            throw .validation("The model returned the following errors: \(violation)")
        }
        self.chat = chat
        self.responseFieldPaths = input["additionalModelResponseFieldPaths"]?.listValue?.compactMap(\.stringValue) ?? []
    }

    /// One content block; cache points and guard markers carry no content of their own.
    static func content(_ block: ShapeValue, model: FoundationModel) throws(BedrockError) -> ChatContent? {
        if let text = block["text"]?.stringValue { return .text(text) }
        if let image = block["image"] {
            guard model.supports(.vision) else { throw .validation("This model doesn't support the image content block that you provided. Try again with a model that supports images.") }
            return .image(format: image["format"]?.stringValue ?? "png", byteCount: image["source"]?["bytes"]?.blobValue?.count ?? 0)
        }
        if let document = block["document"] {
            guard model.supports(.documents) else { throw .validation("This model doesn't support documents. Try again without the document content block.") }
            let source = document["source"]
            let text = source?["text"]?.stringValue
                ?? source?["bytes"]?.blobValue.map { String(decoding: $0, as: UTF8.self) }
                ?? (source?["content"]?.listValue ?? []).compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
            return .document(name: document["name"]?.stringValue ?? "document", text: text)
        }
        if let use = block["toolUse"] {
            return .toolUse(id: use["toolUseId"]?.stringValue ?? "", name: use["name"]?.stringValue ?? "", input: use["input"].map(ShapeEncoder.document) ?? [:])
        }
        if let result = block["toolResult"] {
            let parts: [ChatContent] = (result["content"]?.listValue ?? []).compactMap { part in
                if let text = part["text"]?.stringValue { return .text(text) }
                if let json = part["json"] { return .json(ShapeEncoder.document(json)) }
                return nil
            }
            return .toolResult(id: result["toolUseId"]?.stringValue ?? "", content: parts, isError: result["status"]?.stringValue == "error")
        }
        if let reasoning = block["reasoningContent"]?["reasoningText"] {
            return .reasoning(text: reasoning["text"]?.stringValue ?? "", signature: reasoning["signature"]?.stringValue)
        }
        if let guarded = block["guardContent"]?["text"]?["text"]?.stringValue { return .text(guarded) }
        return nil
    }

    static func requireToolChoice(_ model: FoundationModel, _ kind: String) throws(BedrockError) {
        guard model.supports(.toolChoice) else {
            throw .validation("This model doesn't support the toolConfig.toolChoice.\(kind) field. Remove toolConfig.toolChoice.\(kind) and try again.")
        }
    }
}
