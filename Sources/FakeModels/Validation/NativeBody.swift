import BedrockAPI

/// Reads a model's native request body and collects what is wrong with it the way Bedrock
/// words it (`Malformed input request: #/temperature: 1.5 is not less or equal to 1, please
/// reformat your input and try again.`), so every codec reports errors alike.
public struct NativeBody {
    public let object: [String: JSONValue]
    let path: String
    private(set) var violations: [String] = []

    /// The top level of a body; anything but an object is refused at once.
    public init(_ json: JSONValue) throws(BedrockError) {
        guard case .object(let object) = json else {
            throw Self.malformed(["#: expected type: JSONObject, found: \(Self.typeName(json))"])
        }
        self.init(object: object, path: "#")
    }

    init(object: [String: JSONValue], path: String) {
        self.object = object
        self.path = path
    }

    public subscript(key: String) -> JSONValue? { object[key] }

    /// Notes a violation at `key` (or at this object when nil).
    public mutating func fail(_ key: String?, _ message: String) {
        violations.append("\(key.map { "\(path)/\($0)" } ?? path): \(message)")
    }

    public mutating func require(_ keys: String...) {
        for key in keys where object[key] == nil || object[key] == .null { fail(nil, "required key [\(key)] not found") }
    }

    /// Keys outside `allowed` are refused, as the Anthropic and Nova schemas do.
    public mutating func onlyKeys(_ allowed: Set<String>) {
        for key in object.keys.sorted() where !allowed.contains(key) { fail(nil, "extraneous key [\(key)] is not permitted") }
    }

    public mutating func string(_ key: String, oneOf allowed: [String]? = nil) -> String? {
        guard let value = present(key) else { return nil }
        guard case .string(let s) = value else { return mismatch(key, "String", value) }
        if let allowed, !allowed.contains(s) { fail(key, "\(s) is not a valid enum value") }
        return s
    }

    public mutating func integer(_ key: String, min: Int? = nil, max: Int? = nil) -> Int? {
        guard let value = present(key) else { return nil }
        guard let i = value.intValue else { return mismatch(key, "Integer", value) }
        if let min, i < min { fail(key, "\(i) is not greater or equal to \(min)") }
        if let max, i > max { fail(key, "\(i) is not less or equal to \(max)") }
        return i
    }

    public mutating func number(_ key: String, min: Double? = nil, max: Double? = nil) -> Double? {
        guard let value = present(key) else { return nil }
        guard let d = value.doubleValue else { return mismatch(key, "Number", value) }
        if let min, d < min { fail(key, "\(value.jsonText) is not greater or equal to \(Validator.bound(min))") }
        if let max, d > max { fail(key, "\(value.jsonText) is not less or equal to \(Validator.bound(max))") }
        return d
    }

    public mutating func bool(_ key: String) -> Bool? {
        guard let value = present(key) else { return nil }
        guard case .bool(let b) = value else { return mismatch(key, "Boolean", value) }
        return b
    }

    public mutating func array(_ key: String, maxItems: Int? = nil) -> [JSONValue]? {
        guard let value = present(key) else { return nil }
        guard case .array(let items) = value else { return mismatch(key, "JSONArray", value) }
        if let maxItems, items.count > maxItems { fail(key, "expected maximum item count: \(maxItems), found: \(items.count)") }
        return items
    }

    public mutating func strings(_ key: String, maxItems: Int? = nil) -> [String]? {
        guard let items = array(key, maxItems: maxItems) else { return nil }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let s) = item else {
                fail("\(key)/\(index)", "expected type: String, found: \(Self.typeName(item))")
                continue
            }
            result.append(s)
        }
        return result
    }

    /// A nested object, read with the same rules; its violations join this body's.
    public mutating func object<T>(_ key: String, _ read: (inout NativeBody) -> T) -> T? {
        guard let value = present(key) else { return nil }
        guard case .object(let members) = value else { return mismatch(key, "JSONObject", value) }
        var nested = NativeBody(object: members, path: "\(path)/\(key)")
        let result = read(&nested)
        violations += nested.violations
        return result
    }

    /// Each element of an array of objects, read with the same rules.
    public mutating func objects<T>(_ key: String, _ read: (inout NativeBody) -> T) -> [T]? {
        guard let items = array(key) else { return nil }
        var results: [T] = []
        for (index, item) in items.enumerated() {
            guard case .object(let members) = item else {
                fail("\(key)/\(index)", "expected type: JSONObject, found: \(Self.typeName(item))")
                continue
            }
            var nested = NativeBody(object: members, path: "\(path)/\(key)/\(index)")
            results.append(read(&nested))
            violations += nested.violations
        }
        return results
    }

    /// Throws the collected violations, if any.
    public func finish() throws(BedrockError) {
        if !violations.isEmpty { throw Self.malformed(violations) }
    }

    private func present(_ key: String) -> JSONValue? {
        guard let value = object[key], value != .null else { return nil }
        return value
    }

    private mutating func mismatch<T>(_ key: String, _ expected: String, _ value: JSONValue) -> T? {
        fail(key, "expected type: \(expected), found: \(Self.typeName(value))")
        return nil
    }

    static func malformed(_ violations: [String]) -> BedrockError {
        let detail = violations.count == 1
            ? violations[0] : "#: \(violations.count) schema violations found: " + violations.joined(separator: "; ")
        return .validation("Malformed input request: \(detail), please reformat your input and try again.")
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: "Null"
        case .bool: "Boolean"
        case .integer: "Integer"
        case .double: "BigDecimal"
        case .string: "String"
        case .array: "JSONArray"
        case .object: "JSONObject"
        }
    }
}
