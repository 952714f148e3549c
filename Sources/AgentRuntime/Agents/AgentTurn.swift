import BedrockAPI

/// What one InvokeAgent (or InvokeInlineAgent) call asks of the orchestration, read from
/// its input, and what the orchestration answers.
struct AgentTurn: Sendable {
    var inputText: String?
    /// `sessionState.returnControlInvocationResults`: the caller's results for a return of control.
    var results: [ShapeValue]
    var invocationId: String?
    /// `sessionState.knowledgeBaseConfigurations`: retrieval settings per knowledge base.
    var knowledgeBaseConfigurations: [ShapeValue]
    var enableTrace: Bool
    var endSession: Bool
    var streamFinalResponse: Bool

    /// The turn an input asks for; `state` is its `sessionState` (or `inlineSessionState`).
    init(_ input: ShapeValue, state: ShapeValue?) {
        inputText = input["inputText"]?.stringValue
        results = state?["returnControlInvocationResults"]?.listValue ?? []
        invocationId = state?["invocationId"]?.stringValue
        knowledgeBaseConfigurations = state?["knowledgeBaseConfigurations"]?.listValue ?? []
        enableTrace = input["enableTrace"]?.boolValue ?? false
        endSession = input["endSession"]?.boolValue ?? false
        streamFinalResponse = input["streamingConfigurations"]?["streamFinalResponse"]?.boolValue ?? false
    }

    /// One thing the orchestration says, in the order it happened.
    enum Event: Sendable {
        /// A `Trace` union value (`orchestrationTrace`, `failureTrace`, ...).
        case trace(ShapeValue)
        case chunk(text: String, attribution: ShapeValue?)
        case returnControl(invocationId: String, inputs: [ShapeValue])
    }

    /// The orchestration's answer: its events, tokens used, and a failure that ends the stream.
    struct Outcome: Sendable {
        var events: [Event] = []
        var inputTokens = 0
        var outputTokens = 0
        var failure: BedrockError?
    }
}
