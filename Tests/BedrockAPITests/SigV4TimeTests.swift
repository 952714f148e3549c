import Foundation
import Testing
@testable import BedrockAPI

/// The clock-skew window and presigned expiry.
@Suite struct SigV4TimeTests {
    static let signedAt = "20150830T123600Z"
    /// 2015-08-30T12:36:00Z.
    static let signedDate = Date(timeIntervalSince1970: 1_440_938_160)

    static func authorization(presignedFor expires: Int? = nil) -> SigV4Authorization {
        SigV4Authorization(
            accessKeyId: "AKIDEXAMPLE", date: "20150830", region: "us-east-1", service: "bedrock",
            signedHeaders: ["host"], signature: "ab", amzDate: signedAt,
            isPresigned: expires != nil, expires: expires
        )
    }

    @Test func withinSkewPasses() throws {
        for offset in [-300.0, 0, 300] {
            try SigV4Verifier.checkTime(Self.authorization(), now: Self.signedDate.addingTimeInterval(offset))
        }
    }

    @Test func tooOldIsExpired() {
        #expect(throws: BedrockError(code: "InvalidSignatureException", status: 403, message:
            "Signature expired: 20150830T123600Z is now earlier than 20150830T124000Z (20150830T124500Z - 5 min.)")) {
            try SigV4Verifier.checkTime(Self.authorization(), now: Self.signedDate.addingTimeInterval(540))
        }
    }

    @Test func tooNewIsNotYetCurrent() {
        #expect(throws: BedrockError(code: "InvalidSignatureException", status: 403, message:
            "Signature not yet current: 20150830T123600Z is still later than 20150830T123000Z (20150830T122500Z + 5 min.)")) {
            try SigV4Verifier.checkTime(Self.authorization(), now: Self.signedDate.addingTimeInterval(-660))
        }
    }

    @Test func presignedExpiresIsHonoured() throws {
        try SigV4Verifier.checkTime(Self.authorization(presignedFor: 3600), now: Self.signedDate.addingTimeInterval(3500))
        #expect(throws: BedrockError(code: "InvalidSignatureException", status: 403, message:
            "Signature expired: 20150830T123600Z is now earlier than 20150830T123610Z (20150830T123710Z - 1 min.)")) {
            try SigV4Verifier.checkTime(Self.authorization(presignedFor: 60), now: Self.signedDate.addingTimeInterval(70))
        }
    }

    @Test func amzDateRoundTrips() {
        #expect(SigV4Time.parse(Self.signedAt) == Self.signedDate)
        #expect(SigV4Time.format(Self.signedDate) == Self.signedAt)
        #expect(SigV4Time.amzDate(fromHTTPDate: "Sun, 30 Aug 2015 12:36:00 GMT") == Self.signedAt)
        #expect(SigV4Time.parse("20150830T123600") == nil)
        #expect(SigV4Time.parse("20150431T000000Z") == nil)
    }
}
