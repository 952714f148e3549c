import Foundation
import GRDB
import Logging
import Synchronization

/// The emulator's persistent state: one SQLite database, in memory or on disk.
public final class Store: Sendable {
    /// Where the database lives, or nil in memory.
    public let fileURL: URL?
    /// The GRDB connection (a queue in memory, a WAL pool on disk), opened and migrated on
    /// first use: an emulator that only answers model calls never loads SQLite.
    private let connection: Mutex<(any DatabaseWriter)?>
    private let open: @Sendable () throws -> any DatabaseWriter

    private init(fileURL: URL?, migrations: [StoreMigration], open: @escaping @Sendable () throws -> any DatabaseWriter) {
        self.fileURL = fileURL
        self.connection = Mutex(nil)
        self.open = {
            let writer = try open()
            try Store.migrator(with: migrations).migrate(writer)
            return writer
        }
    }

    /// The connection, opened and migrated now if this is the first use.
    public var writer: any DatabaseWriter {
        get throws {
            try connection.withLock { connection in
                if let connection { return connection }
                let opened = try open()
                connection = opened
                return opened
            }
        }
    }

    /// Whether the database has been opened yet.
    public var isOpen: Bool { connection.withLock { $0 != nil } }

    /// A fresh database that lives only as long as this store, created when first used.
    public static func inMemory(migrations: [StoreMigration] = []) throws -> Store {
        Store(fileURL: nil, migrations: migrations) { try DatabaseQueue(configuration: configuration()) }
    }

    /// Opens (or creates) `directory/state.sqlite` in WAL mode, creating the directory if needed.
    /// Opened at once, so a folder or file that cannot be used is reported at start.
    public static func onDisk(
        directory: URL,
        migrations: [StoreMigration] = [],
        logger: Logger = Logger(label: "bedrock-emulator.store")
    ) throws -> Store {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("state.sqlite")
        // A pool always runs in WAL mode, so readers never wait for the writer.
        let store = Store(fileURL: file, migrations: migrations) { try DatabasePool(path: file.path, configuration: configuration()) }
        _ = try store.writer
        logger.info("Opened state database", metadata: ["path": "\(file.path)"])
        return store
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
