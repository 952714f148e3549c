/// A bounds-checked cursor over buffered bytes that reads big-endian integers.
struct EventStreamByteReader {
    private let bytes: ArraySlice<UInt8>
    private var index: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.index = bytes.startIndex
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { index == bytes.endIndex }

    /// Reads the next `count` bytes, or nil (consuming nothing) when fewer remain.
    mutating func readBytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, bytes.endIndex - index >= count else { return nil }
        defer { index += count }
        return bytes[index..<index + count]
    }

    /// Reads a big-endian integer, or nil (consuming nothing) when too few bytes remain.
    mutating func readInteger<T: FixedWidthInteger>(_: T.Type) -> T? {
        guard let raw = readBytes(MemoryLayout<T>.size) else { return nil }
        return raw.reduce(T.zero) { ($0 << 8) | T(truncatingIfNeeded: $1) }
    }
}
