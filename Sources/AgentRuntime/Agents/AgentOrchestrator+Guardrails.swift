import BedrockAPI

/// The two places an agent's guardrail applies: to what the user said, before the model
/// sees it, and to the final answer, before the caller sees it.
extension AgentOrchestrator {
    /// A guardrail's verdict when it intervenes: the text the caller gets instead, and the
    /// `guardrailTrace` to report.
    struct Intervention: Sendable {
        var text: String
        var trace: ShapeValue
    }

    /// The input check: the agent's `guardrailConfiguration` screens `text` here. Guardrails
    /// are not evaluated yet, so every input passes.
    func screenInput(_ text: String) async throws -> Intervention? {
        guard setup.guardrail != nil else { return nil }
        return nil
    }

    /// The output check: the agent's `guardrailConfiguration` screens the final answer here.
    /// Guardrails are not evaluated yet, so every answer passes.
    func screenOutput(_ text: String) async throws -> Intervention? {
        guard setup.guardrail != nil else { return nil }
        return nil
    }
}
