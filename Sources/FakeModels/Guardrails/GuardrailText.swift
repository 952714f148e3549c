/// One piece of text a guardrail assesses, with the qualifiers AWS lets callers tag it with
/// (`grounding_source`, `query`, `guard_content`).
public struct GuardrailText: Sendable, Equatable {
    public var text: String
    public var qualifiers: [String]

    public init(_ text: String, qualifiers: [String] = []) {
        self.text = text
        self.qualifiers = qualifiers
    }

    /// Reference text for contextual grounding only; the other policies do not judge it.
    public var isReference: Bool { qualifiers.contains("grounding_source") || qualifiers.contains("query") }
}

/// Whether a guardrail judges a prompt (INPUT) or a model's answer (OUTPUT).
public enum GuardrailSource: String, Sendable {
    case input = "INPUT", output = "OUTPUT"
}
