import BedrockAPI
import Foundation
import GRDB
import Synchronization

/// Model invocation logging: one configuration per account and region (stored as its
/// `LoggingConfig`), and the delivery of records to its destinations in the local object
/// store. S3: `s3://<bucketName>/<keyPrefix>/AWSLogs/<account>/BedrockModelInvocationLogs/<region>/<yyyy>/<mm>/<dd>/<hh>/<time>_<request id>.json.gz`,
/// one gzipped JSON-lines file per call. CloudWatch Logs has no local service, so its
/// events go to `s3://bedrock-emulator-cloudwatch/<logGroupName>/aws/bedrock/modelinvocations/<time>_<request id>.json`.
public struct ModelInvocationLogging: Sendable {
    /// The bucket standing in for CloudWatch Logs.
    public static let cloudWatchBucket = "bedrock-emulator-cloudwatch"
    static let configurationId = "configuration"

    let configurations: ResourceCollection
    let environment: EmulatorEnvironment

    public init(environment: EmulatorEnvironment) {
        self.environment = environment
        self.configurations = ResourceCollection(
            service: "bedrock", type: "model-invocation-logging", shape: "LoggingConfig", environment: environment)
    }

    /// What the environment knows of configurations without reading the store: nil until
    /// the first look, false while none exists anywhere (the runtime's calls skip the store),
    /// true once one may (each call reads its account's).
    final class Presence: Sendable {
        let mayExist = Mutex<Bool?>(nil)
    }

    /// The configuration in force, nil when logging is off.
    public func configuration(account: AccountContext) async throws -> ShapeValue? {
        let presence = environment.invocationLogging
        switch presence.mayExist.withLock({ $0 }) {
        case false?:
            return nil
        case nil:
            // A store nothing has opened holds nothing: no need to open it to know.
            guard environment.store.isOpen else { return nil }
            let type = configurations.type
            let any = try await environment.store.read { db in try ResourceRecord.filter(Column("type") == type).fetchCount(db) > 0 }
            // A put that raced this look has already said true; keep it.
            presence.mayExist.withLock { if $0 == nil { $0 = any } }
            if !any { return nil }
        case true?:
            break
        }
        return try await configurations.find(Self.configurationId, account: account)?.value
    }

    /// Replaces the configuration.
    public func put(_ config: ShapeValue, account: AccountContext) async throws {
        environment.invocationLogging.mayExist.withLock { $0 = true }
        try await configurations.upsert(config, id: Self.configurationId, account: account)
    }

    /// Turns logging off.
    public func delete(account: AccountContext) async throws {
        if let stored = try await configurations.find(Self.configurationId, account: account) { try await configurations.delete(stored) }
    }

    /// Delivers one call's record to every destination, if logging is on and takes the
    /// call's data type (a data type flag the configuration leaves out counts as on). A
    /// failing delivery is dropped, as AWS retries it out of band: the call never fails.
    /// The record is made only when it will be delivered.
    public func deliver(_ dataType: InvocationLogRecord.DataType, context: RequestContext, _ make: () -> InvocationLogRecord) async {
        guard let config = try? await configuration(account: context.account),
              config["\(dataType.rawValue)DataDeliveryEnabled"]?.boolValue ?? true
        else { return }
        let record = make()
        let now = environment.clock.now()
        let line = Data(JSONWriter.write(record.json(context: context, time: now))) + Data("\n".utf8)
        let stamp = Self.fileStamp(now)
        let name = "\(stamp.file)_\(context.requestId)"
        let account = context.account
        if let bucket = config["s3Config"]?["bucketName"]?.stringValue {
            let folder = Self.prefixed(config["s3Config"]?["keyPrefix"]?.stringValue)
                + "AWSLogs/\(account.accountId)/BedrockModelInvocationLogs/\(account.region)/\(stamp.folder)/"
            try? environment.objects.write("s3://\(bucket)/\(folder)\(name).json.gz", Gzip.wrap(line))
        }
        if let group = config["cloudWatchConfig"]?["logGroupName"]?.stringValue {
            let folder = Self.prefixed(group) + "aws/bedrock/modelinvocations/"
            try? environment.objects.write("s3://\(Self.cloudWatchBucket)/\(folder)\(name).json", line)
        }
    }

    /// `prefix/` with its slashes trimmed, or nothing: keys never hold empty segments.
    static func prefixed(_ prefix: String?) -> String {
        let parts = (prefix ?? "").split(separator: "/", omittingEmptySubsequences: true)
        return parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
    }

    /// `yyyy/mm/dd/hh` and `yyyyMMddTHHmmssSSSZ` in UTC.
    static func fileStamp(_ date: Date) -> (folder: String, file: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        let (y, mo, d, h) = (c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0)
        let ms = (c.nanosecond ?? 0) / 1_000_000
        return (
            String(format: "%04d/%02d/%02d/%02d", y, mo, d, h),
            String(format: "%04d%02d%02dT%02d%02d%02d%03dZ", y, mo, d, h, c.minute ?? 0, c.second ?? 0, ms)
        )
    }
}
