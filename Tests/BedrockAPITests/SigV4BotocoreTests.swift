import Foundation
import Testing
@testable import BedrockAPI

/// Requests signed by botocore 1.43.11 at 2015-08-30T12:36:00Z with AKIDEXAMPLE / `secret`
/// (scripts/botocore_vectors.py in the scratch package that produced them); headers as sent.
@Suite struct SigV4BotocoreTests {
    static let secret = "secret"

    @Test func invokeModelWithPercentEncodedInferenceProfileARN() throws {
        let path = "/model/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Ainference-profile"
            + "%2Fus.anthropic.claude-3-haiku-20240307-v1%3A0/invoke"
        let body = #"{"anthropic_version":"bedrock-2023-05-31","max_tokens":64,"messages":[{"role":"user","content":"Hi"}]}"#
        let request = SigV4Tests.request("POST", path, headers: [
            ("Host", "bedrock-runtime.us-east-1.amazonaws.com"),
            ("Content-Type", "application/json"),
            ("Accept", "application/json"),
            ("User-Agent", "Botocore/1.43.11 ua/2.1 os/linux lang/python#3.11.7"),
            ("X-Amz-Date", "20150830T123600Z"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/bedrock/aws4_request, "
                + "SignedHeaders=accept;content-type;host;x-amz-date, "
                + "Signature=b9c88be3a717e3737ddfcb3d1d640af4d2e7c6668d8d37e7c621560c82fef52d"),
            ("amz-sdk-invocation-id", "c33a61bd-0092-47ce-8506-ea96fb9c7e6a"),
            ("amz-sdk-request", "attempt=1"),
            ("Content-Length", "102"),
        ], body: body)
        #expect(request.payloadHash == "bfe9595c6d3fa2509aa43ae91038e137bdd65ac5d9fe6b5a6f3d86a876b1ce96")
        try SigV4Tests.verified(request, secret: Self.secret)
        #expect(SigV4Verifier.canonicalURI(path) == "/model/arn%253Aaws%253Abedrock%253Aus-east-1%253A123456789012"
            + "%253Ainference-profile%252Fus.anthropic.claude-3-haiku-20240307-v1%253A0/invoke")
    }

    @Test func listFoundationModelsWithSpecialCharactersInQuery() throws {
        let request = SigV4Tests.request(
            "GET", "/foundation-models", query: "byProvider=Anthropic%20Inc%2F%C3%A4%2Bx&byOutputModality=TEXT",
            headers: [
                ("Host", "bedrock.us-east-1.amazonaws.com"),
                ("X-Amz-Date", "20150830T123600Z"),
                ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/bedrock/aws4_request, "
                    + "SignedHeaders=host;x-amz-date, "
                    + "Signature=a2e72fc0d481cd83da45f8d87fa6fb448f41d7092901ee602faacdc430959079"),
            ]
        )
        try SigV4Tests.verified(request, secret: Self.secret)
    }

    @Test func formEncodedQueryReadsPlusAsSpace() throws {
        // Python requests puts `+` for the space it signed as `%20`.
        let request = SigV4Tests.request(
            "GET", "/foundation-models", query: "byProvider=Anthropic+Inc&note=a%2Bb%3Dc%26d%2F%C3%A9~%2A",
            headers: [
                ("Host", "bedrock.us-east-1.amazonaws.com"),
                ("X-Amz-Date", "20150830T123600Z"),
                ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/bedrock/aws4_request, "
                    + "SignedHeaders=host;x-amz-date, "
                    + "Signature=ddcb8e4b514522e3a4a2600019c8a6cd19553b78660ffbe1b7da891783cc8a43"),
            ]
        )
        try SigV4Tests.verified(request, secret: Self.secret)
    }

    @Test func presignedURL() throws {
        let query = "byProvider=Meta&X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fbedrock%2Faws4_request"
            + "&X-Amz-Date=20150830T123600Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=94a7322c1cd5a6cdf8a6d4e729ecd39ae3bf83058b12ae8fc253f7a45d8c0066"
        let request = SigV4Tests.request(
            "GET", "/foundation-models", query: query, headers: [("Host", "bedrock.us-east-1.amazonaws.com")]
        )
        let authorization = try SigV4Tests.verified(request, secret: Self.secret)
        #expect(authorization.isPresigned)
        #expect(authorization.expires == 300)
    }

    @Test func dotSegmentsDoubleSlashesAndHeaderWhitespace() throws {
        let request = SigV4Tests.request("PUT", "/a//b/./c/../d%20e%3A", headers: [
            ("Host", "example.amazonaws.com"),
            ("X-Custom", "  one   two \t three  "),
            ("X-Amz-Date", "20150830T123600Z"),
            ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/bedrock/aws4_request, "
                + "SignedHeaders=host;x-amz-date;x-custom, "
                + "Signature=e23a6ae2b7f38e8f55a7d226813652818b799661e6c720ec2dac47814f6063ce"),
            ("Content-Length", "7"),
        ], body: "payload")
        try SigV4Tests.verified(request, secret: Self.secret)
    }
}
