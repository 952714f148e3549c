import Foundation

/// A family's raw prompt template (Llama headers, `[INST]`, DeepSeek's markers, Titan's
/// `User:`/`Bot:`): reads a prompt back into turns so the reply is about the last user turn
/// and every earlier turn still costs input tokens.
struct PromptTemplate: Sendable {
    /// Markers that open a turn, with the role of the text that follows.
    let markers: [(String, Role)]
    /// Special tokens that carry no text (`<s>`, `<|eot_id|>`) and are dropped.
    let noise: [String]

    enum Role: Sendable { case system, user, assistant }

    /// Llama 3 and 4 headers, and Llama 2's `[INST]` with `<<SYS>>`.
    static let llama = PromptTemplate(markers: [
        ("<|start_header_id|>system<|end_header_id|>", .system), ("<|start_header_id|>user<|end_header_id|>", .user),
        ("<|start_header_id|>ipython<|end_header_id|>", .user), ("<|start_header_id|>assistant<|end_header_id|>", .assistant),
        ("<|header_start|>system<|header_end|>", .system), ("<|header_start|>user<|header_end|>", .user),
        ("<|header_start|>assistant<|header_end|>", .assistant),
        ("<<SYS>>", .system), ("<</SYS>>", .user), ("[INST]", .user), ("[/INST]", .assistant),
    ], noise: ["<|begin_of_text|>", "<|eot_id|>", "<|eom_id|>", "<|eot|>", "<s>", "</s>"])

    /// Mistral's `<s>[INST] ... [/INST]`.
    static let mistral = PromptTemplate(markers: [("[INST]", .user), ("[/INST]", .assistant)], noise: ["<s>", "</s>"])

    /// DeepSeek R1: `<｜User｜>` and `<｜Assistant｜>`, text before the first turn is the system prompt.
    static let deepSeek = PromptTemplate(markers: [("<｜User｜>", .user), ("<｜Assistant｜>", .assistant)],
                                         noise: ["<｜begin▁of▁sentence｜>", "<｜end▁of▁sentence｜>", "<think>", "</think>"])

    /// Titan's chat style, `User: ...\nBot:`.
    static let titan = PromptTemplate(markers: [("User:", .user), ("Bot:", .assistant)], noise: [])

    /// A prompt with no template: the whole text is the user turn.
    static let plain = PromptTemplate(markers: [], noise: [])

    /// A single-turn-or-more request from `prompt`.
    func request(prompt: String, maxTokens: Int?) -> ChatRequest {
        var request = ChatRequest(maxTokens: maxTokens)
        let turns = turns(of: prompt)
        // Without a user turn the template was not used: the whole prompt is the question.
        guard turns.contains(where: { $0.0 == .user }) else {
            let text = turns.isEmpty ? clean(prompt) : turns.map(\.1).joined(separator: "\n")
            request.messages = [ChatMessage(role: .user, content: [.text(text)])]
            return request
        }
        for (role, text) in turns {
            switch role {
            case .system: request.system.append(text)
            case .user: request.messages.append(ChatMessage(role: .user, content: [.text(text)]))
            case .assistant: request.messages.append(ChatMessage(role: .assistant, content: [.text(text)]))
            }
        }
        return request
    }

    /// The prompt's turns in order; empty turns (the open assistant turn at the end) are dropped.
    func turns(of prompt: String) -> [(Role, String)] {
        var found: [(range: Range<String.Index>, role: Role)] = []
        for (marker, role) in markers {
            var from = prompt.startIndex
            while let range = prompt.range(of: marker, range: from..<prompt.endIndex) {
                found.append((range, role))
                from = range.upperBound
            }
        }
        found.sort { $0.range.lowerBound < $1.range.lowerBound }
        var turns: [(Role, String)] = []
        // Text before the first marker is an instruction preamble.
        if let first = found.first {
            let preamble = clean(String(prompt[..<first.range.lowerBound]))
            if !preamble.isEmpty { turns.append((.system, preamble)) }
        }
        for (index, turn) in found.enumerated() {
            let end = index + 1 < found.count ? found[index + 1].range.lowerBound : prompt.endIndex
            guard turn.range.upperBound <= end else { continue }
            let text = clean(String(prompt[turn.range.upperBound..<end]))
            if !text.isEmpty { turns.append((turn.role, text)) }
        }
        return turns
    }

    func clean(_ text: String) -> String {
        var text = text
        for token in noise where text.contains(token) { text = text.replacingOccurrences(of: token, with: "") }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
