import Foundation
import Testing

@testable import BedrockAPI

struct ResponseEncoderTests {
    static let model = APIModel.bundled
    static let runtime = model.service("bedrock-runtime")!
    static let control = model.service("bedrock")!

    @Test func anEmptyListTheModelSaysHoldsOneOrMoreIsLeftOut() {
        let encoder = ShapeEncoder(service: Self.control)
        #expect(encoder.encode(["jobSummaries": []], as: "ListEvaluationJobsResponse") == .object([:]))
        // A list that may be empty stays, empty.
        #expect(encoder.encode(["modelSummaries": []], as: "ListCustomModelsResponse") == .object(["modelSummaries": .array([])]))
    }

    @Test func blobPayloadWithHeaderMembers() {
        let encoder = ResponseEncoder(service: Self.runtime)
        let response = encoder.encode(
            ["body": .blob(Data("{}".utf8)), "contentType": "application/json", "performanceConfigLatency": "standard"],
            for: Self.runtime.operations["InvokeModel"]!)
        #expect(response.status == 200)
        #expect(response.body == Data("{}".utf8))
        #expect(response.header("Content-Type") == "application/json")
        #expect(response.header("X-Amzn-Bedrock-PerformanceConfig-Latency") == "standard")
    }

    @Test func statusComesFromTheModel() {
        let encoder = ResponseEncoder(service: Self.control)
        let response = encoder.encode(["jobArn": "arn:aws:bedrock:us-east-1:123456789012:model-customization-job/abc"], for: Self.control.operations["CreateModelCustomizationJob"]!)
        #expect(response.status == 201)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"jobArn":"arn:aws:bedrock:us-east-1:123456789012:model-customization-job/abc"}"#)
    }

    @Test func timestampsFollowTheShapeFormat() throws {
        let encoder = ResponseEncoder(service: Self.control)
        let response = encoder.encode(
            ["modelSummaries": [["modelArn": "a", "modelName": "n", "creationTime": .timestamp(Date(timeIntervalSince1970: 0)), "baseModelArn": "b", "baseModelName": "c"]]],
            for: Self.control.operations["ListCustomModels"]!)
        #expect(String(decoding: response.body, as: UTF8.self).contains(#""creationTime":"1970-01-01T00:00:00Z""#))
    }

    @Test func errorsCarryTypeHeaderAndModeledStatus() throws {
        let encoder = ResponseEncoder(service: Self.runtime)
        let response = encoder.encodeError(BedrockError(code: "ModelTimeoutException", status: 400, message: "slow"))
        #expect(response.status == 408)
        #expect(response.header("x-amzn-ErrorType") == "ModelTimeoutException")
        #expect(try JSONParser.parse(response.body) == ["message": "slow"])
    }

    @Test func streamExceptionsUseTheUnionMemberName() {
        let encoder = ResponseEncoder(service: Self.runtime)
        let stream = encoder.eventStream(of: Self.runtime.operations["ConverseStream"]!)
        #expect(stream?.member == "stream")
        let message = encoder.exceptionMessage(BedrockError(code: "ThrottlingException", status: 429, message: "slow down"), union: stream!.union)
        #expect(message.header(":exception-type") == .string("throttlingException"))
        #expect(message.header(":message-type") == .string("exception"))
    }
}
