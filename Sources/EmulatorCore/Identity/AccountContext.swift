/// The account and region a request acts in.
public struct AccountContext: Sendable, Hashable {
    /// The 12-digit account id.
    public var accountId: String
    /// The region, e.g. `us-east-1`.
    public var region: String

    /// Creates a context; the defaults are the emulator's single account and region.
    public init(accountId: String = "123456789012", region: String = "us-east-1") {
        self.accountId = accountId
        self.region = region
    }

    /// The partition AWS uses for this region.
    public var partition: String {
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        return "aws"
    }

    /// The ARN of `resource` (e.g. `agent/ABCDE12345`) of `service` in this account and region.
    public func arn(service: String, resource: String) -> ARN {
        ARN(partition: partition, service: service, region: region, account: accountId, resource: resource)
    }
}
