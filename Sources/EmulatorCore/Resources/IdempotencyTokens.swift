import BedrockAPI
import Synchronization

/// The first answer to each client request token, so a retried create returns it instead
/// of making a second resource. Kept in memory: a token outlives neither a restart nor a reset.
public final class IdempotencyTokens: Sendable {
    private let answers = Mutex<[String: ShapeValue]>([:])

    public init() {}

    /// The answer remembered for `token` in `scope` (an operation, or an operation and a parent resource).
    public func earlier(_ token: String?, scope: String, account: AccountContext) -> ShapeValue? {
        guard let token else { return nil }
        return answers.withLock { $0[Self.key(token, scope, account)] }
    }

    /// The answer remembered for `token`, while the resource it made (the one its `idMember`
    /// names) is still in `collection`; a token whose resource was deleted makes a new one.
    public func earlier(
        _ token: String?, scope: String, account: AccountContext, stillIn collection: ResourceCollection, idMember: String
    ) async throws -> ShapeValue? {
        guard let answer = earlier(token, scope: scope, account: account),
            try await collection.find(answer[idMember]?.stringValue ?? "", account: account) != nil
        else { return nil }
        return answer
    }

    /// Remembers `answer` for `token`; no token, nothing to remember.
    public func remember(_ token: String?, scope: String, account: AccountContext, answer: ShapeValue) {
        guard let token else { return }
        answers.withLock { $0[Self.key(token, scope, account)] = answer }
    }

    private static func key(_ token: String, _ scope: String, _ account: AccountContext) -> String {
        "\(account.accountId)/\(account.region)/\(scope)/\(token)"
    }
}
