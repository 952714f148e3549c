import BedrockAPI

/// One provider family's native InvokeModel format: reads its request body and answers in
/// its response body and stream chunks.
public protocol ModelCodec: Sendable {
    /// Answers `body` for the invocation's model.
    func invoke(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> NativeAnswer
    /// The input tokens `body` costs, as CountTokens reports and the answer's usage counts.
    func inputTokens(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> Int
}

/// A chat codec maps its native body to the canonical `ChatRequest` and the generator's
/// `ChatResult` back; the conversation in between is the same for every family.
public protocol ChatCodec: ModelCodec {
    func decode(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> ChatRequest
    func encode(_ result: ChatResult, _ request: ChatRequest, _ invocation: Invocation) -> JSONValue
    /// The stream chunks, in order; the runtime adds the invocation metrics to the last.
    func chunks(_ result: ChatResult, _ request: ChatRequest, _ invocation: Invocation) -> [JSONValue]
}

extension ChatCodec {
    public func invoke(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> NativeAnswer {
        try respond(to: decode(body, invocation), invocation)
    }

    /// Checks a decoded request against the model, has it answered, and encodes the answer.
    public func respond(to request: ChatRequest, _ invocation: Invocation) throws(BedrockError) -> NativeAnswer {
        try invocation.check(request)
        let result = try invocation.reply(request)
        return NativeAnswer(
            body: invocation.streaming ? .null : encode(result, request, invocation),
            chunks: invocation.streaming ? chunks(result, request, invocation) : [],
            inputTokens: result.inputTokens, outputTokens: result.outputTokens,
            maxOutputTokens: request.maxTokens ?? invocation.model.maxOutputTokens)
    }

    public func inputTokens(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> Int {
        ChatGenerator.inputTokens(of: try decode(body, invocation))
    }
}

/// What one InvokeModel call is about: the model, whether it streams, and who writes the
/// reply (the generator, or a scenario's script).
public struct Invocation: Sendable {
    public let model: FoundationModel
    public let streaming: Bool
    /// Produces the reply to a canonical request; a scenario's rule may refuse it.
    public let reply: @Sendable (ChatRequest) throws(BedrockError) -> ChatResult
    /// Output tokens per stream chunk when a scenario sets it (known once the reply is
    /// decided, so asked for when chunking); else each family's own.
    let chunking: @Sendable () -> Int?

    public init(
        model: FoundationModel, streaming: Bool, tokensPerChunk: @escaping @Sendable () -> Int? = { nil },
        reply: (@Sendable (ChatRequest) throws(BedrockError) -> ChatResult)? = nil
    ) {
        self.model = model
        self.streaming = streaming
        self.chunking = tokensPerChunk
        let generator = ChatGenerator()
        self.reply = reply ?? { [model] request in generator.reply(to: request, model: model) }
    }

    public var tokensPerChunk: Int? { chunking() }

    /// Refuses a request the model cannot take: more output than it allows, or a prompt
    /// longer than its context window.
    public func check(_ request: ChatRequest) throws(BedrockError) {
        if let maximum = model.maxOutputTokens, let asked = request.maxTokens, asked > maximum {
            throw .validation("The maximum tokens you requested exceeds the model limit of \(maximum). Try again with a maximum tokens value that is lower than \(maximum).")
        }
        // Every token holds at least one byte: a request with fewer bytes than the window
        // cannot overflow it, and need not be counted twice.
        if let window = model.contextWindow, ChatGenerator.upperBoundOfInputTokens(request) > window {
            let input = ChatGenerator.inputTokens(of: request)
            if input > window {
                throw .validation("Input is too long for requested model. The prompt has \(input) tokens; \(model.modelId) accepts at most \(window).")
            }
        }
    }
}

/// A native answer: the response body (or the stream chunks) and the token counts.
public struct NativeAnswer: Sendable {
    public var body: JSONValue
    public var chunks: [JSONValue]
    public var inputTokens: Int
    public var outputTokens: Int
    public var contentType: String
    /// The most output tokens the request allowed, for quota reservations; nil when the
    /// model produces no text.
    public var maxOutputTokens: Int?

    public init(
        body: JSONValue, chunks: [JSONValue] = [], inputTokens: Int, outputTokens: Int, contentType: String = "application/json",
        maxOutputTokens: Int? = nil
    ) {
        self.body = body
        self.chunks = chunks
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.contentType = contentType
        self.maxOutputTokens = maxOutputTokens
    }
}
