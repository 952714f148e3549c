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

    func hold(_ outcome: Outcome, for arn: String) { pending[arn] = outcome }

    /// Takes the outcome out; nil when the emulator restarted since the invocation began.
    func take(_ arn: String) -> Outcome? { pending.removeValue(forKey: arn) }
}
