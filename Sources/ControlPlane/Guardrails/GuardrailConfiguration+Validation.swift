import BedrockAPI
import Foundation

/// The rules AWS applies to a guardrail's configuration beyond the API model's constraints.
extension GuardrailConfiguration {
    /// Throws a ValidationException naming what to fix in the first rule `input` breaks.
    func validate(_ input: ShapeValue) throws {
        guard Self.policyMembers.contains(where: { input[$0] != nil }) else {
            throw BedrockError.validation(
                "A guardrail needs at least one policy. Give one or more of \(Self.policyMembers.joined(separator: ", ")).")
        }
        if let topics = input["topicPolicyConfig"] {
            try Self.unique(topics["topicsConfig"], by: "name", at: "topicPolicyConfig.topicsConfig")
            try Self.standardTierNeedsProfile(topics["tierConfig"], at: "topicPolicyConfig.tierConfig", input: input)
        }
        if let content = input["contentPolicyConfig"] {
            let filters = content["filtersConfig"]?.listValue ?? []
            try Self.unique(content["filtersConfig"], by: "type", at: "contentPolicyConfig.filtersConfig")
            if let attack = filters.first(where: { $0["type"] == "PROMPT_ATTACK" }), attack["outputStrength"] != "NONE" {
                throw BedrockError.validation(
                    "The PROMPT_ATTACK content filter applies to prompts only: set its outputStrength to NONE.")
            }
            try Self.standardTierNeedsProfile(content["tierConfig"], at: "contentPolicyConfig.tierConfig", input: input)
        }
        if let words = input["wordPolicyConfig"] {
            try Self.needsOne(of: ["wordsConfig", "managedWordListsConfig"], in: words, at: "wordPolicyConfig")
            try Self.unique(words["managedWordListsConfig"], by: "type", at: "wordPolicyConfig.managedWordListsConfig")
        }
        if let sensitive = input["sensitiveInformationPolicyConfig"] {
            try Self.needsOne(of: ["piiEntitiesConfig", "regexesConfig"], in: sensitive, at: "sensitiveInformationPolicyConfig")
            try Self.unique(sensitive["piiEntitiesConfig"], by: "type", at: "sensitiveInformationPolicyConfig.piiEntitiesConfig")
            try Self.unique(sensitive["regexesConfig"], by: "name", at: "sensitiveInformationPolicyConfig.regexesConfig")
            for (index, regex) in (sensitive["regexesConfig"]?.listValue ?? []).enumerated() {
                let pattern = regex["pattern"]?.stringValue ?? ""
                if (try? NSRegularExpression(pattern: pattern)) == nil {
                    throw BedrockError.validation(
                        "sensitiveInformationPolicyConfig.regexesConfig[\(index)].pattern `\(pattern)` is not a valid regular expression. Fix the pattern.")
                }
            }
        }
        if let grounding = input["contextualGroundingPolicyConfig"] {
            try Self.unique(grounding["filtersConfig"], by: "type", at: "contextualGroundingPolicyConfig.filtersConfig")
            for filter in grounding["filtersConfig"]?.listValue ?? [] where (filter["threshold"]?.doubleValue ?? 0) >= 1 {
                throw BedrockError.validation(
                    "The \(filter["type"]?.stringValue ?? "") contextual grounding threshold must be from 0 to 0.99.")
            }
        }
    }

    /// No two elements of a policy list share `key`.
    static func unique(_ list: ShapeValue?, by key: String, at path: String) throws {
        var seen: Set<String> = []
        for item in list?.listValue ?? [] {
            guard let value = item[key]?.stringValue else { continue }
            if !seen.insert(value.lowercased()).inserted {
                throw BedrockError.validation("\(path) lists \(key) \(value) more than once. Give each \(key) once.")
            }
        }
    }

    /// A policy object configures at least one of its lists.
    static func needsOne(of members: [String], in policy: ShapeValue, at path: String) throws {
        guard members.contains(where: { !(policy[$0]?.listValue ?? []).isEmpty }) else {
            throw BedrockError.validation("\(path) is empty. Give \(members.joined(separator: " or ")), or leave \(path) out.")
        }
    }

    /// The STANDARD tier runs only with cross-Region inference, so it needs a guardrail profile.
    static func standardTierNeedsProfile(_ tier: ShapeValue?, at path: String, input: ShapeValue) throws {
        guard tier?["tierName"] == "STANDARD", input["crossRegionConfig"] == nil else { return }
        throw BedrockError.validation(
            "\(path).tierName STANDARD needs cross-Region inference. Give crossRegionConfig.guardrailProfileIdentifier or use the CLASSIC tier.")
    }
}
