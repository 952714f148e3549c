import Foundation
import GRDB

/// One row of the generic `resources` table: any resource of any service, its record kept as JSON.
public struct ResourceRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    /// The table every handler keeps its resources in.
    public static let databaseTableName = "resources"

    /// The resource's ARN, unique across the store.
    public var arn: String
    /// The owning service (`bedrock`, `bedrock-agent`, ...).
    public var service: String
    /// The resource type within the service (`agent`, `model-customization-job`, ...).
    public var type: String
    /// The resource's id, unique per service, type, account and region.
    public var id: String
    /// The resource's name, if it has one; not unique, handlers enforce that where AWS does.
    public var name: String?
    /// The owning account.
    public var account: String
    /// The owning region.
    public var region: String
    /// When the resource was created; with `id`, the order List operations return.
    public var createdAt: Date
    /// When the resource last changed.
    public var updatedAt: Date
    /// The handler's own record of the resource, as JSON.
    public var body: Data

    /// Creates a record from its columns.
    public init(
        arn: String, service: String, type: String, id: String, name: String?,
        account: String, region: String, createdAt: Date, updatedAt: Date, body: Data
    ) {
        self.arn = arn
        self.service = service
        self.type = type
        self.id = id
        self.name = name
        self.account = account
        self.region = region
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.body = body
    }

    /// Stores dates as Unix seconds, so the DOUBLE columns sort and compare numerically.
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .timeIntervalSince1970
    }

    /// Reads dates back from Unix seconds.
    public static func databaseDateDecodingStrategy(for column: String) -> DatabaseDateDecodingStrategy {
        .timeIntervalSince1970
    }
}
