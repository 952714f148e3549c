import BedrockAPI

/// The gateway's answer: the response head and body, and for streaming operations the
/// event-stream frames to write after it, produced as the handler produces events.
public struct GatewayResponse: Sendable {
    public var response: EncodedResponse
    public var frames: EventFrameSequence?
}
