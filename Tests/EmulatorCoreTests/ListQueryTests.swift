import BedrockAPI
@testable import EmulatorCore
import Foundation
import Testing

@Suite struct ListQueryTests {
    /// Jobs stored in this order: the first two in one instant.
    let jobs: [StoredResource] = [
        job("a", name: "nightly-eval", status: "Completed", at: 100),
        job("b", name: "nightly-batch", status: "Failed", at: 100),
        job("c", name: "adhoc", status: "Failed", at: 50, model: "arn:model/x"),
    ]

    static func job(_ id: String, name: String, status: String, at seconds: TimeInterval, model: String = "arn:model/y") -> StoredResource {
        let time = Date(timeIntervalSince1970: seconds)
        let record = ResourceRecord(
            arn: "arn:aws:bedrock:us-east-1:123456789012:job/\(id)", service: "bedrock", type: "job", id: id, name: name,
            account: "123456789012", region: "us-east-1", createdAt: time, updatedAt: time, body: Data())
        return StoredResource(record: record, value: ["jobName": .string(name), "status": .string(status), "creationTime": .timestamp(time), "modelArn": .string(model)])
    }

    func names(_ input: ShapeValue, fields: [String: String] = [:]) throws -> [String] {
        try ListQuery(input, scope: "test", nameField: "jobName", fields: fields).page(jobs).items.map(\.id)
    }

    @Test func newestFirstByDefaultAndEqualTimesKeepTheirStoredOrder() throws {
        #expect(try names([:]) == ["b", "a", "c"])
        #expect(try names(["sortOrder": "Ascending"]) == ["c", "a", "b"])
    }

    @Test func filtersByConvention() throws {
        #expect(try names(["statusEquals": "Failed"]) == ["b", "c"])
        #expect(try names(["nameContains": "nightly"]) == ["b", "a"])
        #expect(try names(["modelArnEquals": "arn:model/x"]) == ["c"])
        #expect(try names(["creationTimeAfter": .timestamp(Date(timeIntervalSince1970: 60))]) == ["b", "a"])
        #expect(try names(["creationTimeBefore": .timestamp(Date(timeIntervalSince1970: 60))]) == ["c"])
        #expect(try names(["statusEquals": "Failed", "nameContains": "adhoc"]) == ["c"])
        // A member the conventions do not cover is the handler's to apply.
        #expect(try names(["agentId": "X"]) == ["b", "a", "c"])
        #expect(try names(["baseModel": "arn:model/x"], fields: ["baseModel": "modelArn"]) == ["c"])
    }

    @Test func pagesWithATokenOnlyItsOwnListAccepts() throws {
        let first = try ListQuery(["maxResults": 2], scope: "one", nameField: "jobName").page(jobs)
        #expect(first.items.map(\.id) == ["b", "a"])
        let token = try #require(first.nextToken)
        let second = try ListQuery(["maxResults": 2, "nextToken": .string(token)], scope: "one", nameField: "jobName").page(jobs)
        #expect(second.items.map(\.id) == ["c"] && second.nextToken == nil)
        #expect(throws: BedrockError.self) {
            try ListQuery(["nextToken": .string(token)], scope: "two", nameField: "jobName").page(jobs)
        }
    }

    @Test func entriesOfTheListsOwnArePagedOnceWithTheStoredOnes() throws {
        let query = ListQuery(["maxResults": 2], scope: "aliases", nameField: "jobName")
        let all = ["built-in"] + query.sorted(jobs).map(\.id)
        let first = try query.page(of: all)
        #expect(first.items == ["built-in", "b"])
        let next = ListQuery(["maxResults": 2, "nextToken": .string(try #require(first.nextToken))], scope: "aliases", nameField: "jobName")
        #expect(try next.page(of: ["built-in"] + next.sorted(jobs).map(\.id)).items == ["a", "c"])
    }

    @Test func theAnswerCarriesTheSummariesAndTheToken() throws {
        let page = try ListQuery(["maxResults": 1], scope: "test", nameField: "jobName").page(jobs)
        let output = OperationOutput.listing("jobSummaries", page) { ["jobName": $0.value["jobName"] ?? .null] }
        #expect(output.value["jobSummaries"] == [["jobName": "nightly-batch"]])
        #expect(output.value["nextToken"]?.stringValue == page.nextToken)
    }
}
