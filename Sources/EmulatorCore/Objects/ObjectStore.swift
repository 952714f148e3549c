import BedrockAPI
import Foundation

/// The local stand-in for S3: `s3://bucket/key` is the file `root/bucket/key`.
public struct ObjectStore: Sendable {
    /// The folder holding one subfolder per bucket; created on the first write.
    public let root: URL

    /// Creates an object store under `root`.
    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// An object store in a fresh folder under the system's temporary directory, for
    /// in-memory runs; whoever owns it calls `removeAll()` on shutdown.
    public static func temporary() -> ObjectStore {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("bedrock-emulator-objects-\(UUID().uuidString.lowercased())")
        return ObjectStore(root: folder)
    }

    /// The file `s3Uri` maps to; refuses bad URIs and any path that would leave `root`.
    public func url(for s3Uri: String) throws -> URL {
        let location = try S3Location(parsing: s3Uri)
        let components = [location.bucket] + location.segments
        try checkContained(components, uri: s3Uri)
        return components.reduce(root) { $0.appendingPathComponent($1) }
    }

    /// The object's bytes; a missing object is a `ValidationException` naming the URI.
    public func read(_ s3Uri: String) throws -> Data {
        let file = try objectURL(s3Uri)
        guard isRegularFile(file), let data = FileManager.default.contents(atPath: file.path) else {
            throw BedrockError.validation("The S3 object \(s3Uri) does not exist.")
        }
        return data
    }

    /// Stores `data` at `s3Uri`, creating folders as needed and replacing any existing object.
    public func write(_ s3Uri: String, _ data: Data) throws {
        let file = try objectURL(s3Uri)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true
        )
        // Atomic so a concurrent reader sees the old object or the new one, never half of one.
        try data.write(to: file, options: .atomic)
    }

    /// Whether an object exists at `s3Uri`.
    public func exists(_ s3Uri: String) throws -> Bool {
        isRegularFile(try url(for: s3Uri))
    }

    /// The URIs of all objects whose key starts with the key of `s3Uri`, in S3's order
    /// (by UTF-8 bytes); symbolic links are not followed.
    public func list(prefix s3Uri: String) throws -> [String] {
        let location = try S3Location(parsing: s3Uri)
        // Walk only the folder the prefix's complete segments name; the last, partial
        // segment is matched as a string, as S3 matches prefixes.
        var folder = location.segments
        if !location.key.isEmpty && !location.key.hasSuffix("/") { folder.removeLast() }
        try checkContained([location.bucket] + folder, uri: s3Uri)
        let bucketPath = root.appendingPathComponent(location.bucket).path
        let start = folder.isEmpty ? "" : folder.joined(separator: "/") + "/"
        return objectKeys(bucketPath: bucketPath, relative: start)
            .filter { $0.hasPrefix(location.key) }
            .map { "s3://\(location.bucket)/\($0)" }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Deletes everything under `root`; for temporary stores on shutdown.
    public func removeAll() throws {
        if FileManager.default.fileExists(atPath: root.path) {
            try FileManager.default.removeItem(at: root)
        }
    }

    private func objectURL(_ s3Uri: String) throws -> URL {
        let location = try S3Location(parsing: s3Uri)
        guard !location.key.isEmpty, !location.key.hasSuffix("/") else {
            throw BedrockError.validation("The S3 URI \(s3Uri) is invalid: it must name an object, not a bucket or folder.")
        }
        return try url(for: s3Uri)
    }
}
