import BedrockAPI
import EmulatorCore
import FakeModels

extension RuleDecision {
    /// The answer this rule gives `request`: its reply or tool call in place of the fake
    /// model's (cut at the request's max tokens, as a model's would be), then its stop
    /// reason and token counts over whichever answered.
    func result(for request: ChatRequest, model: FoundationModel, generated: () -> ChatResult) -> ChatResult {
        var result: ChatResult
        if replyText != nil || action.toolCall != nil {
            var content: [ChatContent] = []
            var output = 0
            var stop = StopReason.endTurn
            if var text = replyText {
                let limit = request.maxTokens ?? model.maxOutputTokens ?? Int.max
                if Tokenizer.count(text) > limit {
                    text = Tokenizer.prefix(of: text, tokens: limit)
                    stop = .maxTokens
                }
                content.append(.text(text))
                output += Tokenizer.count(text)
            }
            if let call = action.toolCall, stop != .maxTokens {
                var random = SeededRandom(text: "\(rule)\u{0}\(call)\u{0}\(self.call)\u{0}\(call.name)")
                content.append(.toolUse(id: "tooluse_" + random.alphanumeric(22), name: call.name, input: call.input))
                output += Tokenizer.count(call.name) + Tokenizer.count(call.input.jsonText)
                stop = .toolUse
            }
            result = ChatResult(content: content, stopReason: stop, inputTokens: ChatGenerator.inputTokens(of: request), outputTokens: output)
        } else {
            result = generated()
        }
        if let stop = action.stopReason { result.stopReason = Self.stopReason(stop, request: request) }
        if let input = action.usage?.inputTokens { result.inputTokens = input }
        if let output = action.usage?.outputTokens { result.outputTokens = output }
        return result
    }

    static func stopReason(_ spelled: String, request: ChatRequest) -> StopReason {
        switch spelled {
        case "tool_use": .toolUse
        case "max_tokens": .maxTokens
        case "stop_sequence": .stopSequence(request.stopSequences.first ?? "")
        default: .endTurn
        }
    }

    /// How long a whole (unstreamed) answer of `outputTokens` takes under the rule's latency.
    public func answerMs(outputTokens: Int) -> Int {
        guard let latency = action.latency else { return 0 }
        return latency.firstTokenMs + latency.generationMs(tokens: outputTokens)
    }
}

extension ChatSubject {
    /// What rules see of `request`: the last user text, the tools offered, the turn.
    init(_ request: ChatRequest) {
        let turn = request.messages.filter { $0.role == .user && !$0.text.isEmpty }.count
        let last = request.messages.last
        let afterToolResult = last?.role == .user && last?.content.contains { if case .toolResult = $0 { true } else { false } } == true
        self.init(
            prompt: ChatGenerator.lastUserText(of: request), tools: request.tools.map(\.name), turn: max(turn, 1),
            afterToolResult: afterToolResult)
    }
}
