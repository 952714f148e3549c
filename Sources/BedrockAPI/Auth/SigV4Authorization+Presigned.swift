/// Parsing the `X-Amz-*` query parameters of a presigned URL.
extension SigV4Authorization {
    /// The longest validity AWS allows a presigned URL: seven days.
    static let maxPresignedExpiry = 604_800

    /// Reads the presigned-URL parameters, which must all be present once `X-Amz-Algorithm` is.
    static func parsePresigned(_ request: SigV4Request) throws(BedrockError) -> SigV4Authorization {
        var parameters: [String: String] = [:]
        for item in SigV4Encoding.queryItems(request.rawQuery) where parameters[item.name] == nil {
            parameters[item.name] = item.value
        }
        let required = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date"]
        let missing = required.filter { (parameters[$0] ?? "").isEmpty }
        guard missing.isEmpty,
              let algorithmValue = parameters["X-Amz-Algorithm"], let credential = parameters["X-Amz-Credential"],
              let signature = parameters["X-Amz-Signature"], let signedHeaders = parameters["X-Amz-SignedHeaders"],
              let date = parameters["X-Amz-Date"]
        else {
            let problems = missing.map { "AWS query-string parameters must include '\($0)'." }
            throw incomplete((problems + ["Re-examine the query-string parameters."]).joined(separator: " "))
        }
        guard algorithmValue == algorithm else {
            throw incomplete("X-Amz-Algorithm only supports '\(algorithm)', got '\(algorithmValue)'.")
        }
        let scope = try credentialScope(credential)
        return SigV4Authorization(
            accessKeyId: scope[0], date: scope[1], region: scope[2], service: scope[3], terminator: scope[4],
            signedHeaders: signedHeaders.split(separator: ";").map(String.init),
            signature: signature,
            amzDate: try validatedAmzDate(date),
            isPresigned: true,
            expires: try expiry(parameters["X-Amz-Expires"])
        )
    }

    /// `X-Amz-Expires` as seconds, which must be a whole number of at most seven days.
    private static func expiry(_ value: String?) throws(BedrockError) -> Int? {
        guard let value else { return nil }
        guard let seconds = Int(value) else { throw incomplete("X-Amz-Expires should be a number, got '\(value)'.") }
        guard seconds >= 0 else { throw incomplete("X-Amz-Expires must be non-negative.") }
        guard seconds <= maxPresignedExpiry else {
            throw incomplete("X-Amz-Expires must be less than a week (in seconds) that is \(maxPresignedExpiry).")
        }
        return seconds
    }
}
