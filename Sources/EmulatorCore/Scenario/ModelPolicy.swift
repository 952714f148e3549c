import BedrockAPI

/// What a scenario says of the models a glob matches: whether the account may call them,
/// their lifecycle, and their per-minute quotas.
public struct ModelPolicy: Sendable, Equatable {
    public enum Access: String, Sendable { case granted, denied }
    public enum Lifecycle: String, Sendable { case active = "ACTIVE", legacy = "LEGACY", endOfLife = "END_OF_LIFE" }

    public var model: Glob
    public var access: Access?
    public var lifecycle: Lifecycle?
    public var quotas: QuotaLimits?

    public init(model: Glob, access: Access? = nil, lifecycle: Lifecycle? = nil, quotas: QuotaLimits? = nil) {
        self.model = model
        self.access = access
        self.lifecycle = lifecycle
        self.quotas = quotas
    }

    /// Bedrock's refusal of a model the account has no access to.
    public static let accessDenied = BedrockError.accessDenied("You don't have access to the model with the specified model ID.")
}

extension ModelPolicy {
    init(_ node: ScenarioNode) throws(ScenarioError) {
        let fields = try node.fields(["model", "access", "lifecycle", "requests_per_minute", "tokens_per_minute"])
        model = Glob(try fields.required("model").string())
        access = try fields["access"].map { node throws(ScenarioError) in Access(rawValue: try node.choice(["granted", "denied"]))! }
        lifecycle = try fields["lifecycle"].map { node throws(ScenarioError) in
            Lifecycle(rawValue: try node.choice(["ACTIVE", "LEGACY", "END_OF_LIFE"]))!
        }
        quotas = try QuotaLimits(fields)
    }
}

extension QuotaLimits {
    /// `requests_per_minute` and `tokens_per_minute`, when either is given.
    init?(_ fields: ScenarioFields) throws(ScenarioError) {
        let requests = try fields["requests_per_minute"]?.int()
        let tokens = try fields["tokens_per_minute"]?.int()
        if requests == nil && tokens == nil { return nil }
        self.init(requestsPerMinute: requests, tokensPerMinute: tokens)
    }
}
