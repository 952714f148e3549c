import Foundation

/// Turns wire JSON into a `ShapeValue` typed by a shape: base64 becomes bytes, timestamps
/// become dates, numbers are checked against integer or float shapes. Members the shape does
/// not name are dropped, as AWS ignores them.
public struct ShapeDecoder: Sendable {
    public let service: ServiceModel

    public init(service: ServiceModel) { self.service = service }

    /// Decodes `json` as shape `shapeName`; `path` names the place for error messages.
    public func decode(_ json: JSONValue, as shapeName: String, path: String) throws(BedrockError) -> ShapeValue {
        let shape = service.shape(shapeName)
        if case .null = json { return .null }
        if shape.isDocument { return Self.document(json) }
        switch (shape.type, json) {
        case (.structure, .object(let members)):
            return .map(try decodeMembers(members, of: shape, path: path))
        case (.list, .array(let elements)):
            var out: [ShapeValue] = []
            out.reserveCapacity(elements.count)
            for (i, element) in elements.enumerated() {
                out.append(try decode(element, as: shape.member!, path: Self.join(path, "\(i + 1).member")))
            }
            return .list(out)
        case (.map, .object(let members)):
            var out: [String: ShapeValue] = [:]
            for (key, value) in members {
                out[key] = try decode(value, as: shape.value!, path: Self.join(path, key))
            }
            return .map(out)
        case (.string, .string(let s)):
            return .string(s)
        case (.boolean, .bool(let b)):
            return .bool(b)
        case (.integer, .integer(let i)), (.long, .integer(let i)):
            if shape.type == .integer, i < Int64(Int32.min) || i > Int64(Int32.max) {
                throw Self.typeError(json, path: path, expected: "a 32-bit integer")
            }
            return .integer(i)
        case (.float, .integer(let i)), (.double, .integer(let i)):
            return .double(Double(i))
        case (.float, .double(let d)), (.double, .double(let d)):
            return .double(d)
        case (.float, .string(let s)), (.double, .string(let s)):
            // Smithy sends non-finite floats as strings.
            if ["NaN", "Infinity", "-Infinity"].contains(s), let d = Double(s.replacingOccurrences(of: "Infinity", with: "inf")) {
                return .double(d)
            }
            throw Self.typeError(json, path: path, expected: "a number")
        case (.blob, .string(let s)):
            guard let data = Data(base64Encoded: s) else { throw Self.typeError(json, path: path, expected: "base64-encoded bytes") }
            return .blob(data)
        case (.timestamp, .integer(let i)):
            return .timestamp(Date(timeIntervalSince1970: Double(i)))
        case (.timestamp, .double(let d)):
            return .timestamp(Date(timeIntervalSince1970: d))
        case (.timestamp, .string(let s)):
            guard let date = Timestamp.parse(s) else { throw Self.typeError(json, path: path, expected: "a timestamp") }
            return .timestamp(date)
        default:
            throw Self.typeError(json, path: path, expected: Self.expectation(shape.type))
        }
    }

    /// Decodes the members of `structure` that travel in a JSON body (those with no HTTP location).
    public func decodeMembers(_ members: [String: JSONValue], of structure: Shape, path: String) throws(BedrockError) -> [String: ShapeValue] {
        var out: [String: ShapeValue] = [:]
        for (name, member) in structure.members ?? [:] where member.location == nil {
            guard let value = members[member.locationName ?? name] else { continue }
            let decoded = try decode(value, as: member.shape, path: Self.join(path, name))
            if decoded != .null { out[name] = decoded }
        }
        return out
    }

    /// A free-form document keeps its JSON types.
    public static func document(_ json: JSONValue) -> ShapeValue {
        switch json {
        case .null: .null
        case .bool(let b): .bool(b)
        case .integer(let i): .integer(i)
        case .double(let d): .double(d)
        case .string(let s): .string(s)
        case .array(let a): .list(a.map(document))
        case .object(let o): .map(o.mapValues(document))
        }
    }

    static func join(_ path: String, _ name: String) -> String {
        path.isEmpty ? name : path + "." + name
    }

    static func expectation(_ kind: Shape.Kind) -> String {
        switch kind {
        case .structure, .map: "an object"
        case .list: "an array"
        case .string: "a string"
        case .boolean: "a boolean"
        case .integer, .long: "an integer"
        case .float, .double: "a number"
        case .blob: "base64-encoded bytes"
        case .timestamp: "a timestamp"
        }
    }

    static func typeError(_ json: JSONValue, path: String, expected: String) -> BedrockError {
        .validation("1 validation error detected: Value at '\(path)' failed to satisfy constraint: Member must be \(expected), not \(json.typeName)")
    }
}
