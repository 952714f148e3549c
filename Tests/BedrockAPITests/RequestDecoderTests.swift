import Foundation
import Testing

@testable import BedrockAPI

struct RequestDecoderTests {
    static let model = APIModel.bundled
    static let runtime = model.service("bedrock-runtime")!
    static let control = model.service("bedrock")!

    func decode(_ service: ServiceModel, _ operation: String, labels: [String: String], query: String = "", headers: [(name: String, value: String)] = [], body: String = "") throws(BedrockError) -> ShapeValue {
        try RequestDecoder(service: service).decode(
            service.operations[operation]!, labels: labels,
            request: HTTPRequestParts(method: "POST", rawPath: "/", rawQuery: query, headers: headers, body: Data(body.utf8)))
    }

    func validationMessage(_ body: () throws -> ShapeValue) -> String? {
        do {
            _ = try body()
            return nil
        } catch let error as BedrockError {
            #expect(error.code == "ValidationException")
            #expect(error.status == 400)
            return error.message
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func converseBindsLabelAndBody() throws {
        let input = try decode(Self.runtime, "Converse", labels: ["modelId": "m"], body: #"{"messages":[{"role":"user","content":[{"text":"hi"}]}],"inferenceConfig":{"maxTokens":5,"temperature":0.5}}"#)
        #expect(input["modelId"] == "m")
        #expect(input["inferenceConfig"]?["maxTokens"] == .integer(5))
        #expect(input["inferenceConfig"]?["temperature"] == .double(0.5))
        #expect(input["messages"]?.listValue?.first?["content"]?.listValue?.first?["text"] == "hi")
    }

    @Test func rangeViolationIsWordedLikeAWS() {
        let message = validationMessage {
            try decode(Self.runtime, "Converse", labels: ["modelId": "m"], body: #"{"messages":[],"inferenceConfig":{"maxTokens":0}}"#)
        }
        #expect(message == "1 validation error detected: Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1")
    }

    @Test func missingRequiredMemberIsNull() {
        let message = validationMessage { try decode(Self.runtime, "CountTokens", labels: ["modelId": "m"], body: "{}") }
        #expect(message == "1 validation error detected: Value null at 'input' failed to satisfy constraint: Member must not be null")
    }

    @Test func severalViolationsAreCountedAndJoined() {
        let message = validationMessage {
            try decode(Self.runtime, "Converse", labels: ["modelId": "m"], body: #"{"inferenceConfig":{"maxTokens":0,"topP":2}}"#)
        }
        #expect(message?.hasPrefix("2 validation errors detected: ") == true)
        #expect(message?.contains("; ") == true)
    }

    @Test func enumViolationListsTheValues() {
        let message = validationMessage {
            try decode(Self.runtime, "Converse", labels: ["modelId": "m"], body: #"{"messages":[{"role":"robot","content":[{"text":"x"}]}]}"#)
        }
        #expect(message == "1 validation error detected: Value 'robot' at 'messages.1.member.role' failed to satisfy constraint: Member must satisfy enum value set: [user, assistant]")
    }

    @Test func unionMustHaveExactlyOneMember() {
        let message = validationMessage {
            try decode(Self.runtime, "Converse", labels: ["modelId": "m"], body: #"{"messages":[{"role":"user","content":[{}]}]}"#)
        }
        #expect(message?.contains("messages.1.member.content.1.member") == true)
    }

    @Test(arguments: ["{", "[1,2", "{\"a\":}", "nul", "{\"a\":1}x"])
    func malformedJSONSaysSo(body: String) {
        let message = validationMessage { try decode(Self.runtime, "Converse", labels: ["modelId": "m"], body: body) }
        #expect(message?.hasPrefix("The request body is not valid JSON") == true)
    }

    @Test func typeMismatchIsAValidationError() {
        let message = validationMessage {
            try decode(Self.runtime, "Converse", labels: ["modelId": "m"], body: #"{"messages":[],"inferenceConfig":{"maxTokens":"many"}}"#)
        }
        #expect(message?.contains("'inferenceConfig.maxTokens'") == true)
    }

    @Test func blobPayloadIsTheRawBodyAndHeadersBind() throws {
        let input = try decode(
            Self.runtime, "InvokeModel", labels: ["modelId": "m"],
            headers: [("Content-Type", "application/json"), ("X-Amzn-Bedrock-Trace", "ENABLED")], body: #"{"prompt":"hi"}"#)
        #expect(input["body"] == .blob(Data(#"{"prompt":"hi"}"#.utf8)))
        #expect(input["contentType"] == "application/json")
        #expect(input["trace"] == "ENABLED")
    }

    @Test func queryParametersBindWithTheirTypes() throws {
        let input = try decode(Self.control, "ListCustomModels", labels: [:], query: "maxResults=5&sortOrder=Ascending&unknownParam=1")
        #expect(input["maxResults"] == .integer(5))
        #expect(input["sortOrder"] == "Ascending")
    }

    @Test func wrongContentTypeIsRefused() {
        let message = validationMessage {
            try decode(Self.runtime, "Converse", labels: ["modelId": "m"], headers: [("Content-Type", "text/xml")], body: "{}")
        }
        #expect(message?.contains("Content-Type") == true)
    }
}
