import BedrockAPI
import Foundation

/// Bedrock's prompt template syntax: `{{name}}` placeholders filled from named values
/// (prompt management, flow prompt nodes). Strings go in as they are, other values as JSON;
/// a placeholder with no value stays as written.
public enum PromptVariables {
    /// `text` with every `{{name}}` replaced by its value.
    public static func render(_ text: String, _ values: [String: ShapeValue]) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            result += rest[..<open.lowerBound]
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let value = values[name] {
                result += value.stringValue ?? ShapeEncoder.document(value).jsonText
            } else {
                result += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    /// The names of the placeholders in `text`, in order, each once.
    public static func variables(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if !names.contains(name) { names.append(name) }
            rest = rest[close.upperBound...]
        }
        return names
    }
}
