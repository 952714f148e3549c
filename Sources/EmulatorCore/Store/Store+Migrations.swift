import GRDB

/// The schema every feature builds on: the generic resource table and the tag table.
extension Store {
    /// The core migrations, always applied before the ones a caller passes to `inMemory`/`onDisk`.
    public static let coreMigrations: [StoreMigration] = [
        StoreMigration("core-v1-resources", migrate: createResources),
        StoreMigration("core-v1-tags", migrate: createTags),
    ]

    /// Builds the migrator for the core migrations followed by `extra`.
    static func migrator(with extra: [StoreMigration]) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in coreMigrations + extra {
            migrator.registerMigration(migration.identifier, migrate: migration.migrate)
        }
        return migrator
    }

    private static func createResources(_ db: Database) throws {
        try db.create(table: "resources") { t in
            t.primaryKey("arn", .text)
            t.column("service", .text).notNull()
            t.column("type", .text).notNull()
            t.column("id", .text).notNull()
            t.column("name", .text)
            t.column("account", .text).notNull()
            t.column("region", .text).notNull()
            t.column("createdAt", .double).notNull()
            t.column("updatedAt", .double).notNull()
            t.column("body", .blob).notNull()
        }
        try db.create(
            index: "resources_by_id", on: "resources",
            columns: ["service", "type", "account", "region", "id"], unique: true
        )
        try db.create(
            index: "resources_by_name", on: "resources",
            columns: ["service", "type", "account", "region", "name"]
        )
    }

    private static func createTags(_ db: Database) throws {
        try db.create(table: "tags") { t in
            t.column("arn", .text).notNull()
            t.column("key", .text).notNull()
            t.column("value", .text).notNull()
            t.primaryKey(["arn", "key"])
        }
    }
}
