import BedrockAPI

/// Denied topics and contextual grounding: how close two texts are, by the embedder's
/// cosine and by the share of content words they have in common.
extension GuardrailEvaluator {
    /// A topic is detected when the text scores at least this against its definition or one
    /// of its examples (score = 0.6 x word overlap + 0.4 x cosine).
    public static let topicThreshold = 0.5
    static let dimensions = 256

    /// The denied topics' findings; nil when the guardrail has no topic policy.
    func topicAssessment(_ text: String, source: GuardrailSource, fullScope: Bool) -> (entries: [ShapeValue], blocked: Bool)? {
        guard let topics = guardrail["topicPolicy"]?["topics"]?.listValue, !topics.isEmpty else { return nil }
        var entries: [ShapeValue] = []
        var blocked = false
        for topic in topics {
            let setting = GuardrailPolicySetting(topic, source: source)
            guard setting.enabled, let name = topic["name"]?.stringValue else { continue }
            let samples = [topic["definition"]?.stringValue ?? ""] + (topic["examples"]?.listValue?.compactMap(\.stringValue) ?? [])
            let detected = samples.contains { Self.topicScore(text, sample: $0) >= Self.topicThreshold }
            let action = setting.outcome(detected: detected)
            blocked = blocked || action == "BLOCKED"
            guard detected || fullScope else { continue }
            entries.append(["name": .string(name), "type": "DENY", "action": .string(action), "detected": .bool(detected)])
        }
        return (entries, blocked)
    }

    /// How much `text` is about `sample`: the share of the sample's content words the text
    /// uses, blended with the cosine of their embeddings.
    public static func topicScore(_ text: String, sample: String) -> Double {
        let wanted = contentWords(sample)
        guard !wanted.isEmpty else { return 0 }
        let overlap = Double(wanted.intersection(contentWords(text)).count) / Double(wanted.count)
        return 0.6 * overlap + 0.4 * max(0, cosine(text, sample))
    }

    /// The contextual grounding filters' scores; nil without that policy or on input.
    func groundingAssessment(_ answer: String, references: [GuardrailText]) -> (entries: [ShapeValue], blocked: Bool)? {
        guard let filters = guardrail["contextualGroundingPolicy"]?["filters"]?.listValue, !filters.isEmpty else { return nil }
        let sources = references.filter { $0.qualifiers.contains("grounding_source") }.map(\.text).joined(separator: "\n")
        let queries = references.filter { $0.qualifiers.contains("query") }.map(\.text).joined(separator: "\n")
        var entries: [ShapeValue] = []
        var blocked = false
        for filter in filters where filter["enabled"]?.boolValue ?? true {
            let type = filter["type"]?.stringValue ?? "GROUNDING"
            let reference = type == "GROUNDING" ? sources : queries
            guard !reference.isEmpty else { continue }
            let threshold = filter["threshold"]?.doubleValue ?? 0
            let score = type == "GROUNDING" ? Self.groundingScore(answer, source: reference) : Self.relevanceScore(answer, query: reference)
            let detected = score < threshold
            let action = (filter["action"]?.stringValue ?? "BLOCK") == "BLOCK" && detected ? "BLOCKED" : "NONE"
            blocked = blocked || action == "BLOCKED"
            entries.append([
                "type": .string(type), "threshold": .double(threshold), "score": .double(score), "action": .string(action),
                "detected": .bool(detected),
            ])
        }
        return (entries, blocked)
    }

    /// How well the source backs the answer: the share of the answer's content words the
    /// source holds, blended half and half with their cosine; two decimals.
    public static func groundingScore(_ answer: String, source: String) -> Double {
        let claimed = contentWords(answer)
        let overlap = claimed.isEmpty ? 0 : Double(claimed.intersection(contentWords(source)).count) / Double(claimed.count)
        return rounded(0.5 * overlap + 0.5 * max(0, cosine(answer, source)))
    }

    /// How well the answer addresses the query: the share of the query's content words the
    /// answer uses, blended half and half with their cosine; two decimals.
    public static func relevanceScore(_ answer: String, query: String) -> Double {
        let asked = contentWords(query)
        let overlap = asked.isEmpty ? 0 : Double(asked.intersection(contentWords(answer)).count) / Double(asked.count)
        return rounded(0.5 * overlap + 0.5 * max(0, cosine(answer, query)))
    }

    static func cosine(_ a: String, _ b: String) -> Double {
        Embedder.cosine(Embedder.embed(a, dimensions: dimensions), Embedder.embed(b, dimensions: dimensions))
    }

    /// The stemmed words of a text that carry meaning (no stopwords, at least three letters).
    static func contentWords(_ text: String) -> Set<String> {
        Set(PromptWords.lowercasedWordList(text).filter { $0.count >= 3 && !PromptWords.stopwords.contains($0) }.map(Embedder.stem))
    }

    static func rounded(_ value: Double) -> Double { (min(1, max(0, value)) * 100).rounded() / 100 }
}
