import Testing
@testable import FakeModels

@Suite struct PromptOptimizerTests {
    let catalog = ModelCatalog.bundled
    let prompt = "Summarise {{document}} for {{audience}} in three bullet points."

    func model(_ id: String) throws -> FoundationModel { try #require(catalog.model(id: id)) }

    @Test(arguments: [
        "anthropic.claude-3-haiku-20240307-v1:0", "meta.llama3-70b-instruct-v1:0", "amazon.nova-pro-v1:0", "mistral.mistral-large-2407-v1:0",
    ])
    func rewriteIsDeterministicAndKeepsVariables(id: String) throws {
        let target = try model(id)
        let first = PromptOptimizer.optimize(prompt, for: target)
        #expect(first == PromptOptimizer.optimize(prompt, for: target))
        #expect(PromptOptimizer.analysis(of: prompt, for: target) == PromptOptimizer.analysis(of: prompt, for: target))
        #expect(PromptVariables.names(in: first) == ["document", "audience"])
    }

    @Test func eachFamilyGetsItsConventions() throws {
        let claude = PromptOptimizer.optimize(prompt, for: try model("anthropic.claude-3-haiku-20240307-v1:0"))
        #expect(claude.contains("<instructions>") && claude.contains("<task>\n\(prompt)\n</task>"))
        let llama = PromptOptimizer.optimize(prompt, for: try model("meta.llama3-70b-instruct-v1:0"))
        #expect(llama.hasPrefix("<|begin_of_text|><|start_header_id|>system<|end_header_id|>"))
        #expect(llama.hasSuffix("<|start_header_id|>assistant<|end_header_id|>\n\n"))
        let nova = PromptOptimizer.optimize(prompt, for: try model("amazon.nova-pro-v1:0"))
        #expect(nova == PromptOptimizer.plain(prompt, criteria: []))
    }

    @Test func analysisNamesVariablesAndWhatIsMissing() throws {
        let message = PromptOptimizer.analysis(of: prompt, for: try model("anthropic.claude-3-haiku-20240307-v1:0"))
        #expect(message.contains("2 variables ({{document}}, {{audience}})"))
        #expect(message.contains("does not state examples or a role"))
    }

    @Test func supportedModelsAreInTheCatalog() throws {
        for id in PromptOptimizer.supportedModelIds { #expect(catalog.model(id: id)?.producesText == true, "\(id)") }
        #expect(!PromptOptimizer.supports(try model("amazon.titan-text-lite-v1")))
    }
}
