import BedrockAPI
import FakeModels
import Foundation

/// One build workflow's work on a policy definition: each annotation (an ingested document,
/// a repair) applied as mutations, each step logged as Bedrock's build log records it.
struct PolicyBuild {
    var types: [ShapeValue]
    var variables: [ShapeValue]
    var rules: [ShapeValue]
    let version: ShapeValue
    /// The build log's entries, one per annotation.
    var log: [ShapeValue] = []

    init(starting definition: ShapeValue) {
        types = definition["types"]?.listValue ?? []
        variables = definition["variables"]?.listValue ?? []
        rules = definition["rules"]?.listValue ?? []
        version = definition["version"] ?? "1.0"
    }

    var definition: ShapeValue { ["version": version, "types": .list(types), "rules": .list(rules), "variables": .list(variables)] }

    /// Applies one annotation and logs it: APPLIED with its steps, or FAILED with why.
    mutating func apply(_ annotation: ShapeValue) {
        var steps: [ShapeValue] = []
        do throws(BuildFailure) {
            steps = try mutations(for: annotation)
            log.append(["annotation": annotation, "status": "APPLIED", "buildSteps": .list(steps)])
        } catch {
            let message: ShapeValue = ["message": .string(error.message), "messageType": "ERROR"]
            log.append(["annotation": annotation, "status": "FAILED", "buildSteps": [["context": ["planning": [:]], "messages": [message]]]])
        }
    }

    struct BuildFailure: Error { let message: String }

    mutating func mutations(for annotation: ShapeValue) throws(BuildFailure) -> [ShapeValue] {
        guard let (kind, body) = annotation.mapValue?.first(where: { $0.value != .null }) else { throw BuildFailure(message: "The annotation is empty.") }
        switch kind {
        case "ingestContent": return ingest(body["content"]?.stringValue ?? "")
        case "addRuleFromNaturalLanguage": return ingest(body["naturalLanguage"]?.stringValue ?? "")
        case "addType":
            try absent(body["name"], in: types, key: "name", what: "type")
            let type: ShapeValue = ["name": body["name"] ?? .null, "values": body["values"] ?? []]
            types.append(type)
            return [step("addType", ["type": type], "Added type \(body["name"]?.stringValue ?? "").")]
        case "deleteType":
            let index = try present(body["name"], in: types, key: "name", what: "type")
            let prior = types.remove(at: index)
            return [step("deleteType", ["name": body["name"] ?? .null], "Deleted type \(body["name"]?.stringValue ?? "").", prior: ["policyDefinitionType": prior])]
        case "updateType":
            let index = try present(body["name"], in: types, key: "name", what: "type")
            let prior = types[index]
            var values = prior["values"]?.listValue ?? []
            for change in body["values"]?.listValue ?? [] {
                if let added = change["addTypeValue"] { values.append(added) }
                if let updated = change["updateTypeValue"], let at = values.firstIndex(where: { $0["value"] == updated["value"] }) {
                    values[at] = ["value": updated["newValue"] ?? updated["value"] ?? .null, "description": updated["description"] ?? values[at]["description"] ?? .null]
                }
                if let deleted = change["deleteTypeValue"] { values.removeAll { $0["value"] == deleted["value"] } }
            }
            let type: ShapeValue = ["name": body["newName"] ?? prior["name"] ?? .null, "description": prior["description"] ?? .null, "values": .list(values)]
            types[index] = type
            return [step("updateType", ["type": type], "Updated type \(body["name"]?.stringValue ?? "").", prior: ["policyDefinitionType": prior])]
        case "addVariable":
            try absent(body["name"], in: variables, key: "name", what: "variable")
            try knownType(body["type"])
            let variable: ShapeValue = ["name": body["name"] ?? .null, "type": body["type"] ?? .null, "description": body["description"] ?? .null]
            variables.append(variable)
            return [step("addVariable", ["variable": variable], "Added variable \(body["name"]?.stringValue ?? "").")]
        case "updateVariable":
            let index = try present(body["name"], in: variables, key: "name", what: "variable")
            let prior = variables[index]
            let variable: ShapeValue = [
                "name": body["newName"] ?? prior["name"] ?? .null, "type": prior["type"] ?? .null,
                "description": body["description"] ?? prior["description"] ?? .null,
            ]
            variables[index] = variable
            return [step("updateVariable", ["variable": variable], "Updated variable \(body["name"]?.stringValue ?? "").", prior: ["policyDefinitionVariable": prior])]
        case "deleteVariable":
            let index = try present(body["name"], in: variables, key: "name", what: "variable")
            let prior = variables.remove(at: index)
            return [step("deleteVariable", ["name": body["name"] ?? .null], "Deleted variable \(body["name"]?.stringValue ?? "").", prior: ["policyDefinitionVariable": prior])]
        case "addRule":
            return [addRule(body["expression"]?.stringValue ?? "", because: "Added a rule.")]
        case "updateRule":
            let index = try present(body["ruleId"], in: rules, key: "id", what: "rule")
            let prior = rules[index]
            let rule: ShapeValue = ["id": prior["id"] ?? .null, "expression": body["expression"] ?? .null]
            rules[index] = rule
            return [step("updateRule", ["rule": rule], "Updated rule \(body["ruleId"]?.stringValue ?? "").", prior: ["policyDefinitionRule": prior])]
        case "deleteRule":
            let index = try present(body["ruleId"], in: rules, key: "id", what: "rule")
            let prior = rules.remove(at: index)
            return [step("deleteRule", ["id": body["ruleId"] ?? .null], "Deleted rule \(body["ruleId"]?.stringValue ?? "").", prior: ["policyDefinitionRule": prior])]
        default:
            // Feedback annotations need a model's judgement; the emulator records them unchanged.
            let message: ShapeValue = ["message": "The feedback was recorded; the emulator does not rewrite rules from feedback.", "messageType": "INFO"]
            return [["context": ["planning": [:]], "messages": [message]]]
        }
    }

    func step(_ mutation: String, _ body: ShapeValue, _ message: String, prior: ShapeValue? = nil) -> ShapeValue {
        var value: [String: ShapeValue] = [
            "context": ["mutation": .map([mutation: body])], "messages": [["message": .string(message), "messageType": "INFO"]],
        ]
        value["priorElement"] = prior
        return .map(value)
    }

    func absent(_ name: ShapeValue?, in list: [ShapeValue], key: String, what: String) throws(BuildFailure) {
        if list.contains(where: { $0[key] == name }) { throw BuildFailure(message: "The policy already has a \(what) \(name?.stringValue ?? "").") }
    }

    func present(_ name: ShapeValue?, in list: [ShapeValue], key: String, what: String) throws(BuildFailure) -> Int {
        guard let index = list.firstIndex(where: { $0[key] == name }) else {
            throw BuildFailure(message: "The policy has no \(what) \(name?.stringValue ?? "").")
        }
        return index
    }

    func knownType(_ type: ShapeValue?) throws(BuildFailure) {
        let name = type?.stringValue ?? ""
        guard AutomatedReasoningStore.builtinTypes.contains(name) || types.contains(where: { $0["name"]?.stringValue == name }) else {
            throw BuildFailure(message: "The type \(name) is neither built in (BOOL, INT, REAL) nor declared in the policy.")
        }
    }

    mutating func addRule(_ expression: String, because message: String) -> ShapeValue {
        var random = SeededRandom(text: "rule\u{0}\(expression)\u{0}\(rules.count)")
        let rule: ShapeValue = ["id": .string("R" + random.alphanumeric(11).uppercased()), "expression": .string(expression)]
        rules.append(rule)
        return step("addRule", ["rule": rule], message)
    }
}
