/// Why an event-stream frame could not be decoded.
public enum EventStreamDecodingError: Error, Sendable, Equatable {
    /// The CRC-32 of the first eight bytes does not match the prelude's checksum.
    case preludeChecksumMismatch
    /// The CRC-32 of the frame does not match its trailing checksum.
    case messageChecksumMismatch
    /// A total length outside 16 bytes...16 MiB, or a headers length that does not fit the frame.
    case invalidLength(Int)
    /// A header that is truncated, has a non-UTF-8 name or string, or has an unknown type id.
    case invalidHeader(String)
}
