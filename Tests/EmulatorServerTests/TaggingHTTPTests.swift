import BedrockAPI
import EmulatorCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import EmulatorServer

/// The one tag store behind every service's tagging operations, through HTTP.
struct TaggingHTTPTests {
    static let guardrailArn = "arn:aws:bedrock:us-east-1:123456789012:guardrail/abc123def456"

    /// A server whose store already holds a guardrail, as the control plane will create them.
    static func serverWithGuardrail() async throws -> EmulatorServer {
        let environment = try EmulatorEnvironment.inMemory()
        let now = Date()
        try await environment.store.insertResource(ResourceRecord(
            arn: guardrailArn, service: "bedrock", type: "guardrail", id: "abc123def456", name: "g",
            account: "123456789012", region: "us-east-1", createdAt: now, updatedAt: now, body: Data("{}".utf8)))
        var configuration = EmulatorConfiguration()
        configuration.logLevel = .critical
        return EmulatorServer(configuration: configuration, environment: environment, registry: EmulatorServer.registry(environment: environment))
    }

    static func post(_ client: some TestClientProtocol, _ path: String, _ body: JSONValue) async throws -> TestResponse {
        try await client.execute(uri: path, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(bytes: JSONWriter.write(body)))
    }

    @Test func bedrockTagsAreAListOfKeyValuePairs() async throws {
        try await Self.serverWithGuardrail().application().test(.router) { client in
            let tagged = try await Self.post(client, "/tagResource", ["resourceARN": .string(Self.guardrailArn), "tags": [["key": "team", "value": "a"], ["key": "env", "value": "dev"]]])
            #expect(tagged.status == .ok)
            _ = try await Self.post(client, "/untagResource", ["resourceARN": .string(Self.guardrailArn), "tagKeys": ["env"]])
            let listed = try await Self.post(client, "/listTagsForResource", ["resourceARN": .string(Self.guardrailArn)])
            #expect(try JSONParser.parse(Array(listed.body.readableBytesView)) == ["tags": [["key": "team", "value": "a"]]])
        }
    }

    @Test func fiftyOneTagsAreTooManyInBedrock() async throws {
        let tags = JSONValue.array((0...50).map { ["key": .string("k\($0)"), "value": "v"] })
        try await Self.serverWithGuardrail().application().test(.router) { client in
            let response = try await Self.post(client, "/tagResource", ["resourceARN": .string(Self.guardrailArn), "tags": tags])
            #expect(response.status == .badRequest)
            #expect(response.headers[HTTPField.Name("x-amzn-ErrorType")!] == "TooManyTagsException")
            let body = try JSONParser.parse(Array(response.body.readableBytesView))
            #expect(body["resourceName"] == .string(Self.guardrailArn))
        }
    }

    @Test func tagsOfAnUnknownResourceAreNotFound() async throws {
        try await Self.serverWithGuardrail().application().test(.router) { client in
            let response = try await Self.post(client, "/listTagsForResource", ["resourceARN": "arn:aws:bedrock:us-east-1:123456789012:guardrail/zzzzzzzzzzzz"])
            #expect(response.status == .notFound)
            #expect(response.headers[HTTPField.Name("x-amzn-ErrorType")!] == "ResourceNotFoundException")
        }
    }

    @Test func agentServicesReportTheTagLimitAsAQuota() async throws {
        try await Self.serverWithGuardrail().application().test(.router) { client in
            let created = try await client.execute(uri: "/sessions/", method: .put, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{}"))
            #expect(created.status == .created)
            let arn = try #require(try JSONParser.parse(Array(created.body.readableBytesView))["sessionArn"].flatMap { if case .string(let s) = $0 { s } else { nil } })
            let encoded = arn.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let tags = JSONValue.object(Dictionary(uniqueKeysWithValues: (0...50).map { ("k\($0)", JSONValue.string("v")) }))
            let response = try await Self.post(client, "/tags/\(encoded)", ["tags": tags])
            #expect(response.status == .badRequest)
            #expect(response.headers[HTTPField.Name("x-amzn-ErrorType")!] == "ServiceQuotaExceededException")
        }
    }
}
