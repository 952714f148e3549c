import BedrockAPI
import Foundation

/// The `{{variable}}` placeholders of Prompt management templates, which are filled in
/// when the prompt runs.
public enum PromptVariables {
    /// The names of the `{{variable}}` placeholders in `text`, each once, in order of first
    /// use. A name follows AWS's variable-name rule: letters and digits, single `_` or `-`
    /// between them, at most 100 groups; anything else between braces is plain text.
    public static func names(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            let after = rest[open.upperBound...]
            guard let close = after.range(of: "}}") else { break }
            let name = String(after[..<close.lowerBound])
            if isVariableName(name) {
                if !names.contains(name) { names.append(name) }
                rest = after[close.upperBound...]
            } else {
                // `{{{x}}` and the like: look again one character on.
                rest = rest[rest.index(after: open.lowerBound)...]
            }
        }
        return names
    }

    /// `text` with each `{{name}}` whose name `values` holds replaced by its value; other
    /// placeholders stay as written.
    public static func render(_ text: String, values: [String: String]) -> String {
        var output = text
        for name in names(in: text) {
            if let value = values[name] { output = output.replacingOccurrences(of: "{{\(name)}}", with: value) }
        }
        return output
    }

    /// `text` with each `{{name}}` filled from `values` (a flow node's inputs): strings as
    /// they are, other values as JSON; other placeholders stay as written.
    public static func render(_ text: String, _ values: [String: ShapeValue]) -> String {
        render(text, values: values.mapValues { $0.stringValue ?? ShapeEncoder.document($0).jsonText })
    }

    /// Whether `name` is a valid input variable name (`([0-9a-zA-Z][_-]?){1,100}`).
    public static func isVariableName(_ name: String) -> Bool {
        var groups = 0
        var afterSeparator = true
        for character in name {
            if character.isASCII && (character.isLetter || character.isNumber) {
                groups += 1
                afterSeparator = false
            } else if character == "_" || character == "-" {
                if afterSeparator { return false }
                afterSeparator = true
            } else {
                return false
            }
        }
        return groups >= 1 && groups <= 100
    }
}
