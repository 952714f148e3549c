extension EventStreamHeaderValue {
    /// The wire type id that precedes the value.
    var typeID: UInt8 {
        switch self {
        case .bool(let value): value ? 0 : 1
        case .byte: 2
        case .short: 3
        case .integer: 4
        case .long: 5
        case .bytes: 6
        case .string: 7
        case .timestamp: 8
        case .uuid: 9
        }
    }

    /// Appends the type id and the value's wire form.
    ///
    /// Bytes and string values longer than 65,535 bytes are truncated (strings at a character
    /// boundary) and UUIDs are padded or cut to 16 bytes, so the frame stays decodable.
    func encode(into bytes: inout [UInt8]) {
        bytes.append(typeID)
        switch self {
        case .bool:
            break
        case .byte(let value):
            EventStreamFormat.append(value, to: &bytes)
        case .short(let value):
            EventStreamFormat.append(value, to: &bytes)
        case .integer(let value):
            EventStreamFormat.append(value, to: &bytes)
        case .long(let value), .timestamp(let value):
            EventStreamFormat.append(value, to: &bytes)
        case .bytes(let value):
            assert(value.count <= EventStreamFormat.maximumValueLength, "event-stream bytes header value too long")
            let kept = value.prefix(EventStreamFormat.maximumValueLength)
            EventStreamFormat.append(UInt16(kept.count), to: &bytes)
            bytes.append(contentsOf: kept)
        case .string(let value):
            let utf8 = Array(value.utf8)
            assert(utf8.count <= EventStreamFormat.maximumValueLength, "event-stream string header value too long")
            let kept = EventStreamFormat.truncatedUTF8(utf8, limit: EventStreamFormat.maximumValueLength)
            EventStreamFormat.append(UInt16(kept.count), to: &bytes)
            bytes.append(contentsOf: kept)
        case .uuid(let value):
            assert(value.count == 16, "event-stream uuid header value must be 16 bytes")
            bytes.append(contentsOf: value.prefix(16))
            bytes.append(contentsOf: repeatElement(0, count: max(0, 16 - value.count)))
        }
    }

    /// Reads a value of wire type `typeID` from `reader`; nil when the type is unknown or the bytes run out.
    static func decode(typeID: UInt8, from reader: inout EventStreamByteReader) -> EventStreamHeaderValue? {
        switch typeID {
        case 0: return .bool(true)
        case 1: return .bool(false)
        case 2: return reader.readInteger(Int8.self).map(EventStreamHeaderValue.byte)
        case 3: return reader.readInteger(Int16.self).map(EventStreamHeaderValue.short)
        case 4: return reader.readInteger(Int32.self).map(EventStreamHeaderValue.integer)
        case 5: return reader.readInteger(Int64.self).map(EventStreamHeaderValue.long)
        case 6:
            guard let count = reader.readInteger(UInt16.self), let value = reader.readBytes(Int(count)) else { return nil }
            return .bytes(Array(value))
        case 7:
            guard let count = reader.readInteger(UInt16.self), let value = reader.readBytes(Int(count)),
                  let string = EventStreamFormat.validUTF8String(value) else { return nil }
            return .string(string)
        case 8: return reader.readInteger(Int64.self).map(EventStreamHeaderValue.timestamp)
        case 9: return reader.readBytes(16).map { .uuid(Array($0)) }
        default: return nil
        }
    }
}
