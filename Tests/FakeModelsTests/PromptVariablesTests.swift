import Testing
@testable import FakeModels

@Suite struct PromptVariablesTests {
    @Test(arguments: [
        ("Summarise {{document}} for {{audience}}.", ["document", "audience"]),
        ("{{a}} and {{a}} again, then {{b}}", ["a", "b"]),
        ("snake {{first_name}}, kebab {{last-name}}, digits {{v2}}", ["first_name", "last-name", "v2"]),
        ("no variables here", []),
        ("spaces {{ name }}, empty {{}}, double sep {{a__b}}, leading {{_x}}", []),
        ("unclosed {{name and {{closed}}", ["closed"]),
        ("triple {{{inner}}}", ["inner"]),
        ("json {\"key\": {{value}}}", ["value"]),
    ])
    func namesFollowAWSVariableRule(text: String, expected: [String]) {
        #expect(PromptVariables.names(in: text) == expected)
    }

    @Test func renderFillsOnlyKnownVariables() {
        let text = "Dear {{name}}, your order {{order}} ships {{when}}."
        #expect(PromptVariables.render(text, values: ["name": "Ada", "order": "#42"]) == "Dear Ada, your order #42 ships {{when}}.")
    }

    @Test func variableNameLimits() {
        #expect(PromptVariables.isVariableName(String(repeating: "a", count: 100)))
        #expect(!PromptVariables.isVariableName(String(repeating: "a", count: 101)))
        #expect(PromptVariables.isVariableName("a_"))
        #expect(!PromptVariables.isVariableName("é"))
    }
}
