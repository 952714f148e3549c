import BedrockAPI
import Testing
@testable import FakeModels

@Suite struct ChatGeneratorTests {
    let generator = ChatGenerator()

    func ask(_ text: String, maxTokens: Int? = nil) -> ChatRequest {
        ChatRequest(messages: [ChatMessage(role: .user, content: [.text(text)])], maxTokens: maxTokens)
    }

    @Test func sameRequestSameAnswer() {
        let request = ask("How do glaciers shape mountain valleys?")
        let a = generator.reply(to: request, model: CoreTestModels.claude)
        let b = generator.reply(to: request, model: CoreTestModels.claude)
        #expect(a == b)
        #expect(a.text.contains("glaciers"))
        #expect(a.stopReason == .endTurn)
    }

    @Test func differentPromptsDifferentAnswers() {
        let a = generator.reply(to: ask("Tell me about volcanoes"), model: CoreTestModels.claude)
        let b = generator.reply(to: ask("Tell me about penguins"), model: CoreTestModels.claude)
        #expect(a.text != b.text)
    }

    @Test func maxTokensIsHonoured() {
        let result = generator.reply(to: ask("Explain photosynthesis in plants", maxTokens: 10), model: CoreTestModels.claude)
        #expect(result.stopReason == .maxTokens)
        #expect(result.outputTokens <= 10)
        #expect(result.outputTokens == Tokenizer.count(result.text))
    }

    @Test func stopSequenceCutsTheAnswer() {
        var request = ask("Explain photosynthesis in plants")
        let full = generator.reply(to: request, model: CoreTestModels.claude).text
        request.stopSequences = ["plants"]
        let result = generator.reply(to: request, model: CoreTestModels.claude)
        #expect(result.stopReason == .stopSequence("plants"))
        #expect(!result.text.contains("plants"))
        #expect(full.hasPrefix(result.text))
    }

    @Test func toolNamedInThePromptIsCalled() {
        var request = ask("What is the weather in Paris?")
        request.tools = [ToolSpec(name: "get_weather", inputSchema: ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"]])]
        let result = generator.reply(to: request, model: CoreTestModels.claude)
        #expect(result.stopReason == .toolUse)
        #expect(result.toolUses.first?.name == "get_weather")
        #expect(result.toolUses.first?.input == ["city": "Paris"])
    }

    @Test func noToolWhenNotNamedAndNotForced() {
        var request = ask("Write a haiku about autumn")
        request.tools = [ToolSpec(name: "get_weather")]
        #expect(generator.reply(to: request, model: CoreTestModels.claude).toolUses.isEmpty)
        request.toolChoice = .any
        #expect(generator.reply(to: request, model: CoreTestModels.claude).toolUses.first?.name == "get_weather")
    }

    @Test func afterAToolResultTheAnswerUsesIt() {
        var request = ask("What is the weather in Paris?")
        request.tools = [ToolSpec(name: "get_weather")]
        request.messages += [
            ChatMessage(role: .assistant, content: [.toolUse(id: "t1", name: "get_weather", input: ["city": "Paris"])]),
            ChatMessage(role: .user, content: [.toolResult(id: "t1", content: [.text("18 degrees and sunny")], isError: false)]),
        ]
        let result = generator.reply(to: request, model: CoreTestModels.claude)
        #expect(result.stopReason == .endTurn)
        #expect(result.text.contains("get_weather"))
        #expect(result.text.contains("18 degrees and sunny"))
    }

    @Test func reasoningComesFirstWhenAsked() {
        var request = ask("Why is the sky blue?")
        request.reasoningBudget = 2000
        let result = generator.reply(to: request, model: CoreTestModels.claude)
        guard case .reasoning = result.content.first else {
            Issue.record("no reasoning block first: \(result.content)")
            return
        }
        #expect(!result.text.isEmpty)
    }

    @Test func inputTokensCountEveryPart() {
        let plain = ChatGenerator.inputTokens(of: ask("hello there"))
        var withSystem = ask("hello there")
        withSystem.system = ["You are a helpful assistant."]
        #expect(ChatGenerator.inputTokens(of: withSystem) > plain)
    }
}

extension ChatGeneratorTests {
    @Test func aLimitedAnswerIsAPrefixOfTheFullOne() {
        let full = generator.reply(to: ask("Explain photosynthesis in plants"), model: CoreTestModels.claude).text
        let short = generator.reply(to: ask("Explain photosynthesis in plants", maxTokens: 12), model: CoreTestModels.claude).text
        #expect(full.hasPrefix(short))
    }
}

extension ChatGeneratorTests {
    @Test func aLengthAskedForInThePromptIsMet() {
        let result = generator.reply(to: ask("Describe the ocean in 200 tokens"), model: CoreTestModels.claude)
        #expect(result.outputTokens >= 190 && result.outputTokens <= 230, "\(result.outputTokens)")
    }
}
