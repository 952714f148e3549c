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
    /// A `GuardrailConfiguration` value (`guardrailId`, `guardrailVersion`), nil when none is configured.
    let configuration: ShapeValue?
    let environment: EmulatorEnvironment

    var isConfigured: Bool { configuration != nil }

    /// Refuses a configured guardrail that does not exist.
    func requireExists(account: AccountContext) async throws {
        guard let configuration else { return }
        _ = try await ResourceCollection.guardrail(
            configuration["guardrailId"]?.stringValue ?? "", version: configuration["guardrailVersion"]?.stringValue, account: account,
            environment: environment)
    }

    /// What to answer instead when the guardrail blocks the question; nil lets it through.
    func assess(question: String, request: OperationRequest) async throws -> String? {
        guard let verdict = try await judge(question, source: .input, request: request), verdict.evaluation.blocked else { return nil }
        return verdict.outputText
    }

    /// What to answer instead when the guardrail blocks or masks the answer; nil lets it through.
    func assess(answer: String, request: OperationRequest) async throws -> String? {
        guard let verdict = try await judge(answer, source: .output, request: request), verdict.intervened else { return nil }
        return verdict.outputText
    }

    private func judge(_ text: String, source: GuardrailSource, request: OperationRequest) async throws -> GuardrailVerdict? {
        guard let configuration else { return nil }
        return try await GuardrailGate(environment: environment).apply(
            identifier: configuration["guardrailId"]?.stringValue ?? "", version: configuration["guardrailVersion"]?.stringValue,
            source: source, texts: [GuardrailText(text)], request: request)
    }
}
