import Crypto
import Foundation
import Testing
@testable import BedrockAPI

/// AWS's published SigV4 examples, plus helpers the other SigV4 test files share.
@Suite struct SigV4Tests {
    static let exampleSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// Builds a request the way the server will: wire path, wire query, headers, hash of the body.
    static func request(
        _ method: String, _ path: String, query: String = "", headers: [(String, String)], body: String = ""
    ) -> SigV4Request {
        let headers = headers.map { (name: $0.0, value: $0.1) }
        return SigV4Request(
            method: method, rawPath: path, rawQuery: query, headers: headers,
            payloadHash: SigV4Request.payloadHash(body: Array(body.utf8), headers: headers)
        )
    }

    /// Parses and verifies `request`, returning the authorization it carried.
    @discardableResult
    static func verified(_ request: SigV4Request, secret: String) throws -> SigV4Authorization {
        let authorization = try #require(try SigV4Authorization.parse(request))
        try SigV4Verifier.verify(request, authorization: authorization, secretAccessKey: secret)
        return authorization
    }

    static func hex(_ key: SymmetricKey) -> String {
        key.withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
    }

    @Test func getVanillaMatchesAWSTestSuite() throws {
        let request = Self.request("GET", "/", headers: [
            ("Host", "example.amazonaws.com"),
            ("X-Amz-Date", "20150830T123600Z"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        ])
        let authorization = try Self.verified(request, secret: Self.exampleSecret)
        #expect(SigV4Verifier.canonicalRequest(request, signedHeaders: authorization.signedHeaders) == """
            GET
            /

            host:example.amazonaws.com
            x-amz-date:20150830T123600Z

            host;x-amz-date
            \(Self.emptyHash)
            """)
        #expect(SigV4Verifier.signature(for: request, authorization: authorization, secretAccessKey: Self.exampleSecret)
            == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test func iamListUsersMatchesAWSDocumentation() throws {
        let request = Self.request("GET", "/", query: "Action=ListUsers&Version=2010-05-08", headers: [
            ("Host", "iam.amazonaws.com"),
            ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
            ("X-Amz-Date", "20150830T123600Z"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"),
        ])
        let authorization = try Self.verified(request, secret: Self.exampleSecret)
        let canonical = SigV4Verifier.canonicalRequest(request, signedHeaders: authorization.signedHeaders)
        #expect(SigV4Request.hexSHA256(Array(canonical.utf8))
            == "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59")
        #expect(SigV4Verifier.stringToSign(canonicalRequest: canonical, authorization: authorization) == """
            AWS4-HMAC-SHA256
            20150830T123600Z
            20150830/us-east-1/iam/aws4_request
            f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59
            """)
        let key = SigV4Verifier.signingKey(secretAccessKey: Self.exampleSecret, date: "20150830", region: "us-east-1", service: "iam")
        #expect(Self.hex(key) == "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9")
    }

    @Test func signingKeyMatchesDocumentedDerivation() {
        let key = SigV4Verifier.signingKey(secretAccessKey: Self.exampleSecret, date: "20120215", region: "us-east-1", service: "iam")
        #expect(Self.hex(key) == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
    }

    @Test func hexSHA256OfEmptyBody() {
        #expect(SigV4Request.hexSHA256([UInt8]()) == Self.emptyHash)
        #expect(SigV4Request.payloadHash(body: Data(), headers: [("x-amz-content-sha256", "UNSIGNED-PAYLOAD")])
            == "UNSIGNED-PAYLOAD")
        // A declared hash is not trusted: the body's own hash is what gets signed.
        #expect(SigV4Request.payloadHash(body: Data(), headers: [("X-Amz-Content-Sha256", "abc")]) == Self.emptyHash)
    }
}
