/// The canonical URI, query and header blocks of the canonical request.
extension SigV4Verifier {
    /// The path with dot segments and empty segments removed, then percent-encoded once more.
    ///
    /// Clients sign the path as it goes on the wire (already encoded), and SigV4 encodes it again
    /// for every service but S3, so `%3A` in the request becomes `%253A` here.
    static func canonicalURI(_ rawPath: String) -> String {
        var segments: [Substring] = []
        for segment in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        guard !segments.isEmpty else { return "/" }
        let trailingSlash = rawPath.hasSuffix("/") ? "/" : ""
        let path = "/" + segments.joined(separator: "/") + trailingSlash
        return SigV4Encoding.encode(path.utf8, keepSlash: true)
    }

    /// Every parameter decoded, re-encoded per RFC 3986, sorted by name then value and joined by `&`.
    static func canonicalQuery(_ rawQuery: String, excludingSignature: Bool) -> String {
        let signatureName = Array("X-Amz-Signature".utf8)
        return SigV4Encoding.queryPairs(rawQuery)
            .filter { !excludingSignature || $0.name != signatureName }
            .map { (SigV4Encoding.encode($0.name, keepSlash: false), SigV4Encoding.encode($0.value, keepSlash: false)) }
            .sorted { lhs, rhs in
                // Byte order, which for these all-ASCII strings is code-point order.
                lhs.0 != rhs.0
                    ? Array(lhs.0.utf8).lexicographicallyPrecedes(Array(rhs.0.utf8))
                    : Array(lhs.1.utf8).lexicographicallyPrecedes(Array(rhs.1.utf8))
            }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }

    /// `name:value\n` for each signed header, repeated values joined by `,` in the order received.
    ///
    /// A signed header the request lacks canonicalises as empty, so its signature cannot match.
    static func canonicalHeaders(_ request: SigV4Request, names: [String]) -> String {
        names.map { name in
            let values = request.headerValues(name).map { $0.collapsingSigV4Whitespace() }
            return "\(name):\(values.joined(separator: ","))\n"
        }.joined()
    }
}
