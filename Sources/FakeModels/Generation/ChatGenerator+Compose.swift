import BedrockAPI
import Foundation

extension ChatGenerator {
    /// Sentence patterns: text, first topic, text, second topic, text.
    static let sentences: [(String, String, String)] = [
        ("The question centres on ", ", which ties closely to ", "."),
        ("The key idea is how ", " relates to ", "."),
        ("In practice, it pays to look at ", " early, together with ", "."),
        ("A simple way to think about ", " is to compare it with ", "."),
        ("Most people start with ", " and then look at ", "."),
        ("It helps to keep ", " and ", " separate at first."),
        ("Looking at ", " step by step makes ", " easier to follow."),
        ("A good next step is to check how ", " affects ", "."),
    ]

    /// The reply text before any limit applies.
    static func compose(for request: ChatRequest, random: inout SeededRandom) -> String {
        var topics = PromptWords(lastUserText(of: request)).topics
        if topics.isEmpty { topics = PromptWords(request.system.joined(separator: " ")).topics }
        if topics.isEmpty { topics = ["your request", "the details"] }
        if topics.count == 1 { topics.append("the details around it") }

        var parts: [String] = []
        if endsWithToolResult(request), let summary = toolResultSummary(request) {
            parts.append("The \(summary.name) tool returned: \(summary.text).")
            parts.append("Based on that result, here is the answer about \(topics[0]).")
        } else {
            parts.append("Here is a short answer about \(topics[0]).")
        }
        let target = requestedLength(in: lastUserText(of: request)) ?? naturalLength.lowerBound + random.below(naturalLength.count)
        var index = random.below(topics.count)
        var order = Array(sentences.indices)
        order.shuffle(using: &random)
        var next = 0
        // A sentence joined with a space costs its own tokens: the leading space rides along.
        var tokens = parts.reduce(0) { $0 + Tokenizer.count($1) }
        while tokens < target - 12 {
            let a = topics[index % topics.count]
            let b = topics[(index + 1) % topics.count]
            index += 1
            let sentence = fill(sentences[order[next % order.count]], a: a, b: b)
            parts.append(sentence)
            tokens += Tokenizer.count(sentence)
            next += 1
        }
        parts.append("To sum up, \(topics[0]) and \(topics[1]) together give a clear picture.")
        return parts.joined(separator: " ")
    }

    /// A length the prompt asks for ("in 200 words", "about 150 tokens"), in tokens.
    static func requestedLength(in text: String) -> Int? {
        // A hand scan, not a regular expression: this runs on every request.
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] >= 0x30 && bytes[i] <= 0x39, i == 0 || !(bytes[i - 1] >= 0x30 && bytes[i - 1] <= 0x39) else {
                i += 1
                continue
            }
            var number = 0
            var j = i
            while j < bytes.count, bytes[j] >= 0x30 && bytes[j] <= 0x39, j - i < 5 {
                number = number * 10 + Int(bytes[j] - 0x30)
                j += 1
            }
            for (unit, scale) in [(" words", 13), (" tokens", 10)] {
                let u = Array(unit.utf8)
                if j + u.count <= bytes.count, bytes[j..<(j + u.count)].map({ $0 | 0x20 }) == u.map({ $0 | 0x20 }), number > 0 {
                    return min(4000, max(12, number * scale / 10))
                }
            }
            i = j
        }
        return nil
    }

    static func fill(_ pattern: (String, String, String), a: String, b: String) -> String {
        pattern.0 + a + pattern.1 + b + pattern.2
    }

    /// Visible reasoning before the answer.
    static func reasoning(for request: ChatRequest) -> String {
        let topics = PromptWords(lastUserText(of: request)).topics
        let a = topics.first ?? "the request"
        let b = topics.dropFirst().first ?? "what matters most"
        return "The user is asking about \(a). I should explain how \(a) relates to \(b), then give a short, clear answer."
    }

    /// The most recent tool result: the tool's name (from its call) and its content, shortened.
    static func toolResultSummary(_ request: ChatRequest) -> (name: String, text: String)? {
        guard let last = request.messages.last else { return nil }
        for block in last.content {
            guard case .toolResult(let id, let content, _) = block else { continue }
            var name = "requested"
            for message in request.messages {
                for case .toolUse(let useId, let useName, _) in message.content where useId == id { name = useName }
            }
            let text = content.map { block -> String in
                switch block {
                case .text(let t): t
                case .json(let j): j.jsonText
                default: ""
                }
            }.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
            let short = Tokenizer.prefix(of: text, tokens: 40)
            return (name, short.isEmpty ? "an empty result" : short + (short.count < text.count ? " ..." : ""))
        }
        return nil
    }

    /// The text before the earliest stop sequence found, and that sequence.
    static func firstStop(in text: String, sequences: [String]) -> (String, String)? {
        var best: (String.Index, String)?
        for sequence in sequences where !sequence.isEmpty {
            if let range = text.range(of: sequence), best == nil || range.lowerBound < best!.0 {
                best = (range.lowerBound, sequence)
            }
        }
        return best.map { (String(text[..<$0.0]), $0.1) }
    }

    /// Tokens the request costs: every text, tool definition and image it carries.
    public static func inputTokens(of request: ChatRequest) -> Int {
        var total = request.system.reduce(0) { $0 + Tokenizer.count($1) }
        for message in request.messages {
            total += 3 + message.content.reduce(0) { $0 + tokens(of: $1) }
        }
        for tool in request.tools {
            total += Tokenizer.count(tool.name) + Tokenizer.count(tool.description) + Tokenizer.count(tool.inputSchema.jsonText)
        }
        return max(1, total)
    }

    /// A bound no token count of the request exceeds: its bytes, plus the per-message and
    /// per-image allowances `inputTokens` adds.
    static func upperBoundOfInputTokens(_ request: ChatRequest) -> Int {
        var bytes = request.system.reduce(0) { $0 + $1.utf8.count }
        for message in request.messages {
            bytes += 3 + message.content.reduce(0) { total, block in
                switch block {
                case .text(let t): total + t.utf8.count
                case .image: total + 1600
                default: total + tokens(of: block)
                }
            }
        }
        for tool in request.tools { bytes += tool.name.utf8.count + tool.description.utf8.count + tool.inputSchema.jsonText.utf8.count }
        return bytes + 1
    }

    static func tokens(of block: ChatContent) -> Int {
        switch block {
        case .text(let t): Tokenizer.count(t)
        // Images cost by size, between Anthropic's floor and ceiling for one image.
        case .image(_, let bytes): min(1600, max(85, bytes / 750))
        case .document(let name, let text): Tokenizer.count(name) + Tokenizer.count(text)
        case .toolUse(_, let name, let input): Tokenizer.count(name) + Tokenizer.count(input.jsonText)
        case .toolResult(_, let content, _): content.reduce(0) { $0 + tokens(of: $1) }
        case .reasoning(let text, _): Tokenizer.count(text)
        case .json(let value): Tokenizer.count(value.jsonText)
        }
    }

    /// What the answer depends on, as text. Limits (max tokens, stop sequences) are left out
    /// on purpose: a limited answer is a prefix of the unlimited one, as with a real model.
    static func fingerprint(_ request: ChatRequest) -> UInt64 {
        // Hashed as it is walked: building one long string first cost more than the hash.
        var hash = FNV1a()
        for text in request.system { hash.add(text) }
        for message in request.messages {
            hash.add(message.role.rawValue)
            for block in message.content {
                // Text, the common block, is hashed in place: its description would copy it.
                if case .text(let text) = block { hash.add(prefix: "t:", text) } else { hash.add(describe(block)) }
            }
        }
        hash.add("t=\(request.temperature ?? -1) p=\(request.topP ?? -1)")
        if request.sampleIndex > 0 { hash.add("n=\(request.sampleIndex)") }
        for tool in request.tools { hash.add(tool.name + tool.inputSchema.jsonText) }
        switch request.toolChoice {
        case .auto: hash.add("auto")
        case .any: hash.add("any")
        case .none: hash.add("none")
        case .tool(let name): hash.add("tool:" + name)
        }
        return hash.value
    }

    static func describe(_ block: ChatContent) -> String {
        switch block {
        case .text(let t): "t:" + t
        case .image(let f, let n): "i:\(f):\(n)"
        case .document(let name, let text): "d:\(name):\(text)"
        case .toolUse(let id, let name, let input): "u:\(id):\(name):\(input.jsonText)"
        case .toolResult(let id, let content, let error): "r:\(id):\(error):" + content.map(describe).joined()
        case .reasoning(let text, _): "z:" + text
        case .json(let value): "j:" + value.jsonText
        }
    }
}
