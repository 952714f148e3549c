import BedrockAPI
import EmulatorCore

/// The consistency Bedrock requires of a policy definition before it stores one: unique
/// type, variable and rule names, and every variable of a built-in or declared type.
enum PolicyDefinitionCheck {
    static func validate(_ definition: ShapeValue) throws(BedrockError) {
        let types = definition["types"]?.listValue ?? []
        let typeNames = types.compactMap { $0["name"]?.stringValue }
        try unique(typeNames, what: "type name")
        for name in typeNames where AutomatedReasoningStore.builtinTypes.contains(name) {
            throw .validation("The custom type name \(name) is reserved for a built-in type (BOOL, INT, REAL). Choose another name.")
        }
        for type in types {
            try unique(type["values"]?.listValue?.compactMap { $0["value"]?.stringValue } ?? [], what: "value of type \(type["name"]?.stringValue ?? "")")
        }
        let variables = definition["variables"]?.listValue ?? []
        try unique(variables.compactMap { $0["name"]?.stringValue }, what: "variable name")
        let known = AutomatedReasoningStore.builtinTypes.union(typeNames)
        for variable in variables {
            let type = variable["type"]?.stringValue ?? ""
            guard known.contains(type) else {
                throw .validation(
                    "The variable \(variable["name"]?.stringValue ?? "") has type \(type), which is neither built in (BOOL, INT, REAL) nor declared in the definition's types.")
            }
        }
        try unique((definition["rules"]?.listValue ?? []).compactMap { $0["id"]?.stringValue }, what: "rule id")
    }

    static func unique(_ names: [String], what: String) throws(BedrockError) {
        var seen: Set<String> = []
        for name in names where !seen.insert(name).inserted {
            throw .validation("The policy definition has more than one \(what) \(name). Each must be unique.")
        }
    }
}
