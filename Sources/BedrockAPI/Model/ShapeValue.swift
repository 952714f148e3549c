import Foundation

/// A value of any shape in the API model, decoded from the wire and typed by its shape:
/// blobs are bytes and timestamps are dates, whatever their wire encoding was.
public enum ShapeValue: Sendable, Equatable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case double(Double)
    case string(String)
    case blob(Data)
    case timestamp(Date)
    case list([ShapeValue])
    case map([String: ShapeValue])
}

extension ShapeValue {
    public subscript(key: String) -> ShapeValue? {
        if case .map(let members) = self { return members[key] }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var intValue: Int? {
        switch self {
        case .integer(let i): return Int(exactly: i)
        case .double(let d): return Int(exactly: d)
        default: return nil
        }
    }

    public var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var listValue: [ShapeValue]? {
        if case .list(let l) = self { return l }
        return nil
    }

    public var mapValue: [String: ShapeValue]? {
        if case .map(let m) = self { return m }
        return nil
    }

    public var blobValue: Data? {
        if case .blob(let d) = self { return d }
        return nil
    }

    public var timestampValue: Date? {
        if case .timestamp(let t) = self { return t }
        return nil
    }
}

extension ShapeValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByFloatLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: ShapeValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, ShapeValue)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
