import BedrockAPI

extension JSONValue {
    /// How a model reads a JSON document: an object as `key: value` lines, keys sorted so
    /// the text is stable; a string as itself; anything else as its JSON text.
    public var documentText: String {
        guard case .object(let fields) = self else { return stringValue ?? jsonText }
        return fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.stringValue ?? $0.value.jsonText)" }.joined(separator: "\n")
    }
}
