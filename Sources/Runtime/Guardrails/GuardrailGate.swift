import BedrockAPI
import EmulatorCore
import FakeModels

/// The one way a Bedrock feature applies a guardrail (ApplyGuardrail, InvokeModel, Converse,
/// and after them agents, knowledge bases and flows): finds the guardrail version of the
/// caller's account and judges text with it.
public struct GuardrailGate: Sendable {
    let environment: EmulatorEnvironment

    public init(environment: EmulatorEnvironment) {
        self.environment = environment
    }

    /// The guardrail `identifier` (id or ARN) names at `version` (`DRAFT` or a number),
    /// ready to judge text; a missing guardrail or version is a ResourceNotFoundException.
    public func guardrail(identifier: String, version: String?, request: OperationRequest) async throws -> AppliedGuardrail {
        let stored = try await ResourceCollection.guardrail(
            identifier, version: version, account: request.context.account, environment: environment)
        return AppliedGuardrail(
            guardrailId: stored.value["guardrailId"]?.stringValue ?? stored.id,
            guardrailArn: stored.value["guardrailArn"]?.stringValue ?? stored.arn,
            version: stored.value["version"]?.stringValue ?? "DRAFT",
            evaluator: GuardrailEvaluator(guardrail: stored.value))
    }

    /// Judges `texts` from `source` with the guardrail `identifier` names at `version`.
    public func apply(
        identifier: String, version: String?, source: GuardrailSource, texts: [GuardrailText], request: OperationRequest
    ) async throws -> GuardrailVerdict {
        try await guardrail(identifier: identifier, version: version, request: request).apply(source: source, texts: texts)
    }

    /// The guardrail a model call names in `guardrailConfig` (Converse) or its headers
    /// (InvokeModel); nil when it names none. Bedrock answers a missing guardrail of a model
    /// call with a ValidationException, unlike ApplyGuardrail.
    func configured(identifier: String?, version: String?, request: OperationRequest) async throws -> AppliedGuardrail? {
        guard let identifier, !identifier.isEmpty else {
            if version?.isEmpty == false {
                throw BedrockError.validation("A guardrail version was given without a guardrail identifier. Provide both the guardrail identifier and its version.")
            }
            return nil
        }
        guard let version, !version.isEmpty else {
            throw BedrockError.validation("Guardrail \(identifier) was given without a version. Provide the guardrail version (DRAFT or a version number).")
        }
        do {
            return try await guardrail(identifier: identifier, version: version, request: request)
        } catch let error as BedrockError where error.code == "ResourceNotFoundException" {
            throw BedrockError.validation("The guardrail identifier or version provided in the request does not exist. \(error.message)")
        }
    }
}
