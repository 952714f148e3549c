import Foundation
import Testing

@testable import BedrockAPI

struct PatternTests {
    /// A pattern ICU cannot compile would go unenforced; every one in the model must compile.
    @Test func everyModelPatternCompiles() {
        let patterns = Set(APIModel.bundled.services.flatMap { $0.shapes.values.compactMap(\.pattern) })
        let failing = patterns.filter { (try? NSRegularExpression(pattern: PatternCache.icuPattern($0))) == nil }.sorted()
        #expect(failing.isEmpty, "patterns ICU cannot compile: \(failing)")
        #expect(patterns.count > 100)
    }

    @Test func modelIdPatternsAcceptRealIdentifiers() throws {
        let runtime = try #require(APIModel.bundled.service("bedrock-runtime"))
        let modelIdPattern = try #require(runtime.shapes["ConversationalModelId"]?.pattern)
        for id in [
            "anthropic.claude-3-haiku-20240307-v1:0", "us.anthropic.claude-3-5-sonnet-20240620-v1:0",
            "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0",
        ] {
            #expect(PatternCache.shared.matches(modelIdPattern, id), "\(id)")
        }
    }
}

struct ICUPatternTests {
    @Test(arguments: [
        ("([:][a-z]+)", #"([\:][a-z]+)"#),
        (#"\[:x"#, #"\[:x"#),
        ("[^:]+", "[^:]+"),
        (#"\\[:]"#, #"\\[\:]"#),
    ])
    func colonOpeningASetIsEscaped(java: String, icu: String) {
        #expect(PatternCache.icuPattern(java) == icu)
    }

    @Test func theAgentModelsAccountIdTypoReadsAsAccountId() {
        #expect(PatternCache.icuPattern("^arn:aws:bedrock:[a-z0-9-]+:/d{12}:agent/.*$") == #"^arn:aws:bedrock:[a-z0-9-]+:\d{12}:agent/.*$"#)
    }
}
