extension EventStreamDecoder {
    /// Parses a headers section that must be consumed exactly.
    static func decodeHeaders(_ bytes: ArraySlice<UInt8>) throws(EventStreamDecodingError) -> [EventStreamHeader] {
        var reader = EventStreamByteReader(bytes)
        var headers: [EventStreamHeader] = []
        while !reader.isAtEnd {
            guard let nameLength = reader.readInteger(UInt8.self), let nameBytes = reader.readBytes(Int(nameLength)) else {
                throw .invalidHeader("truncated header name")
            }
            guard nameLength > 0, let name = EventStreamFormat.validUTF8String(nameBytes) else {
                throw .invalidHeader("header name is empty or not UTF-8")
            }
            guard let typeID = reader.readInteger(UInt8.self) else {
                throw .invalidHeader("header \(name) has no value type")
            }
            guard typeID <= 9 else {
                throw .invalidHeader("header \(name) has unknown value type \(typeID)")
            }
            guard let value = EventStreamHeaderValue.decode(typeID: typeID, from: &reader) else {
                throw .invalidHeader("header \(name) has a truncated or malformed value")
            }
            headers.append(EventStreamHeader(name: name, value: value))
        }
        return headers
    }
}
