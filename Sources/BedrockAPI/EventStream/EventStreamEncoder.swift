/// Serializes messages into `application/vnd.amazon.eventstream` frames.
public enum EventStreamEncoder {
    /// Returns the wire frame of `message`: prelude, prelude CRC, headers, payload and message CRC.
    ///
    /// Callers pass valid headers: names of 1–255 UTF-8 bytes, string and bytes values of at most
    /// 65,535 bytes and 16-byte UUIDs. Debug builds assert this; release builds truncate names and
    /// values to fit (strings at a character boundary) and pad or cut UUIDs, so the frame stays
    /// well formed. Frames over 16 MiB are produced but rejected by decoders.
    public static func encode(_ message: EventStreamMessage) -> [UInt8] {
        var headerBytes: [UInt8] = []
        for header in message.headers {
            encode(header, into: &headerBytes)
        }
        let totalLength = EventStreamFormat.minimumMessageLength + headerBytes.count + message.payload.count
        assert(totalLength <= EventStreamFormat.maximumMessageLength, "event-stream message exceeds 16 MiB")

        var frame: [UInt8] = []
        frame.reserveCapacity(totalLength)
        EventStreamFormat.append(UInt32(truncatingIfNeeded: totalLength), to: &frame)
        EventStreamFormat.append(UInt32(truncatingIfNeeded: headerBytes.count), to: &frame)
        EventStreamFormat.append(CRC32.checksum(frame), to: &frame)
        frame.append(contentsOf: headerBytes)
        frame.append(contentsOf: message.payload)
        EventStreamFormat.append(CRC32.checksum(frame), to: &frame)
        return frame
    }

    /// Appends one header: name length, name, then the typed value.
    private static func encode(_ header: EventStreamHeader, into bytes: inout [UInt8]) {
        let name = Array(header.name.utf8)
        assert(!name.isEmpty && name.count <= EventStreamFormat.maximumNameLength, "event-stream header name must be 1-255 bytes")
        let kept = EventStreamFormat.truncatedUTF8(name, limit: EventStreamFormat.maximumNameLength)
        bytes.append(UInt8(kept.count))
        bytes.append(contentsOf: kept)
        header.value.encode(into: &bytes)
    }
}
