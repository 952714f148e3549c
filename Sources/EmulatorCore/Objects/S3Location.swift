import BedrockAPI

/// A parsed, checked `s3://bucket/key` URI whose key is safe to map onto a file system.
public struct S3Location: Sendable, Hashable, CustomStringConvertible {
    /// The bucket name.
    public let bucket: String
    /// The object key or prefix, without a leading slash; may be empty or end in `/`.
    public let key: String

    /// Parses `uri`, refusing with a `ValidationException` anything but `s3://` with a valid
    /// bucket name and a key free of `.`/`..` segments, empty segments and NUL.
    public init(parsing uri: String) throws {
        guard uri.hasPrefix("s3://") else {
            throw BedrockError.validation("The S3 URI \(uri) is invalid: it must start with s3://.")
        }
        let rest = uri.dropFirst("s3://".count)
        let slash = rest.firstIndex(of: "/")
        let bucket = String(rest[..<(slash ?? rest.endIndex)])
        let key = slash.map { String(rest[rest.index(after: $0)...]) } ?? ""
        try S3Location.checkBucket(bucket, uri: uri)
        try S3Location.checkKey(key, uri: uri)
        self.bucket = bucket
        self.key = key
    }

    /// The key's path segments; a trailing `/` adds none.
    public var segments: [String] {
        key.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// The URI as text.
    public var description: String { "s3://\(bucket)/\(key)" }

    // S3's bucket naming rules: 3-63 characters of [a-z0-9.-], starting and ending with a
    // letter or digit, no "..", and not shaped like an IP address.
    private static func checkBucket(_ bucket: String, uri: String) throws {
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-")
        let isIPAddress = bucket.split(separator: ".", omittingEmptySubsequences: false).count == 4
            && bucket.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard (3...63).contains(bucket.count),
              bucket.allSatisfy(allowed.contains),
              let first = bucket.first, first.isLetter || first.isNumber,
              let last = bucket.last, last.isLetter || last.isNumber,
              !bucket.contains(".."), !isIPAddress
        else {
            throw BedrockError.validation(
                "The S3 URI \(uri) is invalid: '\(bucket)' is not a valid bucket name."
            )
        }
    }

    // Refused rather than normalised: a key that could climb out of its bucket on disk, or
    // that two different S3 keys would share, has no faithful local equivalent.
    private static func checkKey(_ key: String, uri: String) throws {
        func refuse(_ reason: String) -> BedrockError {
            BedrockError.validation("The S3 URI \(uri) is invalid: \(reason).")
        }
        if key.contains("\0") { throw refuse("the key contains a NUL character") }
        if key.hasPrefix("/") { throw refuse("the key must not start with /") }
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            if part == ".." || part == "." { throw refuse("the key must not contain '\(part)' segments") }
            // Only a trailing slash (a "folder" prefix) may leave an empty segment.
            if part.isEmpty && index != parts.count - 1 { throw refuse("the key must not contain empty segments (//)") }
        }
    }
}
