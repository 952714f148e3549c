/// Parsing `Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`.
extension SigV4Authorization {
    /// Reads an `Authorization` header value, throwing AWS's IncompleteSignature wording when parts are missing.
    static func parseHeader(_ header: String, of request: SigV4Request) throws(BedrockError) -> SigV4Authorization {
        let trimmed = header.trimmingSigV4Whitespace()
        let scheme = trimmed.prefix { !$0.isWhitespace }
        var parameters: [String: String] = [:]
        // Any other scheme (SigV2's `AWS key:sig`, a bare token) reads as a header with none of the
        // SigV4 parameters, which is how AWS reports it.
        if scheme == algorithm {
            // AWS splits on commas and whitespace alike, so `Credential= AKID/...` leaves a stray token.
            let tokens = trimmed.dropFirst(scheme.count)
                .split { $0 == "," || $0.isWhitespace }
            for token in tokens {
                guard let equals = token.firstIndex(of: "=") else {
                    throw incomplete(
                        "'\(token)' not a valid key=value pair (missing equal-sign) in Authorization header: '\(header)'."
                    )
                }
                let name = String(token[..<equals])
                if parameters[name] == nil { parameters[name] = String(token[token.index(after: equals)...]) }
            }
        }
        let dateHeader = request.header("X-Amz-Date") ?? request.header("Date")
        let credential = parameters["Credential"].flatMap { $0.isEmpty ? nil : $0 }
        let signature = parameters["Signature"].flatMap { $0.isEmpty ? nil : $0 }
        let signedHeaders = parameters["SignedHeaders"].flatMap { $0.isEmpty ? nil : $0 }

        var problems: [String] = []
        if credential == nil { problems.append("Authorization header requires 'Credential' parameter.") }
        if signature == nil { problems.append("Authorization header requires 'Signature' parameter.") }
        if signedHeaders == nil { problems.append("Authorization header requires 'SignedHeaders' parameter.") }
        if dateHeader == nil {
            problems.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.")
        }
        guard let credential, let signature, let signedHeaders, problems.isEmpty else {
            throw incomplete((problems + ["Authorization=\(header)"]).joined(separator: " "))
        }

        let scope = try credentialScope(credential)
        return SigV4Authorization(
            accessKeyId: scope[0], date: scope[1], region: scope[2], service: scope[3], terminator: scope[4],
            signedHeaders: signedHeaders.split(separator: ";").map(String.init),
            signature: signature,
            amzDate: try amzDate(headerValue: request.header("X-Amz-Date"), httpDate: request.header("Date")),
            isPresigned: false
        )
    }

    /// The timestamp of header auth: `X-Amz-Date` wins over `Date`, which may be in HTTP-date form.
    private static func amzDate(headerValue: String?, httpDate: String?) throws(BedrockError) -> String {
        if let headerValue {
            return try validatedAmzDate(headerValue.trimmingSigV4Whitespace())
        }
        let value = (httpDate ?? "").trimmingSigV4Whitespace()
        if SigV4Time.parse(value) != nil { return value }
        guard let converted = SigV4Time.amzDate(fromHTTPDate: value) else {
            throw incomplete(badDateMessage(value))
        }
        return converted
    }
}
