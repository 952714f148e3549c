/// An Amazon Resource Name: `arn:partition:service:region:account:resource`.
public struct ARN: Sendable, Hashable, CustomStringConvertible {
    /// `aws`, `aws-cn` or `aws-us-gov`.
    public var partition: String
    /// The service namespace, e.g. `bedrock`.
    public var service: String
    /// The region; empty for global resources.
    public var region: String
    /// The account; empty for AWS-owned resources such as foundation models.
    public var account: String
    /// Everything after the fifth colon, e.g. `agent/ABCDE12345`; may itself contain colons.
    public var resource: String

    /// Creates an ARN from its parts.
    public init(partition: String = "aws", service: String, region: String, account: String, resource: String) {
        self.partition = partition
        self.service = service
        self.region = region
        self.account = account
        self.resource = resource
    }

    /// Parses `text`; nil unless it has the `arn:` prefix, six parts and a non-empty
    /// partition, service and resource.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 6, parts[0] == "arn",
              !parts[1].isEmpty, !parts[2].isEmpty, !parts[5].isEmpty
        else { return nil }
        self.init(partition: parts[1], service: parts[2], region: parts[3], account: parts[4], resource: parts[5])
    }

    /// The ARN as text.
    public var description: String {
        "arn:\(partition):\(service):\(region):\(account):\(resource)"
    }
}
