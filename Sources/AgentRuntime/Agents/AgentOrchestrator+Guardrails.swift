import BedrockAPI
import EmulatorCore
import FakeModels
import Runtime

/// The two places an agent's guardrail applies (`setup.guardrail`): to what the user said,
/// before the model sees it, and to the final answer, before the caller sees it.
extension AgentOrchestrator {
    /// A guardrail's verdict when it intervenes: the text used instead, the `guardrailTrace`
    /// to report, and whether it blocked (the turn ends) or only masked (the turn goes on
    /// with the masked text).
    struct Intervention: Sendable {
        var text: String
        var trace: ShapeValue
        var blocked: Bool
    }

    /// The input check, through the agent's guardrail (if it has one).
    func screenInput(_ text: String) async throws -> Intervention? {
        try await screen(text, source: .input)
    }

    /// The output check: a blocked answer becomes the guardrail's blocked message, a masked
    /// one its masked text.
    func screenOutput(_ text: String) async throws -> Intervention? {
        try await screen(text, source: .output)
    }

    private func screen(_ text: String, source: GuardrailSource) async throws -> Intervention? {
        guard let configuration = setup.guardrail,
              let identifier = configuration["guardrailIdentifier"]?.stringValue, !identifier.isEmpty else { return nil }
        let verdict = try await GuardrailGate(environment: environment).apply(
            identifier: identifier, version: configuration["guardrailVersion"]?.stringValue ?? "DRAFT", source: source,
            texts: [GuardrailText(text)], request: request)
        guard verdict.intervened else { return nil }
        let trace: ShapeValue = [
            "action": "INTERVENED", "traceId": .string(ResourceID.uuid(using: environment.ids)),
            source == .input ? "inputAssessments" : "outputAssessments": [verdict.assessment],
        ]
        return Intervention(text: verdict.outputText ?? text, trace: trace, blocked: verdict.evaluation.blocked)
    }
}
