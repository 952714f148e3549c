import Foundation

/// The parts of an HTTP request the protocol layer reads, independent of the HTTP server.
public struct HTTPRequestParts: Sendable {
    public var method: String
    /// The path as received, still percent-encoded.
    public var rawPath: String
    /// The query string as received, without `?`; signatures are computed over it.
    public var rawQuery: String
    /// Query parameters, percent-decoded, in the order received.
    public var query: [(name: String, value: String)]
    /// Header fields as received; names compare case-insensitively.
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(method: String, rawPath: String, rawQuery: String = "", headers: [(name: String, value: String)] = [], body: Data = Data()) {
        self.method = method
        self.rawPath = rawPath
        self.rawQuery = rawQuery
        self.query = Self.parseQuery(rawQuery)
        self.headers = headers
        self.body = body
    }

    /// The first value of header `name`.
    public func header(_ name: String) -> String? {
        headers.first { HeaderName.same($0.name, name) }?.value
    }

    /// Splits a raw query string (`a=1&b=%20`) into decoded pairs; an empty one gives none.
    public static func parseQuery(_ raw: String?) -> [(name: String, value: String)] {
        guard let raw, !raw.isEmpty else { return [] }
        return raw.split(separator: "&", omittingEmptySubsequences: true).map { item in
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0]).removingPercentEncodingOrSelf
            let value = pair.count > 1 ? String(pair[1]).removingPercentEncodingOrSelf : ""
            return (name, value)
        }
    }
}
