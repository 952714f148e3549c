import BedrockAPI
import Foundation

extension PolicyBuild {
    /// The annotations a build workflow starts from: one `ingestContent` per text document,
    /// or the repair assets' annotations.
    static func annotations(of source: ShapeValue) -> [ShapeValue] {
        let content = source["workflowContent"]
        if let repairs = content?["policyRepairAssets"]?["annotations"]?.listValue { return repairs }
        return (content?["documents"]?.listValue ?? []).map { document in
            let text = String(decoding: document["document"]?.blobValue ?? Data(), as: UTF8.self)
            return ["ingestContent": ["content": .string(String(text.prefix(4096)))]]
        }
    }

    /// Everything a finished build workflow offers through GetAutomatedReasoningPolicyBuildWorkflowResultAssets,
    /// one member per asset type, and the manifest listing them.
    static func assets(type: String, source: ShapeValue, annotations: [ShapeValue], starting: ShapeValue) -> ShapeValue {
        var build = PolicyBuild(starting: type == "IMPORT_POLICY" ? (source["policyDefinition"] ?? starting) : starting)
        if type == "INGEST_CONTENT" || type == "REFINE_POLICY" {
            for annotation in annotations { build.apply(annotation) }
        }
        var assets: [String: ShapeValue] = ["policyDefinition": build.definition, "buildLog": ["entries": .list(build.log)], "qualityReport": build.qualityReport]
        var manifest: [ShapeValue] = [
            ["assetType": "POLICY_DEFINITION", "assetName": "Policy definition"], ["assetType": "BUILD_LOG", "assetName": "Build log"],
            ["assetType": "QUALITY_REPORT", "assetName": "Quality report"],
        ]
        if type == "GENERATE_POLICY_SCENARIOS" {
            assets["policyScenarios"] = ["policyScenarios": .list(build.rules.map(Self.scenario))]
            manifest.append(["assetType": "POLICY_SCENARIOS", "assetName": "Policy scenarios"])
        }
        if type == "INGEST_CONTENT" {
            assets["generatedTestCases"] = ["generatedTestCases": .list(build.generatedTestCases)]
            manifest.append(["assetType": "GENERATED_TEST_CASES", "assetName": "Generated test cases"])
        }
        for document in source["workflowContent"]?["documents"]?.listValue ?? [] {
            let hash = SigV4Request.hexSHA256(document["document"]?.blobValue ?? Data())
            let id = hash.prefix(8) + "-" + hash.dropFirst(8).prefix(4) + "-" + hash.dropFirst(12).prefix(4) + "-" + hash.dropFirst(16).prefix(4) + "-" + hash.dropFirst(20).prefix(12)
            var entry: [String: ShapeValue] = ["assetType": "SOURCE_DOCUMENT", "assetName": document["documentName"] ?? .null, "assetId": .string(String(id))]
            manifest.append(.map(entry))
            entry = ["document": document["document"] ?? .null, "documentContentType": document["documentContentType"] ?? .null,
                     "documentName": document["documentName"] ?? .null, "documentHash": .string(hash)]
            entry["documentDescription"] = document["documentDescription"]
            // Only the first document fits the one `document` member; the others are listed.
            if assets["document"] == nil { assets["document"] = .map(entry) }
        }
        manifest.append(["assetType": "ASSET_MANIFEST", "assetName": "Asset manifest"])
        assets["assetManifest"] = ["entries": .list(manifest)]
        return .map(assets)
    }

    /// The scenario a rule describes: its premise and conclusion holding together.
    static func scenario(_ rule: ShapeValue) -> ShapeValue {
        let expression = PolicyExpression(parsing: rule["expression"]?.stringValue ?? "")
        let text: String
        if let implication = expression.implication {
            text = "(and \(implication.premise.text) \(implication.conclusion.text))"
        } else {
            text = expression.text
        }
        return [
            "expression": .string(text), "alternateExpression": .string("A situation where \(PolicyExpression(parsing: text).sentence)."),
            "expectedResult": "SATISFIABLE", "ruleIds": [rule["id"] ?? .null],
        ]
    }

    /// A test case per rule read from the text: the rule's own sentence claims its conclusion.
    var generatedTestCases: [ShapeValue] {
        rules.compactMap { rule in
            guard let implication = PolicyExpression(parsing: rule["expression"]?.stringValue ?? "").implication else { return nil }
            return [
                "queryContent": .string("What follows when \(implication.premise.sentence)?"),
                "guardContent": .string("When \(implication.premise.sentence), \(implication.conclusion.sentence)."),
                "expectedAggregatedFindingsResult": "VALID",
            ]
        }
    }

    /// Counts and the parts of the definition no rule reaches, as Bedrock's quality report gives them.
    var qualityReport: ShapeValue {
        let ruleNames = rules.map { Set(PolicyExpression(parsing: $0["expression"]?.stringValue ?? "").names) }
        let used = ruleNames.reduce(into: Set<String>()) { $0.formUnion($1) }
        let variableNames = variables.compactMap { $0["name"]?.stringValue }
        let typed = Set(variables.compactMap { $0["type"]?.stringValue })
        var unusedValues: [ShapeValue] = []
        for type in types where typed.contains(type["name"]?.stringValue ?? "") {
            for value in type["values"]?.listValue ?? [] where !used.contains(value["value"]?.stringValue ?? "") {
                unusedValues.append(["typeName": type["name"] ?? .null, "valueName": value["value"] ?? .null])
            }
        }
        return [
            "typeCount": .integer(Int64(types.count)), "variableCount": .integer(Int64(variables.count)), "ruleCount": .integer(Int64(rules.count)),
            "unusedTypes": .list(types.compactMap { $0["name"] }.filter { !typed.contains($0.stringValue ?? "") }),
            "unusedTypeValues": .list(unusedValues),
            "unusedVariables": .list(variableNames.filter { !used.contains($0) }.map(ShapeValue.string)),
            "conflictingRules": [], "disjointRuleSets": .list(disjointRuleSets(ruleNames, variables: Set(variableNames))),
        ]
    }

    /// Groups of rules that share no variable with each other; one group means none are disjoint.
    func disjointRuleSets(_ ruleNames: [Set<String>], variables: Set<String>) -> [ShapeValue] {
        var groups: [(variables: Set<String>, rules: [Int])] = []
        for (index, names) in ruleNames.enumerated() {
            let mine = names.intersection(variables)
            let touching = groups.indices.filter { !groups[$0].variables.isDisjoint(with: mine) }
            var merged = (variables: mine, rules: [index])
            for at in touching.reversed() {
                merged.variables.formUnion(groups[at].variables)
                merged.rules = groups[at].rules + merged.rules
                groups.remove(at: at)
            }
            groups.append(merged)
        }
        guard groups.count > 1 else { return [] }
        return groups.map { group in
            ["variables": .list(group.variables.sorted().map(ShapeValue.string)), "rules": .list(group.rules.sorted().map { rules[$0]["id"] ?? .null })]
        }
    }
}
