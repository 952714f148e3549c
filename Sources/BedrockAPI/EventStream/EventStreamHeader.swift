/// One named header of an event-stream message.
public struct EventStreamHeader: Sendable, Equatable {
    /// The header name, at most 255 UTF-8 bytes (`:event-type`, `:message-type`, ...).
    public var name: String
    /// The header's typed value.
    public var value: EventStreamHeaderValue

    /// Creates a header.
    public init(name: String, value: EventStreamHeaderValue) {
        self.name = name
        self.value = value
    }
}
