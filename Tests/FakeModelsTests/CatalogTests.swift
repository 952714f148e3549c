import Testing
@testable import FakeModels

@Suite struct CatalogTests {
    let catalog = CoreTestModels.catalog

    @Test func resolvesIdsArnsAndProfiles() {
        #expect(catalog.resolve("anthropic.claude-test-v1:0")?.model.modelId == "anthropic.claude-test-v1:0")
        #expect(catalog.resolve("arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-test-v1:0") != nil)
        #expect(catalog.resolve("us.anthropic.claude-test-v1:0")?.inferenceProfile == "us.anthropic.claude-test-v1:0")
        #expect(catalog.resolve("arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-test-v1:0") != nil)
        #expect(catalog.resolve("eu.anthropic.claude-test-v1:0") == nil)
        #expect(catalog.resolve("anthropic.nothing") == nil)
    }

    @Test func listHidesEndOfLifeAndFilters() {
        #expect(catalog.list().map(\.modelId) == ["anthropic.claude-test-v1:0"])
        #expect(catalog.list(provider: "anthropic").count == 1)
        #expect(catalog.list(outputModality: "IMAGE").isEmpty)
        #expect(catalog.list(customization: "FINE_TUNING").isEmpty)
    }

    @Test func theBundledCatalogLoads() {
        #expect(!ModelCatalog.bundled.models.isEmpty)
    }
}
