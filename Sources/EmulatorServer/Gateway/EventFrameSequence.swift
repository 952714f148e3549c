import BedrockAPI
import EmulatorCore

/// The encoded frames of a handler's event stream. An error the handler throws becomes the
/// stream's last frame: the modeled exception event when the stream's union has one.
public struct EventFrameSequence: AsyncSequence, Sendable {
    public typealias Element = [UInt8]

    let events: AsyncThrowingStream<OperationOutput.Event, any Error>
    let encoder: ResponseEncoder
    let union: String
    /// Every frame is ready at once (see `OperationOutput.eventsKnownUpFront`).
    let knownUpFront: Bool

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<OperationOutput.Event, any Error>.AsyncIterator
        let encoder: ResponseEncoder
        let union: String
        var finished = false

        public mutating func next() async -> [UInt8]? {
            guard !finished else { return nil }
            do {
                guard let event = try await base.next() else { return nil }
                return EventStreamEncoder.encode(encoder.eventMessage(event.name, event.value, union: union))
            } catch {
                finished = true
                let failure = error as? BedrockError ?? .internalServer()
                return EventStreamEncoder.encode(encoder.exceptionMessage(failure, union: union))
            }
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: events.makeAsyncIterator(), encoder: encoder, union: union)
    }
}
