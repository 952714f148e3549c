import Synchronization

/// Client request tokens remembered in memory, for Create and Start operations whose shapes
/// keep no member for them: a repeated token answers with what the first call made.
public final class IdempotencyTokens: Sendable {
    private let made = Mutex<[String: String]>([:])

    public init() {}

    /// The result (an ARN or id) of the earlier call with `token`, or nil when there was none.
    public func earlier(_ token: String?, scope: String, account: AccountContext) -> String? {
        guard let token else { return nil }
        return made.withLock { $0[key(token, scope: scope, account: account)] }
    }

    /// Notes that the call with `token` made `result`.
    public func remember(_ token: String?, made result: String, scope: String, account: AccountContext) {
        guard let token else { return }
        made.withLock { $0[key(token, scope: scope, account: account)] = result }
    }

    func key(_ token: String, scope: String, account: AccountContext) -> String {
        "\(account.accountId)/\(account.region)/\(scope)/\(token)"
    }
}
