import BedrockAPI

/// The deterministic fake language model: readable English built from the prompt's own
/// words, the same bytes for the same request, honouring max tokens, stop sequences and
/// tools.
public struct ChatGenerator: Sendable {
    /// Output length when the request sets no smaller limit: between these token counts.
    static let naturalLength = 40...90

    /// Mixed into every choice: a scenario's `seed` changes the wording, 0 keeps the default.
    public let seed: UInt64

    public init(seed: UInt64 = 0) {
        self.seed = seed
    }

    /// Answers `request` as `model` would.
    public func reply(to request: ChatRequest, model: FoundationModel) -> ChatResult {
        var random = SeededRandom(fingerprint: Self.fingerprint(request) ^ seed, salt: model.modelId)
        let inputTokens = Self.inputTokens(of: request)
        let limit = request.maxTokens ?? model.maxOutputTokens ?? 4096
        var content: [ChatContent] = []
        var used = 0

        if let budget = request.reasoningBudget, budget > 0 {
            let thought = Self.reasoning(for: request)
            let text = Tokenizer.prefix(of: thought, tokens: min(budget, limit))
            if !text.isEmpty {
                content.append(.reasoning(text: text, signature: nil))
                used += Tokenizer.count(text)
            }
        }

        if let tool = chosenTool(for: request) {
            let input = ToolInputMaker(prompt: Self.fillSource(of: request)).value(for: tool.inputSchema)
            let id = "tooluse_" + random.alphanumeric(22)
            content.append(.toolUse(id: id, name: tool.name, input: input))
            return ChatResult(content: content, stopReason: .toolUse, inputTokens: inputTokens, outputTokens: used + Tokenizer.count(tool.name) + Tokenizer.count(input.jsonText))
        }

        // Structured output: the answer is JSON that fits the schema.
        let natural = request.outputSchema.map { ToolInputMaker(prompt: Self.fillSource(of: request)).value(for: $0).jsonText }
            ?? Self.compose(for: request, random: &random)
        var text = natural
        var stop = StopReason.endTurn
        if let (cut, sequence) = Self.firstStop(in: text, sequences: request.stopSequences) {
            text = cut
            stop = .stopSequence(sequence)
        }
        var textTokens = Tokenizer.count(text)
        if used + textTokens > limit {
            text = Tokenizer.prefix(of: text, tokens: max(0, limit - used))
            textTokens = Tokenizer.count(text)
            stop = .maxTokens
        }
        content.append(.text(text))
        return ChatResult(content: content, stopReason: stop, inputTokens: inputTokens, outputTokens: used + textTokens)
    }

    /// The tool the reply calls, if any: the forced one, the best match when any tool is
    /// required, or one the last user message names, never right after a tool result.
    func chosenTool(for request: ChatRequest) -> ToolSpec? {
        guard !request.tools.isEmpty else { return nil }
        switch request.toolChoice {
        case .none:
            return nil
        case .tool(let name):
            return request.tools.first { $0.name == name }
        case .any:
            return bestMatch(request) ?? request.tools[0]
        case .auto:
            if Self.endsWithToolResult(request) { return nil }
            let words = PromptWords.lowercasedWords(Self.lastUserText(of: request))
            let said = Self.lastUserText(of: request).lowercased()
            return request.tools.first { tool in
                if said.contains(tool.name.lowercased()) { return true }
                let parts = Self.nameParts(tool.name).filter { !Self.genericVerbs.contains($0) }
                return !parts.isEmpty && parts.allSatisfy(words.contains)
            }
        }
    }

    static let genericVerbs: Set<String> = ["get", "set", "fetch", "find", "lookup", "look", "search", "call", "run", "do", "make", "tool", "list", "current", "the", "a", "an", "of", "for", "by", "to"]

    /// `get_current_weather`, `getWeather` and `get-weather` split into lowercased words.
    static func nameParts(_ name: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for character in name {
            if character == "_" || character == "-" || character == "." || character == " " {
                if !current.isEmpty { parts.append(current) }
                current = ""
            } else if character.isUppercase && !current.isEmpty && current.last?.isLowercase == true {
                parts.append(current)
                current = String(character).lowercased()
            } else {
                current += String(character).lowercased()
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    func bestMatch(_ request: ChatRequest) -> ToolSpec? {
        let words = PromptWords.lowercasedWords(Self.lastUserText(of: request))
        let scored = request.tools.map { tool in
            (tool, (Self.nameParts(tool.name) + PromptWords.lowercasedWords(tool.description)).filter { words.contains($0) && $0.count > 2 }.count)
        }
        guard let best = scored.max(by: { $0.1 < $1.1 }), best.1 > 0 else { return nil }
        return best.0
    }

    static func endsWithToolResult(_ request: ChatRequest) -> Bool {
        guard let last = request.messages.last, last.role == .user else { return false }
        return last.content.contains { if case .toolResult = $0 { true } else { false } }
    }

    /// The text tool inputs and structured answers are filled from: the last user message,
    /// or the whole conversation when that message has no names or numbers to offer (a
    /// "format the previous answer" follow-up).
    static func fillSource(of request: ChatRequest) -> String {
        let last = lastUserText(of: request)
        let words = PromptWords(last)
        if !words.properNouns.isEmpty || !words.numbers.isEmpty { return last }
        return request.messages.map(\.text).joined(separator: "\n")
    }

    /// The last user message that has text: what the user just said.
    public static func lastUserText(of request: ChatRequest) -> String {
        for message in request.messages.reversed() where message.role == .user {
            let text = message.text
            if !text.isEmpty { return text }
        }
        return ""
    }
}
