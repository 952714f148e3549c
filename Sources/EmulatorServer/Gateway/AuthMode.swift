/// How the gateway treats request signatures.
public enum AuthMode: Sendable {
    /// Any well-formed signature, a bearer token, or none at all is accepted.
    case lenient
    /// Signatures are verified against these access key ids and their secret keys.
    case strict(secrets: [String: String])
}
