import Foundation

/// What a handler knows of a call besides its input: who called, where, and when.
public struct RequestContext: Sendable {
    /// The `x-amzn-RequestId` the response carries.
    public let requestId: String
    /// The caller's account and the region from the signing scope.
    public let account: AccountContext
    /// The access key id that signed the request, if it was signed.
    public let accessKeyId: String?
    public let receivedAt: Date
    /// The scenario's response rules for this call.
    public let rules: CallRules

    public init(requestId: String, account: AccountContext, accessKeyId: String?, receivedAt: Date, rules: CallRules = .none) {
        self.requestId = requestId
        self.account = account
        self.accessKeyId = accessKeyId
        self.receivedAt = receivedAt
        self.rules = rules
    }
}
