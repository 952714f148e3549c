import BedrockAPI
import FakeModels

/// A guardrail's judgement of one input or output, with the guardrail that made it.
public struct GuardrailVerdict: Sendable {
    public let guardrailId: String
    public let guardrailArn: String
    public let version: String
    public let evaluation: GuardrailEvaluation

    /// The guardrail blocked or masked something.
    public var intervened: Bool { evaluation.intervened }
    /// The blocked message or the masked text to use instead; nil when it did not intervene.
    public var outputText: String? { evaluation.outputText }
    /// The botocore `GuardrailAssessment`, naming the guardrail that made it
    /// (`appliedGuardrailDetails`: asked for in the request, the caller's own).
    public var assessment: ShapeValue {
        guard case .map(var members) = evaluation.assessment else { return evaluation.assessment }
        members["appliedGuardrailDetails"] = [
            "guardrailId": .string(guardrailId), "guardrailVersion": .string(version), "guardrailArn": .string(guardrailArn),
            "guardrailOrigin": ["REQUEST"], "guardrailOwnership": "SELF",
        ]
        return .map(members)
    }
    /// The botocore `GuardrailUsage`.
    public var usage: ShapeValue { evaluation.usage }
}
