import Testing
@testable import BedrockAPI

/// Reading SigV4 credentials from the Authorization header and from presigned queries.
@Suite struct SigV4AuthorizationTests {
    static let header = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/bedrock/aws4_request, "
        + "SignedHeaders=host;x-amz-date, Signature=abc123"

    static func parse(query: String = "", headers: [(String, String)]) throws(BedrockError) -> SigV4Authorization? {
        try SigV4Authorization.parse(SigV4Tests.request("GET", "/", query: query, headers: headers))
    }

    static func incompleteMessage(query: String = "", headers: [(String, String)]) -> String? {
        do {
            _ = try parse(query: query, headers: headers)
            return nil
        } catch {
            #expect(error.code == "IncompleteSignatureException")
            #expect(error.status == 400)
            return error.message
        }
    }

    @Test func parsesHeaderAuthorization() throws {
        let authorization = try Self.parse(headers: [("Host", "h"), ("X-Amz-Date", "20150830T123600Z"), ("Authorization", Self.header)])
        #expect(authorization == SigV4Authorization(
            accessKeyId: "AKIDEXAMPLE", date: "20150830", region: "us-east-1", service: "bedrock",
            terminator: "aws4_request", signedHeaders: ["host", "x-amz-date"], signature: "abc123",
            amzDate: "20150830T123600Z", isPresigned: false
        ))
        #expect(authorization?.credentialScope == "20150830/us-east-1/bedrock/aws4_request")
    }

    @Test func headerAuthorizationFallsBackToHTTPDateHeader() throws {
        let authorization = try Self.parse(headers: [("Date", "Sun, 30 Aug 2015 12:36:00 GMT"), ("Authorization", Self.header)])
        #expect(authorization?.amzDate == "20150830T123600Z")
    }

    @Test func parsesPresignedQuery() throws {
        let query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fbedrock%2Faws4_request"
            + "&X-Amz-Date=20150830T123600Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host%3Bx-amz-meta&X-Amz-Signature=ff00"
        let authorization = try Self.parse(query: query, headers: [("Host", "h")])
        #expect(authorization == SigV4Authorization(
            accessKeyId: "AKIDEXAMPLE", date: "20150830", region: "us-east-1", service: "bedrock",
            signedHeaders: ["host", "x-amz-meta"], signature: "ff00", amzDate: "20150830T123600Z",
            isPresigned: true, expires: 60
        ))
    }

    @Test func unsignedAndBearerRequestsCarryNoSigV4() throws {
        #expect(try Self.parse(query: "a=1", headers: [("Host", "h")]) == nil)
        #expect(try Self.parse(headers: [("Authorization", "Bearer ABSKQmVkcm9ja0FQSUtleS1...")]) == nil)
        #expect(try Self.parse(headers: [("authorization", "bearer token")]) == nil)
    }

    @Test func missingParametersAreIncomplete() {
        let header = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/bedrock/aws4_request"
        #expect(Self.incompleteMessage(headers: [("Authorization", header)]) ==
            "Authorization header requires 'Signature' parameter. "
            + "Authorization header requires 'SignedHeaders' parameter. "
            + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
            + "Authorization=\(header)")
    }

    @Test func otherSchemesLackEveryParameter() {
        #expect(Self.incompleteMessage(headers: [("X-Amz-Date", "20150830T123600Z"), ("Authorization", "AWS AKID:c2ln")]) ==
            "Authorization header requires 'Credential' parameter. "
            + "Authorization header requires 'Signature' parameter. "
            + "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS AKID:c2ln")
        #expect(Self.incompleteMessage(headers: [("X-Amz-Date", "20150830T123600Z"), ("Authorization", "AWS4-HMAC-SHA512 Credential=a")])?
            .hasPrefix("Authorization header requires 'Credential' parameter.") == true)
    }

    @Test func tokenWithoutEqualSignIsIncomplete() {
        let header = "AWS4-HMAC-SHA256 Credential=AKID /20150830/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=ab"
        #expect(Self.incompleteMessage(headers: [("X-Amz-Date", "20150830T123600Z"), ("Authorization", header)]) ==
            "'/20150830/us-east-1/bedrock/aws4_request' not a valid key=value pair (missing equal-sign) "
            + "in Authorization header: '\(header)'.")
    }

    @Test func malformedCredentialAndDateAreIncomplete() {
        let header = "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1, SignedHeaders=host, Signature=ab"
        #expect(Self.incompleteMessage(headers: [("X-Amz-Date", "20150830T123600Z"), ("Authorization", header)]) ==
            "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, "
            + "got 'AKID/20150830/us-east-1'")
        #expect(Self.incompleteMessage(headers: [("X-Amz-Date", "2015-08-30T12:36:00Z"), ("Authorization", Self.header)]) ==
            "Date must be in ISO-8601 'basic format'. Got '2015-08-30T12:36:00Z'. See http://en.wikipedia.org/wiki/ISO_8601")
        #expect(Self.incompleteMessage(headers: [("X-Amz-Date", "20150231T123600Z"), ("Authorization", Self.header)]) != nil)
    }

    @Test func presignedQueryProblemsAreIncomplete() {
        #expect(Self.incompleteMessage(query: "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20150830T123600Z", headers: []) ==
            "AWS query-string parameters must include 'X-Amz-Credential'. "
            + "AWS query-string parameters must include 'X-Amz-Signature'. "
            + "AWS query-string parameters must include 'X-Amz-SignedHeaders'. Re-examine the query-string parameters.")
        let base = "X-Amz-Credential=A%2F20150830%2Fus-east-1%2Fbedrock%2Faws4_request&X-Amz-Date=20150830T123600Z"
            + "&X-Amz-SignedHeaders=host&X-Amz-Signature=ab"
        #expect(Self.incompleteMessage(query: "X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256&" + base, headers: []) != nil)
        #expect(Self.incompleteMessage(query: "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=soon&" + base, headers: []) != nil)
        #expect(Self.incompleteMessage(query: "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=604801&" + base, headers: []) ==
            "X-Amz-Expires must be less than a week (in seconds) that is 604800.")
        #expect(Self.incompleteMessage(query: "X-Amz-Algorithm=AWS4-HMAC-SHA256&" + base, headers: [("Authorization", Self.header)]) != nil)
    }
}
