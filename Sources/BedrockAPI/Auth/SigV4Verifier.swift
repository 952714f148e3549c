import Crypto

/// Recomputes a request's SigV4 signature from the client's stated scope and checks it.
public enum SigV4Verifier {
    /// The canonical request: method, URI, query, headers, signed-header list and payload hash.
    ///
    /// `isPresigned` drops `X-Amz-Signature` from the query, which cannot sign itself.
    public static func canonicalRequest(_ request: SigV4Request, signedHeaders: [String], isPresigned: Bool = false) -> String {
        let names = signedHeaders.map { $0.lowercased() }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        return [
            request.method,
            canonicalURI(request.rawPath),
            canonicalQuery(request.rawQuery, excludingSignature: isPresigned),
            canonicalHeaders(request, names: names),
            names.joined(separator: ";"),
            request.payloadHash,
        ].joined(separator: "\n")
    }

    /// The string to sign: algorithm, timestamp, credential scope and the canonical request's hash.
    public static func stringToSign(canonicalRequest: String, authorization: SigV4Authorization) -> String {
        [
            SigV4Authorization.algorithm,
            authorization.amzDate,
            authorization.credentialScope,
            SigV4Request.hexSHA256(Array(canonicalRequest.utf8)),
        ].joined(separator: "\n")
    }

    /// The signing key: HMAC chain from `AWS4` + secret through date, region, service and terminator.
    public static func signingKey(
        secretAccessKey: String, date: String, region: String, service: String, terminator: String = "aws4_request"
    ) -> SymmetricKey {
        var key = SymmetricKey(data: Array(("AWS4" + secretAccessKey).utf8))
        for element in [date, region, service, terminator] {
            key = SymmetricKey(data: HMAC<SHA256>.authenticationCode(for: Array(element.utf8), using: key))
        }
        return key
    }

    /// The hex signature the client should have sent for `request` under `authorization`'s scope.
    public static func signature(for request: SigV4Request, authorization: SigV4Authorization, secretAccessKey: String) -> String {
        let canonical = canonicalRequest(
            request, signedHeaders: authorization.signedHeaders, isPresigned: authorization.isPresigned
        )
        let key = signingKey(
            secretAccessKey: secretAccessKey, date: authorization.date, region: authorization.region,
            service: authorization.service, terminator: authorization.terminator
        )
        let toSign = stringToSign(canonicalRequest: canonical, authorization: authorization)
        return SigV4Encoding.hex(HMAC<SHA256>.authenticationCode(for: Array(toSign.utf8), using: key))
    }

    /// Throws unless `authorization` is well scoped and its signature matches the one recomputed here.
    public static func verify(
        _ request: SigV4Request, authorization: SigV4Authorization, secretAccessKey: String
    ) throws(BedrockError) {
        try checkScope(authorization)
        let expected = signature(for: request, authorization: authorization, secretAccessKey: secretAccessKey)
        guard constantTimeEquals(expected, authorization.signature.lowercased()) else {
            throw invalidSignature(
                "The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
            )
        }
    }

    /// The 403 for an access key id the emulator does not know.
    public static func unrecognizedClient() -> BedrockError {
        BedrockError(code: "UnrecognizedClientException", status: 403, message: "The security token included in the request is invalid.")
    }

    /// The 403 AWS returns for a signature that does not check out.
    static func invalidSignature(_ message: String) -> BedrockError {
        BedrockError(code: "InvalidSignatureException", status: 403, message: message)
    }

    /// Checks AWS makes before the signature itself: terminator, scope date and a signed `host`.
    private static func checkScope(_ authorization: SigV4Authorization) throws(BedrockError) {
        guard authorization.terminator == "aws4_request" else {
            throw invalidSignature(
                "Credential should be scoped with a valid terminator: 'aws4_request', not '\(authorization.terminator)'."
            )
        }
        let day = String(authorization.amzDate.prefix(8))
        guard authorization.date == day else {
            throw invalidSignature(
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                    + "'\(authorization.date)' != '\(day)', from '\(authorization.amzDate)'."
            )
        }
        // Without a signed host a signature could be replayed against another endpoint.
        guard authorization.signedHeaders.contains(where: { $0.lowercased() == "host" }) else {
            throw invalidSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.")
        }
    }

    /// Compares in time independent of where the strings differ, so timing leaks nothing of the signature.
    private static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
