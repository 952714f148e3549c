import BedrockAPI
import EmulatorCore

/// The one place RetrieveAndGenerate (and its stream) applies
/// `generationConfiguration.guardrailConfiguration`: to the question before anything is
/// retrieved, and to the answer before it is sent. The guardrail must exist (404 if not);
/// until the guardrail evaluator is wired in here, both checks let everything through and
/// the answer reports `guardrailAction` `NONE`.
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
        nil
    }

    /// What to answer instead when the guardrail blocks the answer; nil lets it through.
    func assess(answer: String, request: OperationRequest) async throws -> String? {
        nil
    }
}
