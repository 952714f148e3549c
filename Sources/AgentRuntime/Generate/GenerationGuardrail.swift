import BedrockAPI
import EmulatorCore
import FakeModels
import Runtime

/// The one place RetrieveAndGenerate (and its stream) applies
/// `generationConfiguration.guardrailConfiguration`: to the question before anything is
/// retrieved, and to the answer before it is sent, through the runtime's `GuardrailGate`.
/// The guardrail must exist (404 if not). A blocked question is answered with the
/// guardrail's blocked message; a blocked answer is replaced by it and a masked answer by
/// its masked text; either way the answer reports `guardrailAction` `INTERVENED`.
struct GenerationGuardrail: Sendable {
    /// The configured guardrail, looked up once per call; nil when none is configured.
    let applied: AppliedGuardrail?

    var isConfigured: Bool { applied != nil }

    /// The guardrail `configuration` (a `GuardrailConfiguration` value: `guardrailId`,
    /// `guardrailVersion`) names; a configured guardrail that does not exist is refused.
    init(configuration: ShapeValue?, environment: EmulatorEnvironment, request: OperationRequest) async throws {
        guard let configuration else {
            applied = nil
            return
        }
        applied = try await GuardrailGate(environment: environment).guardrail(
            identifier: configuration["guardrailId"]?.stringValue ?? "", version: configuration["guardrailVersion"]?.stringValue,
            request: request)
    }

    /// What to answer instead when the guardrail blocks the question; nil lets it through.
    func assess(question: String) -> String? {
        guard let verdict = applied?.apply(source: .input, texts: [GuardrailText(question)]), verdict.evaluation.blocked else { return nil }
        return verdict.outputText
    }

    /// What to answer instead when the guardrail blocks or masks the answer; nil lets it through.
    func assess(answer: String) -> String? {
        guard let verdict = applied?.apply(source: .output, texts: [GuardrailText(answer)]), verdict.intervened else { return nil }
        return verdict.outputText
    }
}
