import BedrockAPI
import EmulatorCore
import Foundation
import GRDB
import Testing

private struct Widget: Codable, Equatable {
    var colour: String
}

private func record(
    id: String, name: String? = nil, createdAt: Double = 1_000, colour: String = "red"
) throws -> ResourceRecord {
    try ResourceRecord(
        arn: "arn:aws:test:us-east-1:123456789012:widget/\(id)", service: "test", type: "widget",
        id: id, name: name, account: "123456789012", region: "us-east-1",
        createdAt: Date(timeIntervalSince1970: createdAt), updatedAt: Date(timeIntervalSince1970: createdAt),
        value: Widget(colour: colour)
    )
}

@Suite struct StoreTests {
    /// SQLite is loaded only when state is first read or written; a folder is opened at once.
    @Test func anInMemoryDatabaseOpensOnFirstUse() async throws {
        let store = try Store.inMemory()
        #expect(!store.isOpen)
        #expect(try await store.resource(arn: "arn:aws:test:us-east-1:123456789012:widget/none") == nil)
        #expect(store.isOpen)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try Store.onDisk(directory: directory).isOpen)
    }

    @Test func inMemoryRoundTrip() async throws {
        let store = try Store.inMemory()
        let widget = try record(id: "W1", name: "first")
        try await store.insertResource(widget)
        let fetched = try #require(await store.resource(arn: widget.arn))
        #expect(fetched == widget)
        #expect(try fetched.decodeBody(as: Widget.self) == Widget(colour: "red"))
        #expect(try await store.resourceExists(arn: widget.arn))
        #expect(try await !store.resourceExists(arn: widget.arn + "x"))
    }

    @Test func onDiskSurvivesReopen() async throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let widget = try record(id: "W1")
        do {
            let store = try Store.onDisk(directory: directory)
            try await store.insertResource(widget)
            try await TagStore(store: store).tag(widget.arn, with: ["team": "a"])
        }
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("state.sqlite").path))
        let reopened = try Store.onDisk(directory: directory)
        #expect(try await reopened.resource(arn: widget.arn) == widget)
        #expect(try await TagStore(store: reopened).tags(for: widget.arn) == ["team": "a"])
        let mode = try await reopened.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
    }

    @Test func duplicateIdIsConflict() async throws {
        let store = try Store.inMemory()
        try await store.insertResource(try record(id: "W1"))
        var sameId = try record(id: "W1")
        sameId.arn = "arn:aws:test:us-east-1:123456789012:widget/other"
        let error = await #expect(throws: BedrockError.self) { try await store.insertResource(sameId) }
        #expect(error?.code == "ConflictException")
        #expect(error?.status == 400)
    }

    @Test func duplicateArnIsConflict() async throws {
        let store = try Store.inMemory()
        try await store.insertResource(try record(id: "W1"))
        var sameArn = try record(id: "W2")
        sameArn.arn = try record(id: "W1").arn
        let error = await #expect(throws: BedrockError.self) { try await store.insertResource(sameArn) }
        #expect(error?.code == "ConflictException")
    }

    @Test func lookupByIdOrName() async throws {
        let store = try Store.inMemory()
        try await store.insertResource(try record(id: "W1", name: "alpha"))
        try await store.insertResource(try record(id: "W2", name: "W1"))
        func find(_ idOrName: String) async throws -> String? {
            try await store.resource(
                service: "test", type: "widget", account: "123456789012", region: "us-east-1", idOrName: idOrName
            )?.id
        }
        #expect(try await find("W1") == "W1", "an id wins over another resource's equal name")
        #expect(try await find("alpha") == "W1")
        #expect(try await find("nope") == nil)
        let otherRegion = try await store.resource(
            service: "test", type: "widget", account: "123456789012", region: "eu-west-1", idOrName: "W1"
        )
        #expect(otherRegion == nil)
    }

    @Test func listIsOrderedByCreationThenInsertion() async throws {
        let store = try Store.inMemory()
        try await store.insertResource(try record(id: "C", createdAt: 5))
        try await store.insertResource(try record(id: "B", createdAt: 1))
        try await store.insertResource(try record(id: "A", createdAt: 5))
        let ids = try await store.resources(service: "test", type: "widget", account: "123456789012", region: "us-east-1")
            .map(\.id)
        // C and A share a time: they keep the order they were stored in, not their ids'.
        #expect(ids == ["B", "C", "A"])
    }

    @Test func updateAndDelete() async throws {
        let store = try Store.inMemory()
        var widget = try record(id: "W1")
        try await store.insertResource(widget)
        try widget.setBody(Widget(colour: "blue"))
        try await store.updateResource(widget)
        #expect(try await store.resource(arn: widget.arn)?.decodeBody(as: Widget.self).colour == "blue")

        try await TagStore(store: store).tag(widget.arn, with: ["k": "v"])
        #expect(try await store.deleteResource(arn: widget.arn))
        #expect(try await store.resource(arn: widget.arn) == nil)
        #expect(try await TagStore(store: store).tags(for: widget.arn).isEmpty, "deleting a resource drops its tags")
        #expect(try await !store.deleteResource(arn: widget.arn))

        let error = await #expect(throws: BedrockError.self) { try await store.updateResource(widget) }
        #expect(error?.code == "ResourceNotFoundException")
    }

    @Test func extraMigrationsRunAfterCoreOnes() async throws {
        let extra = StoreMigration("test-v1-notes") { db in
            try db.create(table: "notes") { $0.column("text", .text) }
        }
        let store = try Store.inMemory(migrations: [extra])
        try await store.write { try $0.execute(sql: "INSERT INTO notes (text) VALUES ('hi')") }
        #expect(try await store.read { try String.fetchOne($0, sql: "SELECT text FROM notes") } == "hi")
    }

    @Test func failedWriteRollsBack() async throws {
        let store = try Store.inMemory()
        await #expect(throws: BedrockError.self) {
            try await store.write { db in
                try db.insertResource(try record(id: "W1"))
                throw BedrockError.validation("stop")
            }
        }
        #expect(try await store.resource(arn: try record(id: "W1").arn) == nil)
    }
}

extension StoreTests {
    @Test func deleteResourcesOfOneServiceOrAll() async throws {
        let store = try Store.inMemory()
        let widget = try record(id: "W1")
        var other = try record(id: "W2")
        other.arn = "arn:aws:other:us-east-1:123456789012:widget/W2"
        other.service = "other"
        try await store.insertResource(widget)
        try await store.insertResource(other)
        try await store.write { db in try db.tag(widget.arn, with: ["k": "v"]) }
        #expect(try await store.write { db in try db.deleteResources(service: "test") } == 1)
        #expect(try await store.read { db in try db.tags(for: widget.arn) }.isEmpty)
        #expect(try await store.resourceExists(arn: other.arn))
        #expect(try await store.write { db in try db.deleteResources() } == 1)
        #expect(try await !store.resourceExists(arn: other.arn))
    }
}
