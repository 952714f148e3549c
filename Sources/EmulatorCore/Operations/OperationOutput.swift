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
    /// Headers the output shape does not model but the service sends (Bedrock's token counts).
    public var headers: [(name: String, value: String)]
    /// Tokens the call consumed, for the journal (and quotas): input and output.
    public var usage: (input: Int, output: Int)?
    /// Every event existed before the answer began (no pacing, no fault mid-stream), so the
    /// gateway may write them together instead of one write per event.
    public var eventsKnownUpFront = false

    public init(
        _ value: ShapeValue = .map([:]), events: AsyncThrowingStream<Event, any Error>? = nil,
        headers: [(name: String, value: String)] = [], usage: (input: Int, output: Int)? = nil
    ) {
        self.value = value
        self.events = events
        self.headers = headers
        self.usage = usage
    }

    /// A stream of events that are all known up front, ended by `failure` when given.
    public static func stream(of events: [Event], thenThrowing failure: (any Error)? = nil) -> AsyncThrowingStream<Event, any Error> {
        AsyncThrowingStream { continuation in
            for event in events { continuation.yield(event) }
            continuation.finish(throwing: failure)
        }
    }
}
