import BedrockAPI
import EmulatorCore
import Foundation
import Testing

@Suite struct PageTests {
    let items = Array(0..<250)

    @Test func pagesThroughInHundreds() throws {
        let first = try Page.paginate(items, maxResults: 100, nextToken: nil)
        #expect(first.items == Array(0..<100))
        let firstToken = try #require(first.nextToken)
        let second = try Page.paginate(items, maxResults: 100, nextToken: firstToken)
        #expect(second.items == Array(100..<200))
        let secondToken = try #require(second.nextToken)
        let third = try Page.paginate(items, maxResults: 100, nextToken: secondToken)
        #expect(third.items == Array(200..<250))
        #expect(third.nextToken == nil)
    }

    @Test func defaultsAndEdges() throws {
        #expect(try Page.paginate(items, maxResults: nil, nextToken: nil, defaultMaxResults: 30).items.count == 30)
        #expect(try Page.paginate(items, maxResults: nil, nextToken: nil).items.count == 100)
        let all = try Page.paginate(items, maxResults: 250, nextToken: nil)
        #expect(all.items.count == 250 && all.nextToken == nil)
        #expect(try Page.paginate([Int](), maxResults: 10, nextToken: nil) == Page(items: [], nextToken: nil))
    }

    @Test func tokenPastAShrunkListGivesEmptyLastPage() throws {
        let token = try #require(try Page.paginate(items, maxResults: 200, nextToken: nil).nextToken)
        let page = try Page.paginate(Array(items.prefix(150)), maxResults: 100, nextToken: token)
        #expect(page.items.isEmpty && page.nextToken == nil)
    }

    @Test(arguments: ["garbage", "", "eyJvZmZzZXQiOjEwMH0=", "e30="])
    func malformedTokenIsRefused(token: String) {
        let error = #expect(throws: BedrockError.self) { try Page.paginate(items, maxResults: 10, nextToken: token) }
        #expect(error?.code == "ValidationException")
        #expect(error?.message.contains("nextToken") == true)
    }

    @Test func tamperedTokenIsRefused() throws {
        let token = try #require(try Page.paginate(items, maxResults: 100, nextToken: nil).nextToken)
        let json = String(decoding: try #require(Data(base64Encoded: token)), as: UTF8.self)
        let forged = Data(json.replacingOccurrences(of: "100", with: "7").utf8).base64EncodedString()
        #expect(throws: BedrockError.self) { try Page.paginate(items, maxResults: 100, nextToken: forged) }
    }

    @Test func tokenFromAnotherScopeIsRefused() throws {
        let token = try #require(try Page.paginate(items, maxResults: 10, nextToken: nil, scope: "ListAgents").nextToken)
        #expect(throws: BedrockError.self) {
            try Page.paginate(items, maxResults: 10, nextToken: token, scope: "ListFlows")
        }
        #expect(try Page.paginate(items, maxResults: 10, nextToken: token, scope: "ListAgents").items.first == 10)
    }

    @Test(arguments: [0, -1])
    func maxResultsBelowOneIsRefused(maxResults: Int) {
        let error = #expect(throws: BedrockError.self) { try Page.paginate(items, maxResults: maxResults, nextToken: nil) }
        #expect(error?.code == "ValidationException")
        #expect(error?.message.contains("maxResults") == true)
    }
}
