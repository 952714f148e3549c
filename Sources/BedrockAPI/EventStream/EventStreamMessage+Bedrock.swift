extension EventStreamMessage {
    /// An `event` message, such as a `chunk` of InvokeModelWithResponseStream.
    public static func event(type: String, payload: [UInt8], contentType: String = "application/json") -> EventStreamMessage {
        EventStreamMessage(
            headers: [
                EventStreamHeader(name: ":event-type", value: .string(type)),
                EventStreamHeader(name: ":content-type", value: .string(contentType)),
                EventStreamHeader(name: ":message-type", value: .string("event")),
            ],
            payload: payload
        )
    }

    /// An `exception` message carrying a modeled error such as `throttlingException`.
    public static func exception(type: String, payload: [UInt8], contentType: String = "application/json") -> EventStreamMessage {
        EventStreamMessage(
            headers: [
                EventStreamHeader(name: ":exception-type", value: .string(type)),
                EventStreamHeader(name: ":content-type", value: .string(contentType)),
                EventStreamHeader(name: ":message-type", value: .string("exception")),
            ],
            payload: payload
        )
    }

    /// An `error` message for an unmodeled failure; the details live in headers and the payload is empty.
    public static func error(code: String, message: String) -> EventStreamMessage {
        EventStreamMessage(
            headers: [
                EventStreamHeader(name: ":error-code", value: .string(code)),
                EventStreamHeader(name: ":error-message", value: .string(message)),
                EventStreamHeader(name: ":message-type", value: .string("error")),
            ],
            payload: []
        )
    }
}
