import Foundation
import Yams

/// An OpenAPI document given as JSON or YAML text (an agent action group's API schema),
/// checked for what Bedrock needs of it: an OpenAPI 3 document with paths.
public enum OpenAPIDocument {
    /// What is wrong with `text` as an OpenAPI 3 document, or nil when it is usable.
    public static func problem(in text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return "the OpenAPI schema is empty" }
        guard let parsed = load(trimmed) else {
            return trimmed.hasPrefix("{") ? "the OpenAPI schema is not valid JSON" : "the OpenAPI schema is neither valid JSON nor valid YAML"
        }
        guard let document = parsed as? [String: Any] else { return "the OpenAPI schema must be a JSON object or YAML mapping" }
        guard let version = document["openapi"].map({ "\($0)" }) else {
            return "the OpenAPI schema has no `openapi` version field; Bedrock agents need OpenAPI 3 (e.g. \"openapi\": \"3.0.0\")"
        }
        guard version.hasPrefix("3") else { return "the OpenAPI schema is version \(version); Bedrock agents need OpenAPI 3" }
        guard let paths = document["paths"] as? [String: Any], !paths.isEmpty else {
            return "the OpenAPI schema has no `paths`; describe at least one API path the agent can call"
        }
        if let path = paths.keys.sorted().first(where: { !$0.hasPrefix("/") }) {
            return "the OpenAPI path `\(path)` must start with /"
        }
        return nil
    }

    /// The document parsed as JSON (when it starts with `{`) or YAML; nil when it is neither.
    static func load(_ text: String) -> Any? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") { return try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) }
        return try? Yams.load(yaml: trimmed)
    }
}
