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

    /// `end_turn`, `max_tokens`, `stop_sequence`, `tool_use`: Claude's words, which Converse uses too.
    public var snakeCased: String {
        spelled(endTurn: "end_turn", maxTokens: "max_tokens", stopSequence: "stop_sequence", toolUse: "tool_use")
    }

    /// The stop sequence that ended the answer, if one did.
    public var stopSequence: String? {
        if case .stopSequence(let sequence) = self { return sequence }
        return nil
    }

    /// The `stop`/`length` pair of Llama, Mistral, DeepSeek and OpenAI-style formats.
    var stopOrLength: String { spelled(endTurn: "stop", maxTokens: "length") }
}
