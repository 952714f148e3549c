import BedrockAPI

/// A chat request in the one form every text codec decodes to and the generator reads:
/// Anthropic Messages, Nova, Llama prompts, Converse and the rest all become this.
public struct ChatRequest: Sendable, Equatable {
    public var system: [String] = []
    public var messages: [ChatMessage] = []
    public var maxTokens: Int?
    public var temperature: Double?
    public var topP: Double?
    public var stopSequences: [String] = []
    public var tools: [ToolSpec] = []
    public var toolChoice: ToolChoice = .auto
    /// Token budget for visible reasoning, when the request turns reasoning on.
    public var reasoningBudget: Int?
    /// A JSON schema the answer's text must satisfy (structured output), if any.
    public var outputSchema: JSONValue?
    /// Which of several answers to one request this is (`num_generations`, `n`): each has
    /// its own seed, as a sampled model's answers differ.
    public var sampleIndex = 0

    public init(system: [String] = [], messages: [ChatMessage] = [], maxTokens: Int? = nil) {
        self.system = system
        self.messages = messages
        self.maxTokens = maxTokens
    }

    /// A single-turn request from a raw prompt (the legacy completion formats).
    public init(prompt: String, maxTokens: Int?) {
        self.init(messages: [ChatMessage(role: .user, content: [.text(prompt)])], maxTokens: maxTokens)
    }
}

/// One turn of a conversation.
public struct ChatMessage: Sendable, Equatable {
    public enum Role: String, Sendable { case user, assistant }

    public var role: Role
    public var content: [ChatContent]

    public init(role: Role, content: [ChatContent]) {
        self.role = role
        self.content = content
    }

    /// The text blocks of the message, joined.
    public var text: String {
        content.compactMap { if case .text(let t) = $0 { t } else { nil } }.joined(separator: "\n")
    }
}

/// A block of message content.
public enum ChatContent: Sendable, Equatable {
    case text(String)
    /// An image; only its size matters to the fake model (it costs tokens).
    case image(format: String, byteCount: Int)
    case document(name: String, text: String)
    case toolUse(id: String, name: String, input: JSONValue)
    case toolResult(id: String, content: [ChatContent], isError: Bool)
    case reasoning(text: String, signature: String?)
    /// A tool result's JSON content.
    case json(JSONValue)
}

/// A tool the caller offers: its name, description and JSON schema.
public struct ToolSpec: Sendable, Equatable {
    public var name: String
    public var description: String
    public var inputSchema: JSONValue

    public init(name: String, description: String = "", inputSchema: JSONValue = ["type": "object"]) {
        self.name = name
        self.description = description
        self.inputSchema = inputSchema
    }
}

/// How the model may choose a tool.
public enum ToolChoice: Sendable, Equatable {
    /// The model decides (it calls a tool the last user message names).
    case auto
    /// The model must call some tool.
    case any
    /// The model must call this tool.
    case tool(String)
    /// The model must not call a tool.
    case none
}
