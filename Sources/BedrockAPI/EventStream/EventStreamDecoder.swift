/// Incrementally splits buffered `application/vnd.amazon.eventstream` bytes into messages.
///
/// After `next()` throws, the stream is corrupt: the offending frame stays buffered and every
/// later call throws again.
public struct EventStreamDecoder: Sendable {
    private var buffer: [UInt8] = []
    /// Where the first undecoded frame starts; consumed bytes are dropped lazily to keep appends cheap.
    private var start = 0

    /// Creates an empty decoder.
    public init() {}

    /// The number of received bytes not yet returned as messages; nonzero at end of stream means a truncated frame.
    public var bufferedByteCount: Int { buffer.count - start }

    /// Adds received bytes to the buffer.
    public mutating func append(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    /// Returns the next complete message, or nil when the buffer does not yet hold one.
    public mutating func next() throws(EventStreamDecodingError) -> EventStreamMessage? {
        guard bufferedByteCount >= EventStreamFormat.preludeLength else { return nil }
        guard CRC32.checksum(buffer[start..<start + 8]) == readUInt32(at: start + 8) else {
            throw .preludeChecksumMismatch
        }
        let total = Int(readUInt32(at: start))
        let headers = Int(readUInt32(at: start + 4))
        guard total >= EventStreamFormat.minimumMessageLength, total <= EventStreamFormat.maximumMessageLength else {
            throw .invalidLength(total)
        }
        guard headers <= EventStreamFormat.maximumHeadersLength,
              headers <= total - EventStreamFormat.minimumMessageLength
        else {
            throw .invalidLength(headers)
        }
        guard bufferedByteCount >= total else { return nil }

        let end = start + total
        guard readUInt32(at: end - 4) == CRC32.checksum(buffer[start..<(end - 4)]) else {
            throw .messageChecksumMismatch
        }
        let headersStart = start + EventStreamFormat.preludeLength
        let payloadStart = headersStart + headers
        let message = EventStreamMessage(
            headers: try Self.decodeHeaders(buffer[headersStart..<payloadStart]),
            payload: Array(buffer[payloadStart..<(end - 4)])
        )
        consume(total)
        return message
    }

    /// Reads a big-endian UInt32 straight from the buffer; holding no slice keeps later compaction copy-free.
    private func readUInt32(at offset: Int) -> UInt32 {
        buffer[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// Marks `count` bytes as decoded, compacting once the dead prefix dominates the buffer.
    private mutating func consume(_ count: Int) {
        start += count
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start >= 64 * 1024, start * 2 >= buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
    }
}
