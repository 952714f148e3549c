import Foundation
import Testing
@testable import BedrockAPI

/// Verification failures: tampering, wrong keys and badly scoped credentials.
@Suite struct SigV4VerifierTests {
    static let signatureMismatch = "The request signature we calculated does not match the signature you provided. "
        + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details."

    /// A request signed here with `secret`, so each test can tamper with one part of it.
    static func signedRequest(body: String = #"{"prompt":"hi"}"#) throws -> SigV4Request {
        var request = SigV4Tests.request("POST", "/model/m%3A1/invoke", query: "x=1", headers: [
            ("Host", "localhost:8080"), ("Content-Type", "application/json"), ("X-Amz-Date", "20150830T123600Z"),
        ], body: body)
        let unsigned = SigV4Authorization(
            accessKeyId: "AKIDEXAMPLE", date: "20150830", region: "us-east-1", service: "bedrock",
            signedHeaders: ["content-type", "host", "x-amz-date"], signature: "", amzDate: "20150830T123600Z"
        )
        let signature = SigV4Verifier.signature(for: request, authorization: unsigned, secretAccessKey: "secret")
        request.headers.append((name: "Authorization", value: "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/bedrock/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date, Signature=\(signature)"))
        return request
    }

    static func verifyError(_ request: SigV4Request, secret: String = "secret") throws -> BedrockError? {
        let authorization = try #require(try SigV4Authorization.parse(request))
        do {
            try SigV4Verifier.verify(request, authorization: authorization, secretAccessKey: secret)
            return nil
        } catch {
            return error
        }
    }

    @Test func untouchedRequestVerifies() throws {
        #expect(try Self.verifyError(Self.signedRequest()) == nil)
    }

    @Test func tamperedBodyIsInvalidSignature() throws {
        var request = try Self.signedRequest()
        request.payloadHash = SigV4Request.hexSHA256(Array(#"{"prompt":"bye"}"#.utf8))
        let error = try #require(try Self.verifyError(request))
        #expect(error == BedrockError(code: "InvalidSignatureException", status: 403, message: Self.signatureMismatch))
    }

    @Test func tamperedPathQueryHeaderOrSecretIsInvalidSignature() throws {
        var path = try Self.signedRequest()
        path.rawPath = "/model/m%3A2/invoke"
        var query = try Self.signedRequest()
        query.rawQuery = "x=2"
        var header = try Self.signedRequest()
        header.headers[1].value = "text/plain"
        for request in [path, query, header] {
            #expect(try Self.verifyError(request)?.code == "InvalidSignatureException")
        }
        #expect(try Self.verifyError(Self.signedRequest(), secret: "other")?.message == Self.signatureMismatch)
    }

    @Test func badlyScopedCredentialsAreInvalidSignature() throws {
        let request = try Self.signedRequest()
        var authorization = try #require(try SigV4Authorization.parse(request))
        authorization.date = "20150831"
        #expect(throws: BedrockError(code: "InvalidSignatureException", status: 403, message:
            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                + "'20150831' != '20150830', from '20150830T123600Z'.")) {
            try SigV4Verifier.verify(request, authorization: authorization, secretAccessKey: "secret")
        }
        authorization.date = "20150830"
        authorization.terminator = "aws5_request"
        #expect(throws: BedrockError.self) {
            try SigV4Verifier.verify(request, authorization: authorization, secretAccessKey: "secret")
        }
        authorization.terminator = "aws4_request"
        authorization.signedHeaders = ["x-amz-date"]
        #expect(throws: BedrockError.self) {
            try SigV4Verifier.verify(request, authorization: authorization, secretAccessKey: "secret")
        }
    }

    @Test func unrecognizedClientError() {
        #expect(SigV4Verifier.unrecognizedClient() == BedrockError(
            code: "UnrecognizedClientException", status: 403, message: "The security token included in the request is invalid."
        ))
    }
}
