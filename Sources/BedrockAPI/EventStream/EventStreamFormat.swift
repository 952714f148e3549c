/// Layout constants of the event-stream wire format.
enum EventStreamFormat {
    /// Total length, headers length and prelude CRC, four bytes each.
    static let preludeLength = 12
    /// The prelude plus the trailing message CRC: a message with no headers and no payload.
    static let minimumMessageLength = 16
    /// The largest frame AWS sends or accepts.
    static let maximumMessageLength = 16 * 1024 * 1024
    /// The largest headers section AWS allows.
    static let maximumHeadersLength = 128 * 1024
    /// The longest header name, bounded by its one-byte length prefix.
    static let maximumNameLength = Int(UInt8.max)
    /// The longest string or bytes value, bounded by its two-byte length prefix.
    static let maximumValueLength = Int(UInt16.max)

    /// Appends `value` in big-endian byte order.
    static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        let bigEndian = value.bigEndian
        withUnsafeBytes(of: bigEndian) { bytes.append(contentsOf: $0) }
    }

    /// Returns the longest prefix of `bytes` no longer than `limit` that does not split a UTF-8 sequence.
    static func truncatedUTF8(_ bytes: [UInt8], limit: Int) -> ArraySlice<UInt8> {
        guard bytes.count > limit else { return bytes[...] }
        var end = limit
        // Back off continuation bytes (10xxxxxx) so the cut lands on a character start.
        while end > 0, bytes[end] & 0xC0 == 0x80 {
            end -= 1
        }
        return bytes[..<end]
    }

    /// Returns `bytes` as a string, or nil when they are not valid UTF-8.
    static func validUTF8String(_ bytes: ArraySlice<UInt8>) -> String? {
        // `String(validating:as:)` needs macOS 15; a lossy decode that round-trips is equally strict.
        let string = String(decoding: bytes, as: UTF8.self)
        return string.utf8.elementsEqual(bytes) ? string : nil
    }
}
