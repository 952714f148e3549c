import BedrockAPI
import EmulatorCore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import EmulatorServer

/// A stream whose events are all ready is written in few writes; a paced one keeps a write
/// per event. Either way the client reads the same frames.
struct StreamWritingTests {
    static let body = Data(#"{"messages":[{"role":"user","content":[{"text":"Tell me about Lisbon trams."}]}],"inferenceConfig":{"maxTokens":200}}"#.utf8)

    static func eventType(_ message: EventStreamMessage) -> String {
        if case .string(let type)? = message.header(":event-type") { return type }
        return "?"
    }

    static func gateway(scenario text: String?) throws -> Gateway {
        let environment = try EmulatorEnvironment.inMemory()
        let scenario = try text.map { ScenarioEngine(try Scenario.parse($0, source: "test.yaml", model: .bundled)) }
        return Gateway(model: environment.model, registry: EmulatorServer.registry(environment: environment), scenario: scenario)
    }

    static func frames(_ gateway: Gateway) async throws -> (knownUpFront: Bool, events: [String]) {
        let answer = await gateway.handle(HTTPRequestParts(
            method: "POST", rawPath: "/model/anthropic.claude-3-haiku-20240307-v1:0/converse-stream",
            headers: [("Content-Type", "application/json")], body: body))
        let frames = try #require(answer.frames)
        var decoder = EventStreamDecoder()
        for await frame in frames { decoder.append(frame) }
        var events: [String] = []
        while let message = try decoder.next() { events.append(Self.eventType(message)) }
        return (frames.knownUpFront, events)
    }

    @Test func readyStreamsAreMarkedAndPacedOnesAreNot() async throws {
        let ready = try await Self.frames(Self.gateway(scenario: nil))
        #expect(ready.knownUpFront)
        let paced = try await Self.frames(Self.gateway(scenario: """
            responses:
              - {latency: {first_token_ms: 1, tokens_per_second: 100000}}
            """))
        #expect(!paced.knownUpFront)
        // The same frames in the same order either way.
        #expect(ready.events == paced.events)
        #expect(ready.events.first == "messageStart" && ready.events.last == "metadata" && ready.events.count > 10)

        let broken = try await Self.frames(Self.gateway(scenario: """
            responses:
              - {error: {code: ModelStreamErrorException, mid_stream: true, after_events: 3}}
            """))
        #expect(!broken.knownUpFront)
    }

    @Test func readyFramesGoOutWhole() async throws {
        var configuration = EmulatorConfiguration()
        configuration.logLevel = .critical
        let environment = try EmulatorEnvironment.inMemory()
        let server = EmulatorServer(configuration: configuration, environment: environment, registry: EmulatorServer.registry(environment: environment))
        try await server.application().test(.router) { client in
            try await client.execute(
                uri: "/model/anthropic.claude-3-haiku-20240307-v1:0/converse-stream", method: .post,
                headers: [.contentType: "application/json"], body: ByteBuffer(data: Self.body)
            ) { response in
                #expect(response.status == .ok)
                var decoder = EventStreamDecoder()
                decoder.append(Array(response.body.readableBytesView))
                var events: [String] = []
                while let message = try decoder.next() { events.append(Self.eventType(message)) }
                #expect(events.first == "messageStart" && events.last == "metadata")
                #expect(events.filter { $0 == "contentBlockDelta" }.count > 5)
            }
        }
    }
}
