import BedrockAPI
import EmulatorCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import EmulatorServer

/// The whole request path in process: HTTP in, AWS-shaped answers out.
struct GatewayHTTPTests {
    static func server(registry: OperationRegistry = OperationRegistry()) throws -> EmulatorServer {
        var configuration = EmulatorConfiguration()
        configuration.port = 0
        configuration.logLevel = .critical
        return EmulatorServer(configuration: configuration, environment: try .inMemory(), registry: registry)
    }

    static func json(_ buffer: ByteBuffer) throws -> JSONValue {
        try JSONParser.parse(Array(buffer.readableBytesView))
    }

    @Test func healthCountsOperations() async throws {
        try await Self.server().application().test(.router) { client in
            try await client.execute(uri: "/_emulator/health", method: .get) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response.body)
                #expect(body["status"] == "ok")
                #expect(body["operations"]?["total"] == .integer(219))
            }
        }
    }

    @Test func unknownPathIsAJSONUnknownOperation() async throws {
        try await Self.server().application().test(.router) { client in
            try await client.execute(uri: "/no/such/path", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[HTTPField.Name("x-amzn-ErrorType")!] == "UnknownOperationException")
                #expect(response.headers[HTTPField.Name("x-amzn-RequestId")!] != nil)
                let message = try Self.json(response.body)["message"]
                #expect(message == "No Bedrock operation matches GET /no/such/path.")
            }
        }
    }

    @Test func operationWithoutBehaviourIsNotImplemented() async throws {
        try await Self.server().application().test(.router) { client in
            try await client.execute(uri: "/foundation-models", method: .get) { response in
                #expect(response.status.code == 501)
                #expect(response.headers[HTTPField.Name("x-amzn-ErrorType")!] == "NotImplemented")
                let message = try Self.json(response.body)["message"]
                #expect(message == "The emulator does not implement bedrock ListFoundationModels yet.")
            }
        }
    }

    @Test func invalidInputIsAValidationException() async throws {
        let body = #"{"messages":[{"role":"user","content":[{"text":"hi"}]}],"inferenceConfig":{"maxTokens":0}}"#
        try await Self.server().application().test(.router) { client in
            try await client.execute(
                uri: "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse", method: .post,
                headers: [.contentType: "application/json"], body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[HTTPField.Name("x-amzn-ErrorType")!] == "ValidationException")
                let message = try Self.json(response.body)["message"]
                #expect(message == "1 validation error detected: Value '0' at 'inferenceConfig.maxTokens' failed to satisfy constraint: Member must have value greater than or equal to 1")
            }
        }
    }

    @Test func oversizedBodyIsRefusedAndTheServerKeepsServing() async throws {
        let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: 25 * 1024 * 1024 + 1)
        try await Self.server().application().test(.router) { client in
            try await client.execute(uri: "/model/m/invoke", method: .post, body: big) { response in
                #expect(response.status == .badRequest)
                let message = try Self.json(response.body)["message"]
                #expect(message == "The request body is larger than the 25 MB limit Bedrock accepts.")
            }
            try await client.execute(uri: "/_emulator/health", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func handlerOutputIsEncodedPerTheOutputShape() async throws {
        var registry = OperationRegistry()
        registry.register("bedrock-runtime", "InvokeModel") { request in
            #expect(request.input["modelId"] == "m")
            return OperationOutput(["body": .blob(Data(#"{"ok":true}"#.utf8)), "contentType": "application/json"])
        }
        try await Self.server(registry: registry).application().test(.router) { client in
            try await client.execute(uri: "/model/m/invoke", method: .post, body: ByteBuffer(string: "{}")) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"ok":true}"#)
                #expect(response.headers[.contentType] == "application/json")
            }
        }
    }

    @Test func eventStreamFramesCarryEventsThenTheModeledException() async throws {
        var registry = OperationRegistry()
        registry.register("bedrock-runtime", "ConverseStream") { _ in
            let events = AsyncThrowingStream<OperationOutput.Event, any Error> { continuation in
                continuation.yield(.init("messageStart", ["role": "assistant"]))
                continuation.yield(.init("contentBlockDelta", ["contentBlockIndex": 0, "delta": ["text": "Hello"]]))
                continuation.finish(throwing: BedrockError(code: "ModelStreamErrorException", status: 424, message: "mid-stream failure"))
            }
            return OperationOutput(events: events)
        }
        let body = #"{"messages":[{"role":"user","content":[{"text":"hi"}]}]}"#
        try await Self.server(registry: registry).application().test(.router) { client in
            try await client.execute(uri: "/model/m/converse-stream", method: .post, body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/vnd.amazon.eventstream")
                var decoder = EventStreamDecoder()
                decoder.append(Array(response.body.readableBytesView))
                var messages: [EventStreamMessage] = []
                while let message = try decoder.next() { messages.append(message) }
                #expect(messages.map { $0.header(":event-type") ?? $0.header(":exception-type") } == [
                    .string("messageStart"), .string("contentBlockDelta"), .string("modelStreamErrorException"),
                ])
                #expect(try JSONParser.parse(messages[1].payload) == ["contentBlockIndex": 0, "delta": ["text": "Hello"]])
                #expect(try JSONParser.parse(messages[2].payload)["message"] == "mid-stream failure")
            }
        }
    }
}
