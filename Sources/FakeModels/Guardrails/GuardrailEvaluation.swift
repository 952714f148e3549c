import BedrockAPI

/// What a guardrail made of one input or output: AWS's `GuardrailAssessment` (with its
/// invocation metrics), whether it intervened, and the text to show instead of the original.
public struct GuardrailEvaluation: Sendable, Equatable {
    /// A policy blocked the text: the caller shows the blocked message instead.
    public let blocked: Bool
    /// The guardrail blocked or anonymized something (`GUARDRAIL_INTERVENED`).
    public let intervened: Bool
    /// The botocore `GuardrailAssessment`, invocation metrics included.
    public let assessment: ShapeValue
    /// The botocore `GuardrailUsage`: text units per policy evaluated.
    public let usage: ShapeValue
    /// The botocore `GuardrailCoverage`: characters and images guarded out of all sent.
    public let coverage: ShapeValue
    /// ApplyGuardrail's `outputs` texts: the blocked message, or each assessed text with its
    /// sensitive information masked; empty when the guardrail let everything through.
    public let outputs: [String]
    /// AWS's `actionReason`: `Guardrail blocked.`, `Guardrail masked.` or `No action.`.
    public let actionReason: String

    /// The text to use in place of the judged one (blocked message or masked text); nil when
    /// the guardrail did not intervene.
    public var outputText: String? { intervened ? outputs.joined(separator: "\n") : nil }

    /// `GUARDRAIL_INTERVENED` or `NONE`, as ApplyGuardrail spells it.
    public var action: String { intervened ? "GUARDRAIL_INTERVENED" : "NONE" }
}
