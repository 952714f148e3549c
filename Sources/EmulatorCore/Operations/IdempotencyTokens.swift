import Synchronization

/// The `clientRequestToken`s a Create operation has seen and the ARN each made, for
/// resources whose stored shape has no member to keep the token in. Kept in memory:
/// a restarted emulator forgets them, as a retry window would close.
public final class IdempotencyTokens: Sendable {
    private let made = Mutex<[String: String]>([:])

    public init() {}

    /// The ARN an earlier request with the same token made in the same account and region.
    public func earlier(_ token: String?, account: AccountContext) -> String? {
        guard let token else { return nil }
        return made.withLock { $0[Self.key(token, account)] }
    }

    /// Remembers that `token` made `arn`.
    public func remember(_ token: String?, made arn: String, account: AccountContext) {
        guard let token else { return }
        made.withLock { $0[Self.key(token, account)] = arn }
    }

    static func key(_ token: String, _ account: AccountContext) -> String {
        "\(account.accountId)/\(account.region)/\(token)"
    }
}
