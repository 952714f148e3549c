import BedrockAPI
import Foundation

/// A deterministic stand-in for an Automated Reasoning check: the text is "translated" by
/// finding each variable's words in it (negated when "not", "no" or "never" comes just
/// before; numbers read from the same sentence), then every rule is evaluated on those values.
/// A rule whose premise holds and whose conclusion fails makes the text INVALID; claims every
/// one of which some rule implies make it VALID; claims no rule settles, SATISFIABLE; a text
/// that mentions no variable, NO_TRANSLATION.
struct PolicyCheck {
    let definition: ShapeValue
    let policyArn: String

    struct Outcome {
        var result: String
        var finding: ShapeValue
    }

    func check(_ text: String) -> Outcome {
        let sentences = text.lowercased().components(separatedBy: CharacterSet(charactersIn: ".!?;\n")).map(Self.words)
        var known: [String: PolicyExpression.Value] = [:]
        var statements: [String: ShapeValue] = [:]
        for variable in definition["variables"]?.listValue ?? [] {
            guard let name = variable["name"]?.stringValue, let type = variable["type"]?.stringValue,
                  let value = read(name, type: type, in: sentences) else { continue }
            known[name] = value
            statements[name] = ["logic": .string("(= \(name) \(Self.literal(value)))"), "naturalLanguage": .string("\(PolicyExpression.words(name)) is \(Self.literal(value))")]
        }
        guard !known.isEmpty else { return Outcome(result: "NO_TRANSLATION", finding: ["noTranslations": [:]]) }
        let rules = (definition["rules"]?.listValue ?? []).map { ($0["id"] ?? .null, PolicyExpression(parsing: $0["expression"]?.stringValue ?? "")) }
        let claimed = Set(rules.flatMap { $0.1.implication?.conclusion.names ?? [] }).intersection(known.keys)
        var supporting: [ShapeValue] = [], contradicting: [ShapeValue] = []
        var settled: Set<String> = []
        for (id, rule) in rules {
            let reference: ShapeValue = ["id": id, "policyVersionArn": .string(policyArn)]
            guard let implication = rule.implication else {
                if rule.evaluate(known) == .bool(false) { contradicting.append(reference) }
                continue
            }
            guard implication.premise.evaluate(known) == .bool(true) else { continue }
            switch implication.conclusion.evaluate(known) {
            case .bool(false): contradicting.append(reference)
            case .bool(true):
                supporting.append(reference)
                settled.formUnion(implication.conclusion.names)
            default: break
            }
        }
        let claims = claimed.sorted().compactMap { statements[$0] }
        let translation: ShapeValue = [
            "premises": .list(statements.keys.filter { !claimed.contains($0) }.sorted().compactMap { statements[$0] }),
            "claims": .list(claims), "confidence": 1.0,
        ]
        let scenario: ShapeValue = ["statements": .list(statements.keys.sorted().compactMap { statements[$0] })]
        if !contradicting.isEmpty {
            return Outcome(result: "INVALID", finding: ["invalid": ["translation": translation, "contradictingRules": .list(contradicting)]])
        }
        if !claimed.isEmpty, claimed.isSubset(of: settled) {
            return Outcome(result: "VALID", finding: ["valid": ["translation": translation, "claimsTrueScenario": scenario, "supportingRules": .list(supporting)]])
        }
        return Outcome(result: "SATISFIABLE", finding: ["satisfiable": ["translation": translation, "claimsTrueScenario": scenario, "claimsFalseScenario": ["statements": []]]])
    }

    /// The value the text gives a variable, or nil when it does not mention it.
    func read(_ name: String, type: String, in sentences: [[String]]) -> PolicyExpression.Value? {
        if let custom = (definition["types"]?.listValue ?? []).first(where: { $0["name"]?.stringValue == type }) {
            let all = Set(sentences.joined())
            let value = custom["values"]?.listValue?.compactMap { $0["value"]?.stringValue }.first { all.contains($0.lowercased()) }
            return value.map(PolicyExpression.Value.symbol)
        }
        let parts = PolicyExpression.words(name).split(separator: " ").map(String.init).filter { !PolicyBuild.stopWords.contains($0) }
        guard !parts.isEmpty else { return nil }
        for words in sentences {
            let positions = parts.map { part in words.firstIndex { Self.same($0, part) } }
            guard let first = positions.compactMap({ $0 }).min(), !positions.contains(nil) else { continue }
            if type == "BOOL" {
                let before = words[max(0, first - 4)..<first]
                return .bool(!before.contains { ["not", "no", "never", "cannot", "ineligible"].contains($0) || $0.hasSuffix("n't") })
            }
            if let number = words.compactMap(Double.init).first { return .number(number) }
        }
        return nil
    }

    static func words(_ sentence: String) -> [String] {
        sentence.split { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "." }.map(String.init)
    }

    /// Two words are the same one when they share their first five letters (employee, employees).
    static func same(_ word: String, _ part: String) -> Bool {
        word == part || (word.count >= 4 && part.count >= 4 && word.prefix(5) == part.prefix(5))
    }

    static func literal(_ value: PolicyExpression.Value) -> String {
        switch value {
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n == n.rounded() ? String(Int(n)) : String(n)
        case .symbol(let s): s
        }
    }
}
