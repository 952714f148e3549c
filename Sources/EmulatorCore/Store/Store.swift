import Foundation
import GRDB
import Logging

/// The emulator's persistent state: one SQLite database, in memory or on disk.
public final class Store: Sendable {
    /// The GRDB connection; a queue in memory, a WAL pool on disk.
    public let writer: any DatabaseWriter
    /// Where the database lives, or nil in memory.
    public let fileURL: URL?

    private init(writer: any DatabaseWriter, fileURL: URL?, migrations: [StoreMigration]) throws {
        self.writer = writer
        self.fileURL = fileURL
        try Store.migrator(with: migrations).migrate(writer)
    }

    /// Opens a fresh database that lives only as long as this store.
    public static func inMemory(migrations: [StoreMigration] = []) throws -> Store {
        try Store(writer: DatabaseQueue(configuration: configuration()), fileURL: nil, migrations: migrations)
    }

    /// Opens (or creates) `directory/state.sqlite` in WAL mode, creating the directory if needed.
    public static func onDisk(
        directory: URL,
        migrations: [StoreMigration] = [],
        logger: Logger = Logger(label: "bedrock-emulator.store")
    ) throws -> Store {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("state.sqlite")
        // A pool always runs in WAL mode, so readers never wait for the writer.
        let pool = try DatabasePool(path: file.path, configuration: configuration())
        logger.info("Opened state database", metadata: ["path": "\(file.path)"])
        return try Store(writer: pool, fileURL: file, migrations: migrations)
    }

    /// Runs `body` with read-only access to a consistent snapshot of the database.
    public func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        try await writer.read(body)
    }

    /// Runs `body` in one transaction; when this returns, the change is committed.
    public func write<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        try await writer.write(body)
    }

    private static func configuration() -> Configuration {
        var config = Configuration()
        config.label = "bedrock-emulator"
        // Handlers run concurrently; wait for the writer rather than failing with SQLITE_BUSY.
        config.busyMode = .timeout(10)
        return config
    }
}
