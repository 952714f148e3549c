/// Pieces header and presigned parsing share: the credential scope and the timestamp format.
extension SigV4Authorization {
    /// Splits `AKID/20150830/us-east-1/bedrock/aws4_request` into its five elements.
    static func credentialScope(_ credential: String) throws(BedrockError) -> [String] {
        let elements = credential.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard elements.count == 5, !elements.contains(where: \.isEmpty) else {
            throw incomplete(
                "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, "
                    + "got '\(credential)'"
            )
        }
        return elements
    }

    /// `value` if it is an ISO 8601 basic-format timestamp, else the error AWS gives.
    static func validatedAmzDate(_ value: String) throws(BedrockError) -> String {
        guard SigV4Time.parse(value) != nil else { throw incomplete(badDateMessage(value)) }
        return value
    }

    /// AWS's wording for a timestamp that is not `yyyyMMdd'T'HHmmss'Z'`.
    static func badDateMessage(_ value: String) -> String {
        "Date must be in ISO-8601 'basic format'. Got '\(value)'. See http://en.wikipedia.org/wiki/ISO_8601"
    }
}
