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

    /// Each pending outcome with the account its invocation belongs to, so a sweep can find it.
    private var pending: [String: (outcome: Outcome, account: AccountContext)] = [:]

    func hold(_ outcome: Outcome, for arn: String, account: AccountContext) {
        pending[arn] = (outcome, account)
    }

    /// Takes the outcome out; nil when the emulator restarted since the invocation began.
    func take(_ arn: String) -> Outcome? { pending.removeValue(forKey: arn)?.outcome }

    /// The invocations still waiting for their outcome.
    func waiting() -> [(arn: String, account: AccountContext)] { pending.map { ($0.key, $0.value.account) } }
}
