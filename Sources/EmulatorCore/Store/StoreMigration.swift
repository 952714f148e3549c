import GRDB

/// One named schema change; applied once per database, in list order.
public struct StoreMigration: Sendable {
    /// Unique name recorded in the database once the migration has run; never rename it.
    public let identifier: String
    /// The schema change itself, run inside a transaction.
    public let migrate: @Sendable (Database) throws -> Void

    /// Creates a migration named `identifier`.
    public init(_ identifier: String, migrate: @escaping @Sendable (Database) throws -> Void) {
        self.identifier = identifier
        self.migrate = migrate
    }
}
