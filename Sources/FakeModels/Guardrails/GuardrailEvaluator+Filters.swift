import BedrockAPI

/// Content filters and word filters: phrases of the lexicon and of the guardrail's own
/// word list found in the text.
extension GuardrailEvaluator {
    /// The content filters' findings; nil when the guardrail has no content policy.
    func contentAssessment(_ text: String, source: GuardrailSource, fullScope: Bool) -> (entries: [ShapeValue], blocked: Bool)? {
        guard let filters = guardrail["contentPolicy"]?["filters"]?.listValue, !filters.isEmpty else { return nil }
        var entries: [ShapeValue] = []
        var blocked = false
        for filter in filters {
            guard let type = filter["type"]?.stringValue else { continue }
            // Prompt attacks are about what users send; AWS judges them on input only.
            if type == "PROMPT_ATTACK" && source == .output { continue }
            let setting = GuardrailPolicySetting(filter, source: source)
            let modalities = filter[source == .input ? "inputModalities" : "outputModalities"]?.listValue?.compactMap(\.stringValue)
            guard setting.enabled, modalities?.contains("TEXT") ?? true else { continue }
            let strength = GuardrailConfidence(rawValue: filter[source == .input ? "inputStrength" : "outputStrength"]?.stringValue ?? "NONE") ?? .none
            let confidence = (lexicon.contentFilters[type] ?? [])
                .filter { !TextPattern.phrase($0.phrase).matches(in: text).isEmpty }
                .map(\.confidence).max() ?? .none
            let detected = strength.blocks(confidence)
            let action = setting.outcome(detected: detected)
            blocked = blocked || action == "BLOCKED"
            guard confidence != .none || fullScope else { continue }
            entries.append([
                "type": .string(type), "confidence": .string(confidence.rawValue), "filterStrength": .string(strength.rawValue),
                "action": .string(action), "detected": .bool(detected),
            ])
        }
        return (entries, blocked)
    }

    /// Custom words and the managed profanity list found in the text; nil without a word policy.
    func wordAssessment(_ text: String, source: GuardrailSource) -> (custom: [ShapeValue], managed: [ShapeValue], blocked: Bool)? {
        let policy = guardrail["wordPolicy"]
        let words = policy?["words"]?.listValue ?? []
        let lists = policy?["managedWordLists"]?.listValue ?? []
        guard !words.isEmpty || !lists.isEmpty else { return nil }
        var custom: [ShapeValue] = []
        var managed: [ShapeValue] = []
        var blocked = false
        for word in words {
            let setting = GuardrailPolicySetting(word, source: source)
            guard setting.enabled, let phrase = word["text"]?.stringValue, !TextPattern.phrase(phrase).matches(in: text).isEmpty else { continue }
            let action = setting.outcome(detected: true)
            blocked = blocked || action == "BLOCKED"
            custom.append(["match": .string(phrase), "action": .string(action), "detected": true])
        }
        for list in lists where list["type"]?.stringValue == "PROFANITY" {
            let setting = GuardrailPolicySetting(list, source: source)
            guard setting.enabled else { continue }
            for word in lexicon.profanity {
                for range in TextPattern.phrase(word).matches(in: text) {
                    let action = setting.outcome(detected: true)
                    blocked = blocked || action == "BLOCKED"
                    managed.append(["match": .string(String(text[range])), "type": "PROFANITY", "action": .string(action), "detected": true])
                }
            }
        }
        return (custom, managed, blocked)
    }
}
