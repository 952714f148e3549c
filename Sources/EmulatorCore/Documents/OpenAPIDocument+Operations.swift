import BedrockAPI
import Foundation

extension OpenAPIDocument {
    static let methods = ["get", "put", "post", "delete", "patch", "head", "options"]

    /// The operations of an OpenAPI 3 document, by path then method; local `$ref`s to
    /// components are followed. A document `problem(in:)` refuses has none.
    public static func operations(in text: String) -> [OpenAPIOperation] {
        guard problem(in: text) == nil, let document = value(of: text)?.objectValue, let paths = document["paths"]?.objectValue else { return [] }
        let resolve = { (value: JSONValue) in Self.resolve(value, in: .object(document)) }
        var operations: [OpenAPIOperation] = []
        for path in paths.keys.sorted() {
            guard let item = paths[path]?.objectValue else { continue }
            let shared = item["parameters"]?.arrayValue ?? []
            for method in methods {
                guard let operation = item[method]?.objectValue else { continue }
                var parameters = (shared + (operation["parameters"]?.arrayValue ?? [])).compactMap { given -> OpenAPIOperation.Parameter? in
                    let parameter = resolve(given)
                    guard let name = parameter["name"]?.stringValue else { return nil }
                    let location = parameter["in"]?.stringValue ?? "query"
                    return OpenAPIOperation.Parameter(
                        name: name, location: location, schema: resolve(parameter["schema"] ?? ["type": "string"]),
                        required: location == "path" || parameter["required"]?.boolValue == true,
                        description: parameter["description"]?.stringValue ?? "")
                }
                var contentType: String?
                if let body = operation["requestBody"].map(resolve), let content = body["content"]?.objectValue,
                    let type = content.keys.contains("application/json") ? "application/json" : content.keys.sorted().first
                {
                    contentType = type
                    let schema = resolve(content[type]?["schema"] ?? [:])
                    let required = Set((schema["required"]?.arrayValue ?? []).compactMap(\.stringValue))
                    for (name, property) in (schema["properties"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
                        let resolved = resolve(property)
                        parameters.append(OpenAPIOperation.Parameter(
                            name: name, location: "body", schema: resolved, required: required.contains(name),
                            description: resolved["description"]?.stringValue ?? ""))
                    }
                }
                operations.append(OpenAPIOperation(
                    path: path, method: method.uppercased(), operationId: operation["operationId"]?.stringValue,
                    description: operation["description"]?.stringValue ?? operation["summary"]?.stringValue ?? "",
                    parameters: parameters, bodyContentType: contentType))
            }
        }
        return operations
    }

    /// `value`, or what its local `$ref` (`#/components/schemas/Order`) points at.
    static func resolve(_ value: JSONValue, in document: JSONValue, depth: Int = 0) -> JSONValue {
        guard depth < 16, let reference = value["$ref"]?.stringValue, reference.hasPrefix("#/") else { return value }
        var target: JSONValue? = document
        for part in reference.dropFirst(2).split(separator: "/") { target = target?[String(part)] }
        return target.map { resolve($0, in: document, depth: depth + 1) } ?? value
    }

    /// The document as JSON: parsed as JSON when it starts with `{`, else as YAML.
    static func value(of text: String) -> JSONValue? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") { return try? JSONParser.parse(Data(trimmed.utf8)) }
        return load(trimmed).map(json)
    }

    /// A value Yams produced, as JSON.
    static func json(_ any: Any) -> JSONValue {
        switch any {
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let whole as Int: return .integer(Int64(whole))
        case let number as Double: return .double(number)
        case let items as [Any]: return .array(items.map(json))
        case let members as [String: Any]: return .object(members.mapValues(json))
        default: return .null
        }
    }
}
