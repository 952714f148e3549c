import BedrockAPI
import Testing
@testable import FakeModels

@Suite struct AI21CodecTests {
    typealias M = CodecTestModels
    let jurassic = "ai21.j2-mid-v1"
    let jamba = "ai21.jamba-1-5-mini-v1:0"

    @Test func jurassicAnswersWithTokenisedCompletions() throws {
        let answer = try M.invoke(jurassic, ["prompt": "Explain how bees make honey", "maxTokens": 300, "countPenalty": ["scale": 0]])
        #expect(answer.body["id"]?.intValue != nil)
        #expect(answer.body["prompt"]?["text"] == "Explain how bees make honey")
        #expect(answer.body["prompt"]?["tokens"]?[0]?["generatedToken"]?["token"] == "Explain")
        #expect(answer.body["prompt"]?["tokens"]?[1]?["generatedToken"]?["token"] == "▁how")
        let completion = try #require(answer.body["completions"]?[0])
        #expect(completion["data"]?["text"]?.stringValue?.contains("bees") == true)
        #expect(completion["data"]?["tokens"]?.arrayValue?.isEmpty == false)
        #expect(completion["finishReason"] == ["reason": "endoftext"])
        let short = try M.invoke(jurassic, ["prompt": "Explain how bees make honey", "maxTokens": 4])
        #expect(short.body["completions"]?[0]?["finishReason"] == ["reason": "length", "length": 4])
    }

    @Test func jurassicRefusesStreamingAndBadBodies() throws {
        #expect(M.failure(jurassic, ["prompt": "hi"], streaming: true)?.contains("doesn't support streaming") == true)
        #expect(M.failure(jurassic, ["prompt": "hi", "presencePenalty": ["scale": 9]])
            == "Malformed input request: #/presencePenalty/scale: 9 is not less or equal to 5, please reformat your input and try again.")
        #expect(try M.isDeterministic(jurassic, ["prompt": "Explain how bees make honey"]))
    }

    @Test func jambaAnswersWithChoicesAndUsage() throws {
        let body: JSONValue = ["messages": [["role": "system", "content": "Be brief."], ["role": "user", "content": "How do rainbows form?"]], "max_tokens": 300]
        let answer = try M.invoke(jamba, body)
        let choice = try #require(answer.body["choices"]?[0])
        #expect(choice["index"] == 0 && choice["finish_reason"] == "stop")
        #expect(choice["message"]?["role"] == "assistant")
        #expect(choice["message"]?["content"]?.stringValue?.contains("rainbows") == true)
        #expect(answer.body["usage"]?["prompt_tokens"]?.intValue == answer.inputTokens)
        #expect(answer.body["usage"]?["total_tokens"]?.intValue == answer.inputTokens + answer.outputTokens)
        #expect(answer.body["id"]?.stringValue?.hasPrefix("chatcmpl-") == true)
        #expect(try M.invoke(jamba, ["messages": [["role": "user", "content": "How do rainbows form?"]], "max_tokens": 3]).body["choices"]?[0]?["finish_reason"] == "length")
        let two = try M.invoke(jamba, ["messages": [["role": "user", "content": "How do rainbows form?"]], "n": 2])
        #expect(two.body["choices"]?.arrayValue?.count == 2)
    }

    @Test func jambaStreamsDeltas() throws {
        let body: JSONValue = ["messages": [["role": "user", "content": "How do rainbows form?"]]]
        let answer = try M.invoke(jamba, body, streaming: true)
        let chunks = answer.chunks
        #expect(chunks.first?["choices"]?[0]?["delta"]?["role"] == "assistant")
        #expect(chunks.dropLast().allSatisfy { $0["choices"]?[0]?["finish_reason"] == .null })
        #expect(chunks.last?["choices"]?[0]?["finish_reason"] == "stop")
        #expect(chunks.last?["usage"]?["completion_tokens"]?.intValue == answer.outputTokens)
        let whole = try M.invoke(jamba, body).body["choices"]?[0]?["message"]?["content"]?.stringValue
        #expect(chunks.compactMap { $0["choices"]?[0]?["delta"]?["content"]?.stringValue }.joined() == whole)
        #expect(M.failure(jamba, ["messages": [["role": "user", "content": "hi"]], "n": 2], streaming: true)
            == "Malformed input request: #/n: must be 1 when streaming, please reformat your input and try again.")
        #expect(M.failure(jamba, ["messages": [["role": "robot", "content": "hi"]]])
            == "Malformed input request: #/messages/0/role: robot is not a valid enum value, please reformat your input and try again.")
        #expect(try M.isDeterministic(jamba, body))
        #expect(try M.isDeterministic(jamba, body, streaming: true))
    }
}
