/// The provider families whose native request and response bodies the fake models speak.
public enum ModelFamily: String, Sendable, CaseIterable {
    case anthropic, amazon, meta, mistral, cohere, ai21, stability, deepseek
}
