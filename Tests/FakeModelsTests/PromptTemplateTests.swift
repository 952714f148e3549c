import Testing
@testable import FakeModels

@Suite struct PromptTemplateTests {
    func turns(_ template: PromptTemplate, _ prompt: String) -> [String] {
        template.turns(of: prompt).map { role, text in "\(role): \(text)" }
    }

    @Test func llama3HeadersGiveEveryTurn() {
        let prompt = "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe kind.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>"
            + "<|start_header_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nWhat is rain?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n"
        #expect(turns(.llama, prompt) == ["system: Be kind.", "user: Hi", "assistant: Hello!", "user: What is rain?"])
    }

    @Test func instTurnsWithLlama2SystemPrompt() {
        let prompt = "<s>[INST] <<SYS>>\nBe kind.\n<</SYS>>\n\nWhat is rain? [/INST]"
        #expect(turns(.llama, prompt) == ["system: Be kind.", "user: What is rain?"])
        let multi = "<s>[INST] Hi [/INST] Hello!</s><s>[INST] What is snow? [/INST]"
        #expect(turns(.mistral, multi) == ["user: Hi", "assistant: Hello!", "user: What is snow?"])
    }

    @Test func deepSeekAndTitanTemplates() {
        #expect(turns(.deepSeek, "<｜begin▁of▁sentence｜>Be brief.<｜User｜>What is fog?<｜Assistant｜><think>\n") == ["system: Be brief.", "user: What is fog?"])
        #expect(turns(.titan, "User: What is hail?\nBot:") == ["user: What is hail?"])
    }

    @Test func promptsWithoutTheTemplateAreOneQuestion() {
        let request = PromptTemplate.titan.request(prompt: "Summarize this text.\nBot:", maxTokens: 10)
        #expect(request.messages == [ChatMessage(role: .user, content: [.text("Summarize this text.")])])
        #expect(request.system.isEmpty)
        #expect(PromptTemplate.llama.request(prompt: "  plain question ", maxTokens: nil).messages.first?.text == "plain question")
    }
}
