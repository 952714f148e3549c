/// One frame of an `application/vnd.amazon.eventstream` stream: ordered headers and a payload.
public struct EventStreamMessage: Sendable, Equatable {
    /// The headers in wire order; names may repeat, though AWS never repeats them.
    public var headers: [EventStreamHeader]
    /// The raw payload, usually JSON.
    public var payload: [UInt8]

    /// Creates a message.
    public init(headers: [EventStreamHeader] = [], payload: [UInt8] = []) {
        self.headers = headers
        self.payload = payload
    }

    /// Returns the value of the first header called `name`, if any.
    public func header(_ name: String) -> EventStreamHeaderValue? {
        headers.first { $0.name == name }?.value
    }
}
