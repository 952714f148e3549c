import Foundation

/// Turns a `ShapeValue` back into wire JSON as its shape says: bytes as base64, timestamps
/// in the shape's format (epoch seconds by default in a rest-json body).
public struct ShapeEncoder: Sendable {
    public let service: ServiceModel

    public init(service: ServiceModel) { self.service = service }

    /// The wire JSON of `value` as shape `shapeName`; members the shape does not name are dropped.
    public func encode(_ value: ShapeValue, as shapeName: String) -> JSONValue {
        let shape = service.shape(shapeName)
        if shape.isDocument { return Self.document(value) }
        switch (shape.type, value) {
        case (_, .null):
            return .null
        case (.structure, .map(let members)):
            var out: [String: JSONValue] = [:]
            for (name, member) in shape.members ?? [:] where member.location == nil {
                guard let memberValue = members[name], memberValue != .null else { continue }
                // A list the model says holds at least one element is left out when empty, as AWS does.
                if case .list(let elements) = memberValue, elements.isEmpty, (service.shape(member.shape).min ?? 0) >= 1 { continue }
                out[member.locationName ?? name] = encode(memberValue, as: member.shape)
            }
            return .object(out)
        case (.list, .list(let elements)):
            return .array(elements.map { encode($0, as: shape.member!) })
        case (.map, .map(let members)):
            return .object(members.mapValues { encode($0, as: shape.value!) })
        case (.blob, .blob(let data)):
            return .string(data.base64EncodedString())
        case (.blob, .string(let s)):
            return .string(Data(s.utf8).base64EncodedString())
        case (.timestamp, .timestamp(let date)):
            return Self.timestamp(date, format: shape.timestampFormat ?? "unixTimestamp")
        case (.float, .integer(let i)), (.double, .integer(let i)):
            return .double(Double(i))
        case (.integer, .double(let d)), (.long, .double(let d)):
            return .integer(Int64(d))
        default:
            return Self.document(value)
        }
    }

    /// Whole seconds as an integer, as AWS writes them; a fraction only when there is one.
    static func epochSeconds(_ date: Date) -> JSONValue {
        let seconds = Timestamp.epochSeconds(date)
        return seconds == seconds.rounded() ? .integer(Int64(seconds)) : .double(seconds)
    }

    static func timestamp(_ date: Date, format: String) -> JSONValue {
        switch format {
        case "iso8601": .string(Timestamp.iso8601(date))
        case "rfc822": .string(Timestamp.httpDate(date))
        default: Self.epochSeconds(date)
        }
    }

    /// The JSON of a value with no shape to guide it.
    public static func document(_ value: ShapeValue) -> JSONValue {
        switch value {
        case .null: .null
        case .bool(let b): .bool(b)
        case .integer(let i): .integer(i)
        case .double(let d): .double(d)
        case .string(let s): .string(s)
        case .blob(let data): .string(data.base64EncodedString())
        case .timestamp(let date): .string(Timestamp.iso8601(date))
        case .list(let l): .array(l.map(document))
        case .map(let m): .object(m.mapValues(document))
        }
    }
}
