import BedrockAPI
import Testing
@testable import FakeModels

@Suite struct CohereCodecTests {
    typealias M = CodecTestModels
    let command = "cohere.command-text-v14"
    let commandR = "cohere.command-r-v1:0"
    let embed = "cohere.embed-english-v3"
    let rerank = "cohere.rerank-v3-5:0"

    @Test func commandAnswersWithGenerations() throws {
        let answer = try M.invoke(command, ["prompt": "Describe the water cycle", "max_tokens": 200])
        let generation = try #require(answer.body["generations"]?[0])
        #expect(generation["text"]?.stringValue?.contains("water") == true)
        #expect(generation["finish_reason"] == "COMPLETE")
        #expect(generation["id"]?.stringValue?.count == 36)
        #expect(answer.body["prompt"] == "Describe the water cycle")
        #expect(try M.invoke(command, ["prompt": "Describe the water cycle"]).body["generations"]?[0]?["finish_reason"] == "MAX_TOKENS")
    }

    @Test func commandGivesSeveralDistinctGenerationsWithLikelihoods() throws {
        let answer = try M.invoke(command, ["prompt": "Describe the water cycle", "max_tokens": 200, "num_generations": 2, "return_likelihoods": "GENERATION"])
        let generations = try #require(answer.body["generations"]?.arrayValue)
        #expect(generations.count == 2)
        #expect(generations[0]["text"] != generations[1]["text"])
        #expect(generations[1]["index"] == 1)
        #expect(generations[0]["token_likelihoods"]?.arrayValue?.isEmpty == false)
        #expect(answer.outputTokens == generations.reduce(0) { $0 + Tokenizer.count($1["text"]?.stringValue ?? "") })
    }

    @Test func commandStreamsTextThenFinalResponse() throws {
        let body: JSONValue = ["prompt": "Describe the water cycle", "max_tokens": 200, "stream": true]
        let chunks = try M.invoke(command, body, streaming: true).chunks
        #expect(chunks.dropLast().allSatisfy { $0["is_finished"] == false && $0["text"] != nil })
        let last = try #require(chunks.last)
        #expect(last["is_finished"] == true && last["finish_reason"] == "COMPLETE")
        #expect(last["response"]?["generations"]?[0]?["text"]?.stringValue == chunks.dropLast().compactMap { $0["text"]?.stringValue }.joined())
        #expect(M.failure(command, ["prompt": "hi", "num_generations": 9])
            == "Malformed input request: #/num_generations: 9 is not less or equal to 5, please reformat your input and try again.")
        #expect(try M.isDeterministic(command, body))
        #expect(try M.isDeterministic(command, body, streaming: true))
    }

    @Test func commandRChatsWithHistory() throws {
        let body: JSONValue = ["message": "And how do tides work?", "preamble": "You are a teacher.",
                               "chat_history": [["role": "USER", "message": "Hello"], ["role": "CHATBOT", "message": "Hi there"]], "max_tokens": 300]
        let answer = try M.invoke(commandR, body)
        #expect(answer.body["text"]?.stringValue?.contains("tides") == true)
        #expect(answer.body["finish_reason"] == "COMPLETE")
        #expect(answer.body["response_id"]?.stringValue?.count == 36 && answer.body["generation_id"]?.stringValue?.count == 36)
        let history = try #require(answer.body["chat_history"]?.arrayValue)
        #expect(history.count == 4)
        #expect(history[2] == ["role": "USER", "message": "And how do tides work?"])
        #expect(history[3]["role"] == "CHATBOT" && history[3]["message"] == answer.body["text"])
        #expect(try M.invoke(commandR, ["message": "How do tides work?", "max_tokens": 3]).body["finish_reason"] == "MAX_TOKENS")
    }

    @Test func commandRCallsToolsFromParameterDefinitions() throws {
        let tools: JSONValue = [["name": "get_weather", "description": "Weather for a city",
                                 "parameter_definitions": ["city": ["description": "The city", "type": "str", "required": true]]]]
        let answer = try M.invoke(commandR, ["message": "What is the weather in Paris?", "tools": tools])
        #expect(answer.body["tool_calls"] == [["name": "get_weather", "parameters": ["city": "Paris"]]])
        let results: JSONValue = [["call": ["name": "get_weather", "parameters": ["city": "Paris"]], "outputs": [["temp": 21]]]]
        let reply = try M.invoke(commandR, ["message": "", "tools": tools, "tool_results": results])
        #expect(reply.body["tool_calls"] == nil)
        #expect(reply.body["text"]?.stringValue?.contains("get_weather") == true)
        let chunks = try M.invoke(commandR, ["message": "What is the weather in Paris?", "tools": tools], streaming: true).chunks
        #expect(chunks.map { $0["event_type"] } == ["stream-start", "tool-calls-generation", "stream-end"])
    }

    @Test func commandRStreamsEvents() throws {
        let body: JSONValue = ["message": "How do tides work?"]
        let chunks = try M.invoke(commandR, body, streaming: true).chunks
        #expect(chunks.first?["event_type"] == "stream-start")
        #expect(chunks.dropFirst().dropLast().allSatisfy { $0["event_type"] == "text-generation" && $0["is_finished"] == false })
        let end = try #require(chunks.last)
        #expect(end["event_type"] == "stream-end" && end["is_finished"] == true && end["finish_reason"] == "COMPLETE")
        #expect(end["response"]?["text"]?.stringValue == chunks.compactMap { $0["event_type"] == "text-generation" ? $0["text"]?.stringValue : nil }.joined())
        #expect(chunks.first?["generation_id"] == end["response"]?["generation_id"])
        #expect(M.failure(commandR, ["chat_history": []]) == "Malformed input request: #: required key [message] not found, please reformat your input and try again.")
        #expect(try M.isDeterministic(commandR, body, streaming: true))
    }

    @Test func embedReturnsFloatsOrEmbeddingsByType() throws {
        let floats = try M.invoke(embed, ["texts": ["first text", "second text"], "input_type": "search_document"])
        #expect(floats.body["response_type"] == "embeddings_floats")
        #expect(floats.body["embeddings"]?.arrayValue?.count == 2)
        #expect(floats.body["embeddings"]?[0]?.arrayValue?.count == 1024)
        #expect(floats.body["texts"] == ["first text", "second text"])
        let typed = try M.invoke(embed, ["texts": ["first text"], "input_type": "search_query", "embedding_types": ["float", "int8", "ubinary"]])
        #expect(typed.body["response_type"] == "embeddings_by_type")
        #expect(typed.body["embeddings"]?["int8"]?[0]?.arrayValue?.allSatisfy { (-128...127).contains($0.intValue ?? 999) } == true)
        #expect(typed.body["embeddings"]?["ubinary"]?[0]?.arrayValue?.count == 128)
        #expect(typed.inputTokens == Tokenizer.count("first text"))
    }

    @Test func embedRefusesBadBodiesAndStreaming() throws {
        #expect(M.failure(embed, ["texts": ["a"], "input_type": "query"])
            == "Malformed input request: #/input_type: query is not a valid enum value, please reformat your input and try again.")
        let many = JSONValue.array((0..<97).map { .string("text \($0)") })
        #expect(M.failure(embed, ["texts": many, "input_type": "clustering"])
            == "Malformed input request: #/texts: expected maximum item count: 96, found: 97, please reformat your input and try again.")
        #expect(M.failure(embed, ["texts": ["a"], "input_type": "clustering"], streaming: true)?.contains("doesn't support streaming") == true)
        #expect(try M.isDeterministic(embed, ["texts": ["a", "b"], "input_type": "clustering"]))
    }

    @Test func rerankSortsByRelevance() throws {
        let body: JSONValue = ["query": "How do I reset my password?", "api_version": 2, "top_n": 2,
                               "documents": ["Penguins live in the southern hemisphere.", "To reset your password, open settings and choose reset password.",
                                             ["title": "Billing", "text": "Invoices are sent monthly."]]]
        let answer = try M.invoke(rerank, body)
        let results = try #require(answer.body["results"]?.arrayValue)
        #expect(results.count == 2)
        #expect(results[0]["index"] == 1)
        let scores = results.compactMap { $0["relevance_score"]?.doubleValue }
        #expect(scores == scores.sorted(by: >) && scores.allSatisfy { (0...1).contains($0) })
        #expect(answer.body["id"]?.stringValue?.count == 36)
        #expect(M.failure(rerank, ["query": "q", "documents": ["a"]])
            == "Malformed input request: #: required key [api_version] not found, please reformat your input and try again.")
        #expect(try M.isDeterministic(rerank, body))
    }
}
