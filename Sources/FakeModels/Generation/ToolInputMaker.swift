import Foundation
import BedrockAPI

/// Builds a tool call's input that validates against the tool's JSON schema (types,
/// required properties, enums, bounds, nested objects, `$ref`), filled from the prompt's
/// proper nouns and numbers where it can.
struct ToolInputMaker {
    let words: PromptWords
    let prompt: String
    private var nextNoun = 0
    private var nextNumber = 0

    init(prompt: String) {
        self.prompt = prompt
        self.words = PromptWords(prompt)
    }

    func value(for schema: JSONValue) -> JSONValue {
        var maker = self
        return maker.make(schema, root: schema, name: "", depth: 0)
    }

    private mutating func make(_ schema: JSONValue, root: JSONValue, name: String, depth: Int) -> JSONValue {
        guard depth < 8, case .object(let s) = schema else { return .null }
        if let ref = s["$ref"]?.stringValue, let target = Self.resolve(ref, in: root) {
            return make(target, root: root, name: name, depth: depth + 1)
        }
        if let constant = s["const"] { return constant }
        if let options = s["enum"]?.arrayValue, let first = options.first { return first }
        if let defaultValue = s["default"], !defaultValue.isNull { return defaultValue }
        for key in ["anyOf", "oneOf"] {
            if let options = s[key]?.arrayValue {
                let chosen = options.first { $0["type"]?.stringValue != "null" } ?? options.first
                if let chosen { return make(chosen, root: root, name: name, depth: depth + 1) }
            }
        }
        if let parts = s["allOf"]?.arrayValue {
            var merged: [String: JSONValue] = [:]
            for part in parts {
                var resolved = part
                if let ref = part["$ref"]?.stringValue, let target = Self.resolve(ref, in: root) { resolved = target }
                for (key, value) in resolved.objectValue ?? [:] {
                    if key == "properties", case .object(let extra) = value, case .object(let existing)? = merged[key] {
                        merged[key] = .object(existing.merging(extra) { a, _ in a })
                    } else if key == "required", let extra = value.arrayValue, let existing = merged[key]?.arrayValue {
                        merged[key] = .array(existing + extra)
                    } else {
                        merged[key] = value
                    }
                }
            }
            return make(.object(merged), root: root, name: name, depth: depth + 1)
        }
        switch Self.type(of: s) {
        case "object": return object(s, root: root, depth: depth)
        case "array":
            let count = max(1, s["minItems"]?.intValue ?? 1)
            let items = s["items"] ?? ["type": "string"]
            return .array((0..<count).map { _ in make(items, root: root, name: name, depth: depth + 1) })
        case "integer": return .integer(Int64(number(s, integer: true)))
        case "number": return .double(number(s, integer: false))
        case "boolean": return .bool(true)
        case "null": return .null
        default: return .string(string(s, name: name))
        }
    }

    private mutating func object(_ s: [String: JSONValue], root: JSONValue, depth: Int) -> JSONValue {
        var result: [String: JSONValue] = [:]
        let properties = s["properties"]?.objectValue ?? [:]
        let required = s["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        // Required first, in their order, then the rest by name: fills are deterministic.
        let names = required + properties.keys.sorted().filter { !required.contains($0) }
        for name in names {
            result[name] = make(properties[name] ?? ["type": "string"], root: root, name: name, depth: depth + 1)
        }
        return .object(result)
    }

    static func type(of s: [String: JSONValue]) -> String {
        if let type = s["type"]?.stringValue { return type }
        if let types = s["type"]?.arrayValue?.compactMap(\.stringValue) { return types.first { $0 != "null" } ?? "null" }
        if s["properties"] != nil { return "object" }
        if s["items"] != nil { return "array" }
        return "string"
    }

    private mutating func number(_ s: [String: JSONValue], integer: Bool) -> Double {
        let low = s["minimum"]?.doubleValue ?? s["exclusiveMinimum"]?.doubleValue.map { $0 + (integer ? 1 : 0.5) }
        let high = s["maximum"]?.doubleValue ?? s["exclusiveMaximum"]?.doubleValue.map { $0 - (integer ? 1 : 0.5) }
        var value: Double
        if nextNumber < words.numbers.count {
            value = words.numbers[nextNumber]
            nextNumber += 1
        } else {
            value = low ?? 1
        }
        if let low, value < low { value = low }
        if let high, value > high { value = high }
        return integer ? value.rounded(.down) : value
    }

    private mutating func string(_ s: [String: JSONValue], name: String) -> String {
        var text: String
        switch s["format"]?.stringValue {
        case "date": text = "2024-01-01"
        case "date-time": text = "2024-01-01T00:00:00Z"
        case "time": text = "12:00:00"
        case "email": text = "user@example.com"
        case "uri", "url": text = "https://example.com"
        case "uuid": text = "00000000-0000-4000-8000-000000000000"
        default:
            let lower = name.lowercased()
            if ["query", "question", "prompt", "text", "input", "message", "content"].contains(lower) {
                text = prompt
            } else if nextNoun < words.properNouns.count {
                text = words.properNouns[nextNoun]
                nextNoun += 1
            } else if !words.topics.isEmpty {
                text = words.topics.prefix(3).joined(separator: " ")
            } else {
                text = name.isEmpty ? "example" : "example \(name)"
            }
        }
        let minimum = s["minLength"]?.intValue ?? 0
        if let maximum = s["maxLength"]?.intValue, text.count > maximum { text = String(text.prefix(maximum)) }
        while text.count < minimum { text += "x" }
        return text
    }

    /// `#/$defs/Name` or `#/definitions/Name` within the root schema.
    static func resolve(_ ref: String, in root: JSONValue) -> JSONValue? {
        guard ref.hasPrefix("#") else { return nil }
        var node: JSONValue? = root
        for part in ref.dropFirst().split(separator: "/") {
            let key = part.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            node = node?[key]
        }
        return node
    }
}
