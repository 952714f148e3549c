/// The SigV4 credentials a request presents, from its `Authorization` header or presigned query.
public struct SigV4Authorization: Sendable, Equatable {
    /// The only signing algorithm SigV4 (as opposed to SigV4a) defines.
    public static let algorithm = "AWS4-HMAC-SHA256"

    /// The access key id, first element of the credential scope.
    public var accessKeyId: String
    /// The credential scope's date, `yyyyMMdd`.
    public var date: String
    /// The credential scope's region (`us-east-1`).
    public var region: String
    /// The credential scope's service (`bedrock`).
    public var service: String
    /// The credential scope's terminator, which must be `aws4_request`.
    public var terminator: String
    /// The headers the client signed, as it listed them (lower-case, `;`-separated on the wire).
    public var signedHeaders: [String]
    /// The hex signature the client sent.
    public var signature: String
    /// The request timestamp, `yyyyMMdd'T'HHmmss'Z'`, from `X-Amz-Date` or the `Date` header.
    public var amzDate: String
    /// True when the credentials came in the query string (a presigned URL).
    public var isPresigned: Bool
    /// Seconds a presigned URL stays valid (`X-Amz-Expires`); nil for header auth or when absent.
    public var expires: Int?

    /// Creates an authorization from its parts.
    public init(
        accessKeyId: String, date: String, region: String, service: String, terminator: String = "aws4_request",
        signedHeaders: [String], signature: String, amzDate: String, isPresigned: Bool = false, expires: Int? = nil
    ) {
        self.accessKeyId = accessKeyId
        self.date = date
        self.region = region
        self.service = service
        self.terminator = terminator
        self.signedHeaders = signedHeaders
        self.signature = signature
        self.amzDate = amzDate
        self.isPresigned = isPresigned
        self.expires = expires
    }

    /// `date/region/service/terminator`, the scope line of the string to sign.
    public var credentialScope: String { "\(date)/\(region)/\(service)/\(terminator)" }

    /// Reads the SigV4 credentials of `request`; nil when it carries none (unsigned, or a bearer API key).
    public static func parse(_ request: SigV4Request) throws(BedrockError) -> SigV4Authorization? {
        let header = request.header("Authorization")
        if let header, isBearer(header) {
            // Bedrock API keys are bearer tokens, not SigV4; the caller decides whether to accept them.
            return nil
        }
        let presigned = request.queryValue("X-Amz-Algorithm") != nil
        switch (header, presigned) {
        case (nil, false):
            return nil
        case (.some, true):
            throw incomplete(
                "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header. "
                    + "Only one auth mechanism allowed."
            )
        case (.some(let header), false):
            return try parseHeader(header, of: request)
        case (nil, true):
            return try parsePresigned(request)
        }
    }

    /// The 400 AWS returns for a signature that is missing parts or cannot be read.
    static func incomplete(_ message: String) -> BedrockError {
        BedrockError(code: "IncompleteSignatureException", status: 400, message: message)
    }

    private static func isBearer(_ header: String) -> Bool {
        let scheme = header.drop { $0 == " " }.prefix { $0 != " " }
        return scheme.caseInsensitiveCompare("Bearer") == .orderedSame
    }
}
