import BedrockAPI
import Testing
@testable import FakeModels

@Suite struct MetaMistralCodecTests {
    typealias M = CodecTestModels
    let llama = "meta.llama3-8b-instruct-v1:0"
    let mistral = "mistral.mistral-7b-instruct-v0:2"
    let large = "mistral.mistral-large-2407-v1:0"
    let llamaPrompt = "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHow do volcanoes form?<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n"

    @Test func llamaAnswersAboutTheLastUserTurn() throws {
        let answer = try M.invoke(llama, ["prompt": .string(llamaPrompt), "max_gen_len": 512, "temperature": .double(0.5)])
        #expect(answer.body["generation"]?.stringValue?.contains("volcanoes") == true)
        #expect(answer.body["prompt_token_count"]?.intValue == answer.inputTokens)
        #expect(answer.body["generation_token_count"]?.intValue == answer.outputTokens)
        #expect(answer.body["stop_reason"] == "stop")
        #expect(try M.invoke(llama, ["prompt": .string(llamaPrompt), "max_gen_len": 5]).body["stop_reason"] == "length")
    }

    @Test func llamaStreamsRunningCounts() throws {
        let answer = try M.invoke(llama, ["prompt": .string(llamaPrompt)], streaming: true)
        let chunks = answer.chunks
        #expect(chunks.count > 2)
        #expect(chunks.first?["prompt_token_count"]?.intValue == answer.inputTokens)
        #expect(chunks.dropFirst().allSatisfy { $0["prompt_token_count"] == .null })
        #expect(chunks.dropLast().allSatisfy { $0["stop_reason"] == .null })
        #expect(chunks.last?["stop_reason"] == "stop")
        let counts = chunks.compactMap { $0["generation_token_count"]?.intValue }
        #expect(counts == counts.sorted() && counts.last == answer.outputTokens)
    }

    @Test func llamaRefusesMalformedBodiesAndIsDeterministic() throws {
        #expect(M.failure(llama, ["prompt": "hi", "max_tokens": 10])
            == "Malformed input request: #: extraneous key [max_tokens] is not permitted, please reformat your input and try again.")
        #expect(M.failure(llama, ["prompt": "hi", "max_gen_len": 4096])
            == "Malformed input request: #/max_gen_len: 4096 is not less or equal to 2048, please reformat your input and try again.")
        #expect(try M.isDeterministic(llama, ["prompt": .string(llamaPrompt)]))
        #expect(try M.isDeterministic(llama, ["prompt": .string(llamaPrompt)], streaming: true))
    }

    @Test func llamaVisionImagesCostInputTokens() throws {
        let plain = try M.invoke(llama, ["prompt": .string(llamaPrompt)])
        let withImage = try M.invoke(llama, ["prompt": .string(llamaPrompt), "images": [.string(M.smallPNG)]])
        #expect(withImage.inputTokens > plain.inputTokens)
    }

    @Test func mistralTextCompletion() throws {
        let body: JSONValue = ["prompt": "<s>[INST] Why is the sky blue? [/INST]", "max_tokens": 400, "top_k": 50]
        let answer = try M.invoke(mistral, body)
        let output = try #require(answer.body["outputs"]?[0])
        #expect(output["text"]?.stringValue?.contains("sky") == true)
        #expect(output["stop_reason"] == "stop")
        #expect(try M.invoke(mistral, ["prompt": "<s>[INST] Why is the sky blue? [/INST]", "max_tokens": 3]).body["outputs"]?[0]?["stop_reason"] == "length")
        let chunks = try M.invoke(mistral, body, streaming: true).chunks
        #expect(chunks.dropLast().allSatisfy { $0["outputs"]?[0]?["stop_reason"] == .null })
        #expect(chunks.last?["outputs"]?[0]?["stop_reason"] == "stop")
        #expect(chunks.compactMap { $0["outputs"]?[0]?["text"]?.stringValue }.joined() == output["text"]?.stringValue)
        #expect(M.failure(mistral, ["prompt": "hi", "top_k": 500])
            == "Malformed input request: #/top_k: 500 is not less or equal to 200, please reformat your input and try again.")
        #expect(try M.isDeterministic(mistral, body))
    }

    @Test func mistralChatCompletionWithTools() throws {
        let tools: JSONValue = [["type": "function", "function": ["name": "get_weather", "description": "Weather for a city",
                                                               "parameters": ["type": "object", "properties": ["city": ["type": "string"]]]]]]
        let body: JSONValue = ["messages": [["role": "user", "content": "What is the weather in Paris?"]], "tools": tools, "tool_choice": "auto"]
        let answer = try M.invoke(large, body)
        let choice = try #require(answer.body["choices"]?[0])
        #expect(choice["stop_reason"] == "tool_calls" && choice["index"] == 0)
        let call = try #require(choice["message"]?["tool_calls"]?[0])
        #expect(call["function"]?["name"] == "get_weather")
        #expect(call["function"]?["arguments"] == #"{"city":"Paris"}"#)
        #expect(call["id"]?.stringValue?.count == 9)

        let followUp: JSONValue = ["messages": [
            ["role": "user", "content": "What is the weather in Paris?"],
            ["role": "assistant", "content": "", "tool_calls": [call]],
            ["role": "tool", "tool_call_id": call["id"]!, "content": #"{"temp": 21}"#],
        ], "tools": tools]
        let reply = try M.invoke(large, followUp).body["choices"]?[0]
        #expect(reply?["stop_reason"] == "stop")
        #expect(reply?["message"]?["content"]?.stringValue?.contains("get_weather") == true)
        #expect(try M.invoke(large, ["messages": [["role": "user", "content": "Why is the sky blue?"]], "max_tokens": 3]).body["choices"]?[0]?["stop_reason"] == "length")
    }

    @Test func mistralChatStreamsMessagePieces() throws {
        let body: JSONValue = ["messages": [["role": "system", "content": "Be brief."], ["role": "user", "content": "Why is the sky blue?"]]]
        let chunks = try M.invoke(large, body, streaming: true).chunks
        #expect(chunks.count > 1)
        #expect(chunks.dropLast().allSatisfy { $0["choices"]?[0]?["stop_reason"] == .null })
        #expect(chunks.last?["choices"]?[0]?["stop_reason"] == "stop")
        let whole = try M.invoke(large, body).body["choices"]?[0]?["message"]?["content"]?.stringValue
        #expect(chunks.compactMap { $0["choices"]?[0]?["message"]?["content"]?.stringValue }.joined() == whole)
        #expect(M.failure(large, ["messages": [["content": "hi"]]])
            == "Malformed input request: #/messages/0: required key [role] not found, please reformat your input and try again.")
        #expect(try M.isDeterministic(large, body, streaming: true))
    }

    @Test func deepSeekReasonsInsideThinkTags() throws {
        let id = "deepseek.r1-v1:0"
        let prompt = "<｜begin▁of▁sentence｜><｜User｜>Why do leaves change colour in autumn?<｜Assistant｜><think>\n"
        let answer = try M.invoke(id, ["prompt": .string(prompt), "max_tokens": 2000])
        let choice = try #require(answer.body["choices"]?[0])
        let text = try #require(choice["text"]?.stringValue)
        let parts = text.components(separatedBy: "\n</think>\n\n")
        #expect(parts.count == 2)
        #expect(parts[0].contains("leaves") && parts[1].contains("leaves"))
        #expect(choice["stop_reason"] == "stop")
        #expect(try M.invoke(id, ["prompt": .string(prompt), "max_tokens": 5]).body["choices"]?[0]?["stop_reason"] == "length")

        let chunks = try M.invoke(id, ["prompt": .string(prompt), "max_tokens": 2000], streaming: true).chunks
        #expect(chunks.compactMap { $0["choices"]?[0]?["text"]?.stringValue }.joined() == text)
        #expect(chunks.last?["choices"]?[0]?["stop_reason"] == "stop")
        #expect(chunks.dropLast().allSatisfy { $0["choices"]?[0]?["stop_reason"] == .null })
        #expect(M.failure(id, ["prompt": "hi", "temperature": 3])
            == "Malformed input request: #/temperature: 3 is not less or equal to 1, please reformat your input and try again.")
        #expect(try M.isDeterministic(id, ["prompt": .string(prompt)]))
    }
}
