import BedrockAPI
import Foundation
import Testing

@testable import EmulatorServer

@Suite struct GatewaySummaryTests {
    @Test func shortTextIsKeptWhole() {
        #expect(Gateway.brief("modelId=anthropic.claude") == "modelId=anthropic.claude")
        // 150 characters of four bytes each: over the byte bound, within the character one.
        let emoji = String(repeating: "😀", count: 150)
        #expect(Gateway.brief(emoji) == emoji)
        let exact = String(repeating: "é", count: Gateway.summaryLength)
        #expect(Gateway.brief(exact) == exact)
    }

    @Test func longTextIsCutToTheLimitInCharacters() {
        let long = String(repeating: "é", count: Gateway.summaryLength + 1)
        let brief = Gateway.brief(long)
        #expect(brief.count == Gateway.summaryLength)
        #expect(brief == String(repeating: "é", count: Gateway.summaryLength - 1) + "…")
        #expect(Gateway.brief(String(repeating: "a", count: 1000)) == String(repeating: "a", count: Gateway.summaryLength - 1) + "…")
    }

    @Test func summaryListsPlainMembersInNameOrder() {
        let input: ShapeValue = .map(["modelId": .string("m"), "count": .integer(2), "flag": .bool(true), "body": .blob(Data([1]))])
        #expect(Gateway.summary(of: input) == "count=2, flag=true, modelId=m")
    }
}
