import Foundation

/// An incoming HTTP request reduced to what AWS Signature Version 4 signs, exactly as received.
public struct SigV4Request: Sendable {
    /// The HTTP method (`GET`, `POST`, ...).
    public var method: String
    /// The path as received, still percent-encoded; the canonical URI encodes it once more.
    public var rawPath: String
    /// The query string as received, without the leading `?`.
    public var rawQuery: String
    /// Header fields as received, in order and possibly repeated; names compare case-insensitively.
    public var headers: [(name: String, value: String)]
    /// Hex SHA-256 of the body, or the `x-amz-content-sha256` value (`UNSIGNED-PAYLOAD`).
    public var payloadHash: String

    /// Creates a request from its wire parts; see `payloadHash(body:headers:)` for the last one.
    public init(
        method: String,
        rawPath: String,
        rawQuery: String,
        headers: [(name: String, value: String)],
        payloadHash: String
    ) {
        self.method = method
        self.rawPath = rawPath
        self.rawQuery = rawQuery
        self.headers = headers
        self.payloadHash = payloadHash
    }
}
