import Foundation
@testable import FakeModels

/// A small catalog for the core tests, independent of the bundled one.
enum CoreTestModels {
    static let catalog: ModelCatalog = try! ModelCatalog.load(Data("""
        {"models": [
          {"modelId": "anthropic.claude-test-v1:0", "modelName": "Claude Test", "providerName": "Anthropic", "codec": "anthropic",
           "inputModalities": ["TEXT", "IMAGE"], "outputModalities": ["TEXT"], "responseStreamingSupported": true,
           "customizationsSupported": [], "inferenceTypesSupported": ["ON_DEMAND"], "lifecycle": {"status": "ACTIVE"},
           "features": ["converse", "converseStream", "tools", "toolChoice", "systemPrompt", "reasoning"],
           "contextWindow": 200000, "maxOutputTokens": 4096, "inferenceProfiles": ["us", "global"]},
          {"modelId": "anthropic.claude-old-v1", "modelName": "Claude Old", "providerName": "Anthropic", "codec": "anthropic",
           "inputModalities": ["TEXT"], "outputModalities": ["TEXT"], "lifecycle": {"status": "EOL", "endOfLifeTime": "2024-02-28T00:00:00Z"},
           "features": [], "contextWindow": 100000, "maxOutputTokens": 4096}
        ]}
        """.utf8))

    static var claude: FoundationModel { catalog.model(id: "anthropic.claude-test-v1:0")! }
}
