import BedrockAPI

/// What a handler returns: the output value, shaped like the operation's output shape, and
/// for streaming operations the events of its event-stream member.
public struct OperationOutput: Sendable {
    /// One event of an event stream: the union member's name and its value.
    public struct Event: Sendable {
        public let name: String
        public let value: ShapeValue

        public init(_ name: String, _ value: ShapeValue) {
            self.name = name
            self.value = value
        }
    }

    public var value: ShapeValue
    /// The events, produced as the stream is written; a thrown `BedrockError` ends the
    /// stream with that exception.
    public var events: AsyncThrowingStream<Event, any Error>?

    public init(_ value: ShapeValue = .map([:]), events: AsyncThrowingStream<Event, any Error>? = nil) {
        self.value = value
        self.events = events
    }
}
