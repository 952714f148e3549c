import BedrockAPI

/// Judges text against a guardrail's policies, as stored (a GetGuardrailResponse value):
/// denied topics, content filters, word filters, sensitive information and contextual
/// grounding. Pure and deterministic: the same guardrail and text give the same answer.
public struct GuardrailEvaluator: Sendable {
    public let guardrail: ShapeValue
    public let lexicon: GuardrailLexicon

    /// An evaluator of `guardrail` (a stored GetGuardrailResponse value).
    public init(guardrail: ShapeValue, lexicon: GuardrailLexicon = .bundled) {
        self.guardrail = guardrail
        self.lexicon = lexicon
    }

    /// Characters per text unit, as Bedrock bills and reports guardrail usage.
    static let charactersPerUnit = 1000

    /// Judges `texts` (and counts `imageCount` images, which it finds nothing in) coming
    /// from `source`; `fullScope` lists the policies that found nothing too.
    public func evaluate(
        source: GuardrailSource, texts: [GuardrailText], imageCount: Int = 0, fullScope: Bool = false
    ) -> GuardrailEvaluation {
        let assessed = texts.filter { !$0.isReference }
        let joined = assessed.map(\.text).joined(separator: "\n")
        let units = assessed.reduce(0) { $0 + Self.units($1.text) }
        var assessment: [String: ShapeValue] = [:]
        var blocked = false
        var usage: [String: Int] = [
            "topicPolicyUnits": 0, "contentPolicyUnits": 0, "wordPolicyUnits": 0, "sensitiveInformationPolicyUnits": 0,
            "sensitiveInformationPolicyFreeUnits": 0, "contextualGroundingPolicyUnits": 0, "contentPolicyImageUnits": 0,
        ]

        if let topics = topicAssessment(joined, source: source, fullScope: fullScope) {
            usage["topicPolicyUnits"] = units
            blocked = blocked || topics.blocked
            if !topics.entries.isEmpty { assessment["topicPolicy"] = ["topics": .list(topics.entries)] }
        }
        if let content = contentAssessment(joined, source: source, fullScope: fullScope) {
            usage["contentPolicyUnits"] = units
            usage["contentPolicyImageUnits"] = imageCount
            blocked = blocked || content.blocked
            if !content.entries.isEmpty { assessment["contentPolicy"] = ["filters": .list(content.entries)] }
        }
        if let words = wordAssessment(joined, source: source) {
            usage["wordPolicyUnits"] = units
            blocked = blocked || words.blocked
            if !words.custom.isEmpty || !words.managed.isEmpty {
                assessment["wordPolicy"] = ["customWords": .list(words.custom), "managedWordLists": .list(words.managed)]
            }
        }
        var masked = assessed.map(\.text)
        var anonymized = false
        if let sensitive = sensitiveAssessment(assessed, source: source) {
            if sensitive.hasEntities { usage["sensitiveInformationPolicyUnits"] = units }
            if sensitive.hasRegexes { usage["sensitiveInformationPolicyFreeUnits"] = units }
            blocked = blocked || sensitive.blocked
            anonymized = sensitive.anonymized
            masked = sensitive.masked
            if !sensitive.pii.isEmpty || !sensitive.regexes.isEmpty {
                assessment["sensitiveInformationPolicy"] = ["piiEntities": .list(sensitive.pii), "regexes": .list(sensitive.regexes)]
            }
        }
        if source == .output, let grounding = groundingAssessment(joined, references: texts) {
            usage["contextualGroundingPolicyUnits"] = texts.reduce(0) { $0 + Self.units($1.text) }
            blocked = blocked || grounding.blocked
            if !grounding.entries.isEmpty { assessment["contextualGroundingPolicy"] = ["filters": .list(grounding.entries)] }
        }

        let usageValue = ShapeValue.map(usage.mapValues { .integer(Int64($0)) })
        let guarded = assessed.reduce(0) { $0 + $1.text.count }
        let coverage: ShapeValue = [
            "textCharacters": ["guarded": .integer(Int64(guarded)), "total": .integer(Int64(texts.reduce(0) { $0 + $1.text.count }))],
            "images": ["guarded": .integer(Int64(imageCount)), "total": .integer(Int64(imageCount))],
        ]
        let policyUnits = usage.values.reduce(0, +)
        // A fixed cost per call plus a cost per unit judged: deterministic, and larger for more work.
        assessment["invocationMetrics"] = [
            "guardrailProcessingLatency": .integer(Int64(40 + 6 * policyUnits)), "usage": usageValue, "guardrailCoverage": coverage,
        ]
        let message = guardrail[source == .input ? "blockedInputMessaging" : "blockedOutputsMessaging"]?.stringValue
            ?? "Sorry, the model cannot answer this question."
        let outputs = blocked ? [message] : anonymized ? masked : []
        return GuardrailEvaluation(
            blocked: blocked, intervened: blocked || anonymized, assessment: .map(assessment), usage: usageValue, coverage: coverage,
            outputs: outputs, actionReason: blocked ? "Guardrail blocked." : anonymized ? "Guardrail masked." : "No action.")
    }

    /// Text units of one text: one per 1000 characters or part of them.
    static func units(_ text: String) -> Int {
        (text.count + charactersPerUnit - 1) / charactersPerUnit
    }
}
