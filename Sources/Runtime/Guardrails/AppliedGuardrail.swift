import BedrockAPI
import FakeModels

/// One guardrail version loaded for judging, named as assessments and traces name it.
public struct AppliedGuardrail: Sendable {
    public let guardrailId: String
    public let guardrailArn: String
    public let version: String
    public let evaluator: GuardrailEvaluator

    /// Judges `texts` from `source`; `imageCount` images are counted and found harmless.
    public func apply(source: GuardrailSource, texts: [GuardrailText], imageCount: Int = 0, fullScope: Bool = false) -> GuardrailVerdict {
        GuardrailVerdict(
            guardrailId: guardrailId, guardrailArn: guardrailArn, version: version,
            evaluation: evaluator.evaluate(source: source, texts: texts, imageCount: imageCount, fullScope: fullScope))
    }
}
