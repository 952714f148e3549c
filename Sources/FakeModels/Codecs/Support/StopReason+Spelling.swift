extension StopReason {
    /// This reason in a family's own words; families without a word for stop sequences or
    /// tool calls fall back to their "finished" word.
    func spelled(endTurn: String, maxTokens: String, stopSequence: String? = nil, toolUse: String? = nil) -> String {
        switch self {
        case .endTurn: endTurn
        case .maxTokens: maxTokens
        case .stopSequence: stopSequence ?? endTurn
        case .toolUse: toolUse ?? endTurn
        }
    }

    /// The `stop`/`length` pair of Llama, Mistral, DeepSeek and OpenAI-style formats.
    var stopOrLength: String { spelled(endTurn: "stop", maxTokens: "length") }
}
