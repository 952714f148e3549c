import BedrockAPI

extension OperationOutput {
    /// Events known up front, written as a scenario rule says: the first after its
    /// first-token latency, the rest spread over the time its tokens per second give
    /// `outputTokens` (the emulator sleeps; it does not fake timestamps), and a mid-stream
    /// error in place of the events after its cut.
    public static func stream(of events: [Event], outputTokens: Int, decision: RuleDecision?) -> AsyncThrowingStream<Event, any Error> {
        let failure = decision?.action.error.flatMap { $0.midStream ? $0 : nil }
        guard decision?.action.latency != nil || failure != nil else { return stream(of: events) }
        let latency = decision?.action.latency ?? Latency()
        let cut = failure.map { min($0.afterEvents ?? events.count / 2, events.count) } ?? events.count
        let interval = events.count > 1 ? Double(latency.generationMs(tokens: outputTokens)) / Double(events.count - 1) : 0
        return AsyncThrowingStream { continuation in
            let writer = Task {
                do {
                    if latency.firstTokenMs > 0 { try await Task.sleep(for: .milliseconds(latency.firstTokenMs)) }
                    for (index, event) in events.prefix(cut).enumerated() {
                        if index > 0 && interval > 0 { try await Task.sleep(for: .milliseconds(interval)) }
                        continuation.yield(event)
                    }
                    if let failure { continuation.finish(throwing: failure.error) } else { continuation.finish() }
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in writer.cancel() }
        }
    }
}
