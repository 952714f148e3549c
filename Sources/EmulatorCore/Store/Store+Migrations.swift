import GRDB

/// The schema every feature builds on: the generic resource table and the tag table.
extension Store {
    /// The core migrations, always applied before the ones a caller passes to `inMemory`/`onDisk`.
    public static let coreMigrations: [StoreMigration] = [
        StoreMigration("core-v1-resources", migrate: createResources),
        StoreMigration("core-v1-tags", migrate: createTags),
        StoreMigration("core-v2-knowledge-base-index", migrate: createKnowledgeBaseIndex),
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

    /// The documents each knowledge base data source indexed, and their embedded chunks.
    private static func createKnowledgeBaseIndex(_ db: Database) throws {
        try db.create(table: "kb_documents") { t in
            t.column("knowledgeBaseId", .text).notNull()
            t.column("dataSourceId", .text).notNull()
            t.column("uri", .text).notNull()
            t.column("identifier", .blob).notNull()
            t.column("digest", .text).notNull()
            t.column("metadataDigest", .text).notNull()
            t.column("status", .text).notNull()
            t.column("statusReason", .text)
            t.column("updatedAt", .double).notNull()
            t.column("origin", .text).notNull()
            t.primaryKey(["knowledgeBaseId", "dataSourceId", "uri"])
        }
        try db.create(table: "kb_chunks") { t in
            t.column("knowledgeBaseId", .text).notNull()
            t.column("dataSourceId", .text).notNull()
            t.column("uri", .text).notNull()
            t.column("position", .integer).notNull()
            t.column("chunkId", .text).notNull()
            t.column("text", .text).notNull()
            t.column("metadata", .blob).notNull()
            t.column("location", .blob).notNull()
            t.column("vector", .blob).notNull()
        }
        try db.create(index: "kb_chunks_by_document", on: "kb_chunks", columns: ["knowledgeBaseId", "dataSourceId", "uri"])
    }
}
