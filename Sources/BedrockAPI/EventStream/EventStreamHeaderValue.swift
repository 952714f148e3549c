/// A typed header value of an `application/vnd.amazon.eventstream` message.
public enum EventStreamHeaderValue: Sendable, Equatable {
    case bool(Bool)
    case byte(Int8)
    case short(Int16)
    case integer(Int32)
    case long(Int64)
    case bytes([UInt8])
    case string(String)
    /// Milliseconds since the Unix epoch.
    case timestamp(Int64)
    /// The UUID's 16 raw bytes.
    case uuid([UInt8])
}
