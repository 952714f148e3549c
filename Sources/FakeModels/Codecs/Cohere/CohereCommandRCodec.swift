import BedrockAPI

/// Cohere Command R and R+: a `message` with `chat_history`, `preamble`, `documents`,
/// `tools` and `tool_results`, answered with the updated `chat_history`; streams Cohere's
/// `stream-start`, `text-generation`, `tool-calls-generation` and `stream-end` events.
struct CohereCommandRCodec: ModelCodec {
    /// The request, and what the answer echoes: the history it was given and the new message.
    struct Parsed {
        var request = ChatRequest()
        var history: [JSONValue] = []
        var message = ""
    }

    func invoke(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> NativeAnswer {
        let parsed = try read(body, invocation)
        try invocation.check(parsed.request)
        let result = try invocation.reply(parsed.request)
        let response = Self.response(result, parsed)
        guard invocation.streaming else { return NativeAnswer(body: response, inputTokens: result.inputTokens, outputTokens: result.outputTokens) }
        var chunks: [JSONValue] = [["is_finished": false, "event_type": "stream-start", "generation_id": response["generation_id"] ?? .null]]
        if result.toolUses.isEmpty {
            for piece in StreamPiece.pieces(of: result.text, totalTokens: result.outputTokens, tokensPerPiece: invocation.tokensPerChunk ?? 3) {
                chunks.append(["is_finished": false, "event_type": "text-generation", "text": .string(piece.text)])
            }
        } else {
            chunks.append(["is_finished": false, "event_type": "tool-calls-generation", "text": .string(result.text), "tool_calls": response["tool_calls"] ?? []])
        }
        chunks.append(["is_finished": true, "event_type": "stream-end", "finish_reason": response["finish_reason"] ?? .null, "response": response])
        return NativeAnswer(body: .null, chunks: chunks, inputTokens: result.inputTokens, outputTokens: result.outputTokens)
    }

    func inputTokens(_ body: JSONValue, _ invocation: Invocation) throws(BedrockError) -> Int {
        ChatGenerator.inputTokens(of: try read(body, invocation).request)
    }

    func read(_ json: JSONValue, _ invocation: Invocation) throws(BedrockError) -> Parsed {
        var body = try NativeBody(json)
        body.require("message")
        var parsed = Parsed()
        parsed.message = body.string("message") ?? ""
        parsed.history = body["chat_history"]?.arrayValue ?? []
        var request = ChatRequest(maxTokens: body.integer("max_tokens", min: 1, max: invocation.model.maxOutputTokens))
        request.system = body.string("preamble").map { [$0] } ?? []
        _ = body.objects("chat_history") { turn in
            turn.require("role")
            let role = turn.string("role", oneOf: ["USER", "CHATBOT", "SYSTEM", "TOOL"])
            let text = turn.string("message") ?? ""
            switch role {
            case "SYSTEM": request.system.append(text)
            case "CHATBOT": request.messages.append(ChatMessage(role: .assistant, content: [.text(text)]))
            default: request.messages.append(ChatMessage(role: .user, content: [.text(text)]))
            }
        }
        var question: [ChatContent] = parsed.message.isEmpty ? [] : [.text(parsed.message)]
        let documents = body.array("documents") ?? []
        for (index, document) in documents.enumerated() {
            question.append(.document(name: document["title"]?.stringValue ?? "doc_\(index)", text: CohereTools.documentText(document.objectValue ?? [:])))
        }
        if !question.isEmpty { request.messages.append(ChatMessage(role: .user, content: question)) }
        request.tools = body.objects("tools") { CohereTools.spec(&$0) } ?? []
        let results = body.objects("tool_results") { CohereTools.result(&$0) } ?? []
        if !results.isEmpty {
            // The calls the results answer: ids tie each result to its call, as the generator reads them.
            let ids = results.indices.map { "cohere_call_\($0)" }
            request.messages.append(ChatMessage(role: .assistant, content: zip(ids, results).map { .toolUse(id: $0, name: $1.name, input: $1.parameters) }))
            request.messages.append(ChatMessage(role: .user, content: zip(ids, results).map { .toolResult(id: $0, content: [.json($1.outputs)], isError: false) }))
        }
        request.temperature = body.number("temperature", min: 0, max: 1)
        request.topP = body.number("p", min: 0.01, max: 0.99)
        _ = body.integer("k", min: 0, max: 500)
        request.stopSequences = body.strings("stop_sequences", maxItems: 4) ?? []
        _ = body.string("prompt_truncation", oneOf: ["OFF", "AUTO_PRESERVE_ORDER"])
        try body.finish()
        if request.messages.isEmpty { throw NativeBody.malformed(["#/message: expected minLength: 1, actual: 0"]) }
        parsed.request = request
        return parsed
    }

    static func response(_ result: ChatResult, _ parsed: Parsed) -> JSONValue {
        var random = SeededRandom.forAnswer(parsed.request, salt: "cohere-chat")
        let calls: [JSONValue] = result.toolUses.map { ["name": .string($0.name), "parameters": $0.input] }
        var reply: [String: JSONValue] = ["role": "CHATBOT", "message": .string(result.text)]
        if !calls.isEmpty { reply["tool_calls"] = .array(calls) }
        var history = parsed.history
        if !parsed.message.isEmpty { history.append(["role": "USER", "message": .string(parsed.message)]) }
        history.append(.object(reply))
        var response: [String: JSONValue] = [
            "response_id": .string(random.uuid()),
            "generation_id": .string(random.uuid()),
            "text": .string(result.text),
            "chat_history": .array(history),
            "finish_reason": .string(result.stopReason.spelled(endTurn: "COMPLETE", maxTokens: "MAX_TOKENS")),
            "meta": ["api_version": ["version": "1"],
                     "billed_units": ["input_tokens": .integer(Int64(result.inputTokens)), "output_tokens": .integer(Int64(result.outputTokens))]],
        ]
        if !calls.isEmpty { response["tool_calls"] = .array(calls) }
        return .object(response)
    }
}
