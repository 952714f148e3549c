import BedrockAPI
import EmulatorCore

/// Model invocation logging configuration: Put (checked destinations), Get (exactly what
/// Put stored) and Delete. The runtime delivers records while a configuration is set.
public enum InvocationLoggingOperations {
    static let service = "bedrock"

    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let logging = ModelInvocationLogging(environment: environment)

        registry.register(service, "PutModelInvocationLoggingConfiguration") { request in
            let config = request.input["loggingConfig"] ?? [:]
            let s3 = config["s3Config"]
            let cloudWatch = config["cloudWatchConfig"]
            guard s3 != nil || cloudWatch != nil else {
                throw BedrockError.validation("The logging configuration has no destination. Set s3Config, cloudWatchConfig or both.")
            }
            for (member, destination) in [("s3Config", s3), ("cloudWatchConfig.largeDataDeliveryS3Config", cloudWatch?["largeDataDeliveryS3Config"])] {
                guard let destination else { continue }
                try check(destination, member: member)
            }
            try await logging.put(config, account: request.context.account)
            return OperationOutput()
        }

        registry.register(service, "GetModelInvocationLoggingConfiguration") { request in
            guard let config = try await logging.configuration(account: request.context.account) else { return OperationOutput() }
            return OperationOutput(["loggingConfig": config])
        }

        registry.register(service, "DeleteModelInvocationLoggingConfiguration") { request in
            try await logging.delete(account: request.context.account)
            return OperationOutput()
        }
    }

    /// An S3 destination must name a valid bucket and a prefix that is a valid key.
    static func check(_ destination: ShapeValue, member: String) throws {
        let bucket = destination["bucketName"]?.stringValue ?? ""
        let prefix = destination["keyPrefix"]?.stringValue ?? ""
        do {
            _ = try S3Location(parsing: "s3://\(bucket)/\(prefix)")
        } catch {
            throw BedrockError.validation(
                "\(member) is invalid: \(bucket) is not a usable S3 bucket name or \(prefix) is not a usable key prefix. Check the bucket name and prefix.")
        }
    }
}
