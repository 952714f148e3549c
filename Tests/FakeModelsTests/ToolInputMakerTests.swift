import BedrockAPI
import Testing
@testable import FakeModels

@Suite struct ToolInputMakerTests {
    @Test func fillsRequiredTypesEnumsAndBounds() {
        let schema: JSONValue = [
            "type": "object",
            "properties": [
                "city": ["type": "string"],
                "unit": ["type": "string", "enum": ["celsius", "fahrenheit"]],
                "days": ["type": "integer", "minimum": 1, "maximum": 7],
                "detailed": ["type": "boolean"],
                "tags": ["type": "array", "items": ["type": "string"], "minItems": 2],
                "when": ["type": "string", "format": "date"],
            ],
            "required": ["city", "unit", "days"],
        ]
        let input = ToolInputMaker(prompt: "Forecast for Lisbon over the next 30 days").value(for: schema)
        #expect(input["city"] == "Lisbon")
        #expect(input["unit"] == "celsius")
        #expect(input["days"] == 7)
        #expect(input["detailed"] == true)
        #expect(input["tags"]?.arrayValue?.count == 2)
        #expect(input["when"] == "2024-01-01")
    }

    @Test func followsRefsAndNestedObjects() {
        // The shape pydantic gives LangChain's with_structured_output.
        let schema: JSONValue = [
            "$defs": ["Address": ["type": "object", "properties": ["street": ["type": "string"], "zip": ["type": "string", "maxLength": 5]], "required": ["street", "zip"]]],
            "type": "object",
            "properties": [
                "name": ["type": "string"],
                "age": ["anyOf": [["type": "integer"], ["type": "null"]]],
                "address": ["$ref": "#/$defs/Address"],
            ],
            "required": ["name", "address"],
        ]
        let input = ToolInputMaker(prompt: "Extract: Ada Lovelace is 36").value(for: schema)
        #expect(input["name"]?.stringValue != nil)
        #expect(input["age"] == 36)
        #expect(input["address"]?["street"]?.stringValue != nil)
        #expect((input["address"]?["zip"]?.stringValue?.count ?? 99) <= 5)
    }
}
