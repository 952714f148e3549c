import Synchronization

/// The `clientRequestToken`s of Create calls whose output shape has no member to keep them
/// in: a repeated token answers the resource the first call made, as AWS does, while that
/// resource still exists (callers check, as the store may have been reset).
public final class IdempotencyTokens: Sendable {
    private let earlier = Mutex<[String: String]>([:])

    public init() {}

    /// The ARN an earlier call with this token made in this account and region, if any.
    public func arn(for token: String?, account: AccountContext) -> String? {
        guard let token else { return nil }
        return earlier.withLock { $0[Self.key(token, account)] }
    }

    /// Remembers the ARN a call with this token made.
    public func remember(_ token: String?, arn: String, account: AccountContext) {
        guard let token else { return }
        earlier.withLock { $0[Self.key(token, account)] = arn }
    }

    static func key(_ token: String, _ account: AccountContext) -> String { "\(account.accountId)/\(account.region)/\(token)" }
}
