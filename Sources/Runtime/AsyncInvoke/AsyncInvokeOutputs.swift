import EmulatorCore
import Foundation

/// The outputs of async invocations still in progress, held until their time comes so the
/// object store shows them only once the invocation is `Completed`.
actor AsyncInvokeOutputs {
    /// What an invocation ends with: files to write, or the reason it failed.
    enum Outcome: Sendable {
        case files([(name: String, data: Data)])
        case failure(String)
    }

    private var pending: [String: Outcome] = [:]
    /// The account each pending invocation belongs to, so a sweep can find it.
    private var accounts: [String: AccountContext] = [:]

    func hold(_ outcome: Outcome, for arn: String, account: AccountContext) {
        pending[arn] = outcome
        accounts[arn] = account
    }

    /// Takes the outcome out; nil when the emulator restarted since the invocation began.
    func take(_ arn: String) -> Outcome? {
        accounts[arn] = nil
        return pending.removeValue(forKey: arn)
    }

    /// The invocations still waiting for their outcome.
    func waiting() -> [(arn: String, account: AccountContext)] { accounts.map { ($0.key, $0.value) } }
}
