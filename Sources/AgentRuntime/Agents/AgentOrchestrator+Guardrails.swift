import BedrockAPI

/// The two places an agent's guardrail applies (`setup.guardrail`): to what the user said,
/// before the model sees it, and to the final answer, before the caller sees it.
extension AgentOrchestrator {
    /// A guardrail's verdict when it intervenes: the text the caller gets instead, and the
    /// `guardrailTrace` to report.
    struct Intervention: Sendable {
        var text: String
        var trace: ShapeValue
    }

    /// The input check. Guardrails are not evaluated by the agent runtime yet, so every
    /// input passes; evaluating `setup.guardrail` here makes an agent refuse as AWS does.
    func screenInput(_ text: String) async throws -> Intervention? {
        nil
    }

    /// The output check. Guardrails are not evaluated by the agent runtime yet, so every
    /// answer passes; evaluating `setup.guardrail` here masks or blocks the answer.
    func screenOutput(_ text: String) async throws -> Intervention? {
        nil
    }
}
