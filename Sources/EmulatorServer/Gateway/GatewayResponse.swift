import BedrockAPI

/// The gateway's answer: the response head and body, and for streaming operations the
/// event-stream frames to write after it, produced as the handler produces events.
public struct GatewayResponse: Sendable {
    public var response: EncodedResponse
    public var frames: EventFrameSequence?
    /// For a stream: its journal entry and when the call began, so the entry's latency can
    /// cover the whole stream, pacing included, once the last frame is written.
    var journaled: (sequence: Int, started: ContinuousClock.Instant)?
}
