import BedrockAPI

/// Sensitive information: PII entities by pattern and the guardrail's own regexes, blocked
/// or masked as `{TYPE}` (`{EMAIL}`, or the regex's name).
extension GuardrailEvaluator {
    struct SensitiveFindings {
        var pii: [ShapeValue] = []
        var regexes: [ShapeValue] = []
        var blocked = false
        var anonymized = false
        var masked: [String] = []
        var hasEntities = false
        var hasRegexes = false
    }

    /// One span found: where, what it is, the finding to report and the mask to put there.
    struct Span {
        let range: Range<String.Index>
        let finding: ShapeValue
        let isPII: Bool
        let action: String
        let mask: String
    }

    /// Findings in each assessed text; nil without a sensitive information policy.
    func sensitiveAssessment(_ texts: [GuardrailText], source: GuardrailSource) -> SensitiveFindings? {
        let policy = guardrail["sensitiveInformationPolicy"]
        let entities = policy?["piiEntities"]?.listValue ?? []
        let regexes = policy?["regexes"]?.listValue ?? []
        guard !entities.isEmpty || !regexes.isEmpty else { return nil }
        var findings = SensitiveFindings(hasEntities: !entities.isEmpty, hasRegexes: !regexes.isEmpty)
        for piece in texts {
            let text = piece.text
            var spans: [Span] = []
            for (type, pattern) in GuardrailPIIPatterns.table {
                guard let entity = entities.first(where: { $0["type"]?.stringValue == type }) else { continue }
                let setting = GuardrailPolicySetting(entity, source: source)
                guard setting.enabled else { continue }
                for range in pattern.matches(in: text) {
                    let match = String(text[range])
                    if type == "CREDIT_DEBIT_CARD_NUMBER" && !GuardrailPIIPatterns.passesLuhn(match.compactMap(\.wholeNumberValue)) { continue }
                    let action = setting.outcome(detected: true)
                    spans.append(Span(
                        range: range, finding: ["match": .string(match), "type": .string(type), "action": .string(action), "detected": true],
                        isPII: true, action: action, mask: "{\(type)}"))
                }
            }
            for regex in regexes {
                let setting = GuardrailPolicySetting(regex, source: source)
                guard setting.enabled, let pattern = regex["pattern"]?.stringValue else { continue }
                let name = regex["name"]?.stringValue ?? "REGEX"
                for range in TextPattern(pattern).matches(in: text) where !range.isEmpty {
                    let action = setting.outcome(detected: true)
                    spans.append(Span(
                        range: range,
                        finding: ["name": .string(name), "match": .string(String(text[range])), "regex": .string(pattern), "action": .string(action), "detected": true],
                        isPII: false, action: action, mask: "{\(name)}"))
                }
            }
            // A span another one already covers is the same information found twice.
            var kept: [Span] = []
            for span in spans where !kept.contains(where: { $0.range.overlaps(span.range) }) { kept.append(span) }
            kept.sort { $0.range.lowerBound < $1.range.lowerBound }
            var output = ""
            var cursor = text.startIndex
            for span in kept {
                if span.isPII { findings.pii.append(span.finding) } else { findings.regexes.append(span.finding) }
                findings.blocked = findings.blocked || span.action == "BLOCKED"
                output += text[cursor..<span.range.lowerBound]
                if span.action == "ANONYMIZED" {
                    findings.anonymized = true
                    output += span.mask
                } else {
                    output += text[span.range]
                }
                cursor = span.range.upperBound
            }
            output += text[cursor...]
            findings.masked.append(output)
        }
        return findings
    }
}
