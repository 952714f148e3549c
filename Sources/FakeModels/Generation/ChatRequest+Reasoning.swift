extension ChatRequest {
    /// What Claude refuses when extended thinking is on, in its words; nil when the request
    /// is fine. Other families have no such rules.
    public var thinkingViolation: String? {
        guard let budget = reasoningBudget else { return nil }
        let docs = "Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#important-considerations-when-using-extended-thinking"
        if let temperature, temperature != 1 {
            return "`temperature` may only be set to 1 when thinking is enabled. \(docs)"
        }
        if let maxTokens, maxTokens <= budget {
            return "`max_tokens` must be greater than `thinking.budget_tokens`. \(docs)"
        }
        switch toolChoice {
        case .any, .tool: return "Thinking may not be enabled when tool_choice forces tool use."
        default: return nil
        }
    }
}
