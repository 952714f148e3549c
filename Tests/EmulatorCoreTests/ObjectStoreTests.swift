import BedrockAPI
import EmulatorCore
import Foundation
import Testing

@Suite struct ObjectStoreTests {
    let root: URL
    let objects: ObjectStore

    init() throws {
        root = try makeTemporaryDirectory().appendingPathComponent("objects")
        objects = ObjectStore(root: root)
    }

    private func expectRefused(_ uri: String, mentioning text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let error = #expect(throws: BedrockError.self, sourceLocation: sourceLocation) { try objects.url(for: uri) }
        #expect(error?.code == "ValidationException", sourceLocation: sourceLocation)
        #expect(error?.message.contains(text) == true, "\(error?.message ?? "")", sourceLocation: sourceLocation)
    }

    @Test func mapsUrisUnderRoot() throws {
        #expect(try objects.url(for: "s3://my-bucket/data/train.jsonl").path == root.path + "/my-bucket/data/train.jsonl")
        #expect(try objects.url(for: "s3://my-bucket").path == root.path + "/my-bucket")
        #expect(try objects.url(for: "s3://my-bucket/folder/").path == root.path + "/my-bucket/folder")
    }

    @Test func writeReadExistsList() throws {
        defer { try? objects.removeAll() }
        try objects.write("s3://bucket/data/b.jsonl", Data("b".utf8))
        try objects.write("s3://bucket/data/a.jsonl", Data("a".utf8))
        try objects.write("s3://bucket/data/sub/c.txt", Data("c".utf8))
        try objects.write("s3://bucket/other.txt", Data("o".utf8))
        try objects.write("s3://bucket/data/a.jsonl", Data("A".utf8))

        #expect(try objects.read("s3://bucket/data/a.jsonl") == Data("A".utf8))
        #expect(try objects.exists("s3://bucket/data/b.jsonl"))
        #expect(try !objects.exists("s3://bucket/data/missing"))
        #expect(try !objects.exists("s3://bucket/data"), "a folder is not an object")
        #expect(try objects.list(prefix: "s3://bucket/data/") == [
            "s3://bucket/data/a.jsonl", "s3://bucket/data/b.jsonl", "s3://bucket/data/sub/c.txt",
        ])
        #expect(try objects.list(prefix: "s3://bucket/data/a") == ["s3://bucket/data/a.jsonl"])
        #expect(try objects.list(prefix: "s3://bucket/oth") == ["s3://bucket/other.txt"])
        #expect(try objects.list(prefix: "s3://bucket").count == 4)
        #expect(try objects.list(prefix: "s3://empty-bucket/").isEmpty)
    }

    @Test func missingObjectNamesUri() {
        let error = #expect(throws: BedrockError.self) { try objects.read("s3://bucket/nothing.json") }
        #expect(error?.code == "ValidationException")
        #expect(error?.message.contains("s3://bucket/nothing.json") == true)
    }

    @Test func writingABucketOrFolderIsRefused() {
        #expect(throws: BedrockError.self) { try objects.write("s3://bucket", Data()) }
        #expect(throws: BedrockError.self) { try objects.write("s3://bucket/folder/", Data()) }
    }

    @Test func refusesOtherSchemes() {
        expectRefused("https://bucket/key", mentioning: "s3://")
        expectRefused("/etc/passwd", mentioning: "s3://")
        expectRefused("S3://bucket/key", mentioning: "s3://")
    }

    @Test func refusesBadBucketNames() {
        expectRefused("s3:///key", mentioning: "bucket name")
        expectRefused("s3://", mentioning: "bucket name")
        expectRefused("s3://ab/key", mentioning: "bucket name")
        expectRefused("s3://My_Bucket/key", mentioning: "bucket name")
        expectRefused("s3://-bucket/key", mentioning: "bucket name")
        expectRefused("s3://a..b/key", mentioning: "bucket name")
        expectRefused("s3://../key", mentioning: "bucket name")
        expectRefused("s3://192.168.1.1/key", mentioning: "bucket name")
    }

    @Test func refusesDotSegments() {
        expectRefused("s3://bucket/../escape", mentioning: "'..'")
        expectRefused("s3://bucket/a/../../escape", mentioning: "'..'")
        expectRefused("s3://bucket/a/./b", mentioning: "'.'")
    }

    @Test func refusesAbsoluteAndEmptySegments() {
        expectRefused("s3://bucket//etc/passwd", mentioning: "must not start with /")
        expectRefused("s3://bucket/a//b", mentioning: "empty segments")
    }

    @Test func refusesNul() {
        expectRefused("s3://bucket/a\u{0}b", mentioning: "NUL")
    }

    @Test func refusesSymlinksLeavingRoot() throws {
        let outside = try makeTemporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: outside)
            try? objects.removeAll()
        }
        try Data("secret".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try objects.write("s3://bucket/placeholder", Data())
        let bucket = root.appendingPathComponent("bucket")
        let fm = FileManager.default
        try fm.createSymbolicLink(at: bucket.appendingPathComponent("out"), withDestinationURL: outside)
        try fm.createSymbolicLink(
            at: bucket.appendingPathComponent("secret-link"),
            withDestinationURL: outside.appendingPathComponent("secret.txt")
        )
        try fm.createSymbolicLink(
            at: bucket.appendingPathComponent("dangling"),
            withDestinationURL: outside.appendingPathComponent("created-through-link")
        )
        try fm.createSymbolicLink(at: root.appendingPathComponent("linked-bucket"), withDestinationURL: outside)

        expectRefused("s3://bucket/out/secret.txt", mentioning: "outside the object store")
        expectRefused("s3://bucket/out/new/file", mentioning: "outside the object store")
        expectRefused("s3://bucket/secret-link", mentioning: "outside the object store")
        expectRefused("s3://bucket/dangling", mentioning: "outside the object store")
        expectRefused("s3://linked-bucket/secret.txt", mentioning: "outside the object store")
        #expect(throws: BedrockError.self) { try objects.read("s3://bucket/out/secret.txt") }
        #expect(throws: BedrockError.self) { try objects.write("s3://bucket/dangling", Data("x".utf8)) }
        #expect(throws: BedrockError.self) { try objects.list(prefix: "s3://bucket/out/") }
        #expect(!fm.fileExists(atPath: outside.appendingPathComponent("created-through-link").path))
        #expect(try objects.list(prefix: "s3://bucket/") == ["s3://bucket/placeholder"], "links are not listed")
    }

    @Test func allowsSymlinksStayingInsideRoot() throws {
        defer { try? objects.removeAll() }
        try objects.write("s3://bucket/real/file.txt", Data("x".utf8))
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("bucket/alias"),
            withDestinationURL: root.appendingPathComponent("bucket/real")
        )
        #expect(try objects.read("s3://bucket/alias/file.txt") == Data("x".utf8))
    }

    @Test func temporaryStoreIsRemoved() throws {
        let temporary = ObjectStore.temporary()
        try temporary.write("s3://bucket/key", Data("x".utf8))
        #expect(FileManager.default.fileExists(atPath: temporary.root.path))
        try temporary.removeAll()
        #expect(!FileManager.default.fileExists(atPath: temporary.root.path))
    }
}
