import BedrockAPI
import Testing
@testable import FakeModels

@Suite struct NativeBodyTests {
    func message(_ body: JSONValue, _ read: (inout NativeBody) -> Void) -> String? {
        do {
            var native = try NativeBody(body)
            read(&native)
            try native.finish()
            return nil
        } catch {
            return error.message
        }
    }

    @Test func bedrockWording() {
        #expect(message(["a": 1]) { $0.require("max_tokens") }
            == "Malformed input request: #: required key [max_tokens] not found, please reformat your input and try again.")
        #expect(message(["temperature": .double(1.5)]) { _ = $0.number("temperature", min: 0, max: 1) }
            == "Malformed input request: #/temperature: 1.5 is not less or equal to 1, please reformat your input and try again.")
        #expect(message(["n": "x"]) { _ = $0.integer("n") }
            == "Malformed input request: #/n: expected type: Integer, found: String, please reformat your input and try again.")
        #expect(message([1, 2]) { _ in } == "Malformed input request: #: expected type: JSONObject, found: JSONArray, please reformat your input and try again.")
    }

    @Test func nestedPathsAndSeveralViolations() {
        let text = message(["config": ["topP": 2], "extra": true]) { body in
            body.onlyKeys(["config"])
            _ = body.object("config") { $0.number("topP", max: 1) }
        }
        #expect(text?.contains("2 schema violations found") == true)
        #expect(text?.contains("#/config/topP: 2 is not less or equal to 1") == true)
        #expect(text?.contains("#: extraneous key [extra] is not permitted") == true)
    }
}
