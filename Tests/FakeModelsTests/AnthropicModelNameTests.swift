import Testing
@testable import FakeModels

@Suite struct AnthropicModelNameTests {
    @Test(arguments: [
        ("anthropic.claude-3-haiku-20240307-v1:0", "claude-3-haiku-20240307"),
        ("anthropic.claude-v2:1", "claude"),
        ("anthropic.claude-instant-v1", "claude-instant"),
        ("anthropic.claude-3-5-sonnet-20240620-v1:0", "claude-3-5-sonnet-20240620"),
        ("anthropic.claude-v", "claude-v"),
        ("anthropic.claude-vx", "claude-vx"),
        ("claude-3-opus-20240229-v1:0", "claude-3-opus-20240229"),
        ("anthropic.model-v1-v2", "model-v1"),
        ("anthropic.-v1", ""),
    ])
    func dropsTheProviderAndTheVersionSuffix(modelId: String, name: String) {
        #expect(AnthropicCodec.modelName(modelId) == name)
    }
}
