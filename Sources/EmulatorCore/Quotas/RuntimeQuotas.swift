import BedrockAPI
import Foundation
import Synchronization

/// Sliding one-minute windows of requests and tokens per (account, region, model), shared
/// by every runtime call that invokes the model, as on AWS. A call is admitted when the
/// window has room for one more request and for its reservation (input plus the most output
/// it may produce); the window then keeps what it really used.
public final class RuntimeQuotas: Sendable {
    /// Whether quotas apply: off by default, so fast test suites are not surprised.
    public enum Mode: String, Sendable {
        case off
        /// The user guide's per-model defaults from the catalog.
        case aws
    }

    struct Key: Hashable {
        let account: String
        let region: String
        let model: String
    }

    struct Use {
        let time: Date
        let tokens: Int
    }

    public static let window: TimeInterval = 60
    public let mode: Mode
    private let windows = Mutex<[Key: [Use]]>([:])

    public init(mode: Mode = .off) {
        self.mode = mode
    }

    /// Admits one call of `model` or throws `ThrottlingException`; `reserve` is checked
    /// against the token limit, `charge` is what the window keeps. No limits, no window.
    public func admit(
        account: AccountContext, model: String, limits: QuotaLimits?, reserve: Int, charge: Int, now: Date
    ) throws(BedrockError) {
        guard let limits else { return }
        let key = Key(account: account.accountId, region: account.region, model: model)
        let admitted = windows.withLock { windows -> Bool in
            var uses = windows[key, default: []]
            uses.removeAll { now.timeIntervalSince($0.time) >= Self.window }
            defer { windows[key] = uses }
            if let rpm = limits.requestsPerMinute, uses.count >= rpm { return false }
            if let tpm = limits.tokensPerMinute, uses.reduce(0, { $0 + $1.tokens }) + reserve > tpm { return false }
            uses.append(Use(time: now, tokens: charge))
            return true
        }
        if !admitted { throw .throttling() }
    }

    /// Empties every window.
    public func reset() {
        windows.withLock { $0.removeAll() }
    }

    /// Requests and tokens in the current window of each model, for the admin API.
    public func usage(now: Date) -> [(account: String, region: String, model: String, requests: Int, tokens: Int)] {
        windows.withLock { windows in
            windows.compactMap { key, uses in
                let live = uses.filter { now.timeIntervalSince($0.time) < Self.window }
                return live.isEmpty ? nil : (key.account, key.region, key.model, live.count, live.reduce(0) { $0 + $1.tokens })
            }.sorted { ($0.account, $0.region, $0.model) < ($1.account, $1.region, $1.model) }
        }
    }
}
