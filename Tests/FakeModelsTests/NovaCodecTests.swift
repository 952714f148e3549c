import BedrockAPI
import Testing
@testable import FakeModels

@Suite struct NovaCodecTests {
    typealias M = CodecTestModels
    let nova = "amazon.nova-lite-v1:0"

    func ask(_ text: String, config: JSONValue = ["max_new_tokens": 300]) -> JSONValue {
        ["schemaVersion": "messages-v1", "system": [["text": "Be brief."]],
         "messages": [["role": "user", "content": [["text": .string(text)]]]], "inferenceConfig": config]
    }

    @Test func answersInMessagesV1() throws {
        let answer = try M.invoke(nova, ask("How do tides work?"))
        #expect(answer.body["output"]?["message"]?["role"] == "assistant")
        #expect(answer.body["output"]?["message"]?["content"]?[0]?["text"]?.stringValue?.isEmpty == false)
        #expect(answer.body["stopReason"] == "end_turn")
        let usage = try #require(answer.body["usage"])
        #expect(usage["inputTokens"]?.intValue == answer.inputTokens)
        #expect(usage["outputTokens"]?.intValue == answer.outputTokens)
        #expect(usage["totalTokens"]?.intValue == answer.inputTokens + answer.outputTokens)
        #expect(usage["cacheReadInputTokenCount"] == 0 && usage["cacheWriteInputTokenCount"] == 0)
    }

    @Test func maxTokensInEitherSpelling() throws {
        #expect(try M.invoke(nova, ask("How do tides work?", config: ["max_new_tokens": 4])).body["stopReason"] == "max_tokens")
        #expect(try M.invoke(nova, ask("How do tides work?", config: ["maxTokens": 4, "topP": .double(0.9)])).body["stopReason"] == "max_tokens")
    }

    @Test func callsToolsAndReadsResults() throws {
        var body = ask("What is the weather in Paris?")
        let tools: JSONValue = ["tools": [["toolSpec": ["name": "get_weather", "description": "Weather for a city",
                                                         "inputSchema": ["json": ["type": "object", "properties": ["city": ["type": "string"]], "required": ["city"]]]]]]]
        if case .object(var object) = body { object["toolConfig"] = tools; body = .object(object) }
        let answer = try M.invoke(nova, body)
        #expect(answer.body["stopReason"] == "tool_use")
        let use = try #require(answer.body["output"]?["message"]?["content"]?[0]?["toolUse"])
        #expect(use["name"] == "get_weather" && use["input"] == ["city": "Paris"])
        #expect(use["toolUseId"]?.stringValue?.hasPrefix("tooluse_") == true)

        let followUp: JSONValue = ["messages": [
            ["role": "user", "content": [["text": "What is the weather in Paris?"]]],
            ["role": "assistant", "content": [["toolUse": use]]],
            ["role": "user", "content": [["toolResult": ["toolUseId": use["toolUseId"]!, "content": [["json": ["temp": 21]]]]]]],
        ], "toolConfig": tools]
        let reply = try M.invoke(nova, followUp)
        #expect(reply.body["stopReason"] == "end_turn")
        #expect(reply.body["output"]?["message"]?["content"]?[0]?["text"]?.stringValue?.contains("get_weather") == true)
    }

    @Test func streamsNovaEvents() throws {
        let answer = try M.invoke(nova, ask("How do tides work?"), streaming: true)
        let chunks = answer.chunks
        #expect(chunks.first == ["messageStart": ["role": "assistant"]])
        #expect(chunks.dropFirst().dropLast(3).allSatisfy { $0["contentBlockDelta"]?["contentBlockIndex"] == 0 })
        #expect(chunks[chunks.count - 3] == ["contentBlockStop": ["contentBlockIndex": 0]])
        #expect(chunks[chunks.count - 2] == ["messageStop": ["stopReason": "end_turn"]])
        #expect(chunks.last?["metadata"]?["usage"]?["outputTokens"]?.intValue == answer.outputTokens)
        let streamed = chunks.compactMap { $0["contentBlockDelta"]?["delta"]?["text"]?.stringValue }.joined()
        let whole = try M.invoke(nova, ask("How do tides work?")).body["output"]?["message"]?["content"]?[0]?["text"]?.stringValue
        #expect(streamed == whole)
    }

    @Test func refusesMalformedBodies() {
        #expect(M.failure(nova, ["messages": [["role": "user", "content": [["text": "hi"]]]], "max_tokens": 10])
            == "Malformed input request: #: extraneous key [max_tokens] is not permitted, please reformat your input and try again.")
        #expect(M.failure(nova, ask("hi", config: ["temperature": 2]))
            == "Malformed input request: #/inferenceConfig/temperature: 2 is not less or equal to 1, please reformat your input and try again.")
        #expect(M.failure(nova, ask("hi", config: ["max_new_tokens": 20000]))
            == "Malformed input request: #/inferenceConfig/max_new_tokens: 20000 is not less or equal to 10000, please reformat your input and try again.")
    }

    @Test func deterministic() throws {
        #expect(try M.isDeterministic(nova, ask("Tell me about owls")))
        #expect(try M.isDeterministic(nova, ask("Tell me about owls"), streaming: true))
    }
}
