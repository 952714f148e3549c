import BedrockAPI

/// A Retrieve `filter` (`equals`, `in`, `andAll`, ...) applied to a chunk's metadata, with
/// the operators' meanings from the bedrock-agent-runtime documentation.
public struct RetrievalFilter: Sendable {
    /// The `RetrievalFilter` value from the request.
    public var filter: ShapeValue

    public init(_ filter: ShapeValue) { self.filter = filter }

    /// Whether a chunk with `metadata` passes the filter.
    public func matches(_ metadata: [String: ShapeValue]) -> Bool {
        Self.matches(filter, metadata)
    }

    static func matches(_ filter: ShapeValue, _ metadata: [String: ShapeValue]) -> Bool {
        guard let members = filter.mapValue else { return true }
        for (name, argument) in members {
            if name == "andAll" {
                if !(argument.listValue ?? []).allSatisfy({ matches($0, metadata) }) { return false }
                continue
            }
            if name == "orAll" {
                if !(argument.listValue ?? []).contains(where: { matches($0, metadata) }) { return false }
                continue
            }
            guard let key = argument["key"]?.stringValue else { continue }
            if !test(name, metadata[key], argument["value"] ?? .null) { return false }
        }
        return true
    }

    /// One operator on one attribute; a missing attribute passes only the negative operators.
    static func test(_ name: String, _ actual: ShapeValue?, _ wanted: ShapeValue) -> Bool {
        switch name {
        case "notEquals": return actual.map { !same($0, wanted) } ?? true
        case "notIn": return actual.map { value in !(wanted.listValue ?? []).contains { same(value, $0) } } ?? true
        default: break
        }
        guard let actual else { return false }
        switch name {
        case "equals": return same(actual, wanted)
        case "in": return (wanted.listValue ?? []).contains { same(actual, $0) }
        case "greaterThan", "greaterThanOrEquals", "lessThan", "lessThanOrEquals":
            guard let a = actual.doubleValue, let b = wanted.doubleValue else { return false }
            switch name {
            case "greaterThan": return a > b
            case "greaterThanOrEquals": return a >= b
            case "lessThan": return a < b
            default: return a <= b
            }
        case "startsWith":
            guard let a = actual.stringValue, let b = wanted.stringValue else { return false }
            return a.hasPrefix(b)
        case "listContains":
            return (actual.listValue ?? []).contains { same($0, wanted) }
        case "stringContains":
            guard let b = wanted.stringValue else { return false }
            if let a = actual.stringValue { return a.contains(b) }
            return (actual.listValue ?? []).contains { $0.stringValue?.contains(b) == true }
        default:
            return true
        }
    }

    /// Equality that treats 2024 and 2024.0 as one number.
    static func same(_ a: ShapeValue, _ b: ShapeValue) -> Bool {
        if let x = a.doubleValue, let y = b.doubleValue { return x == y }
        return a == b
    }
}
