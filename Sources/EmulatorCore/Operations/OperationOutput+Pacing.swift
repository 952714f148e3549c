import BedrockAPI

extension OperationOutput {
    /// A streaming answer of `events`, written as `stream(of:outputTokens:decision:)` says.
    public init(
        _ value: ShapeValue = .map([:]), events: [Event], outputTokens: Int, decision: RuleDecision?, usage: (input: Int, output: Int)? = nil
    ) {
        self.init(value, events: Self.stream(of: events, outputTokens: outputTokens, decision: decision), usage: usage)
        eventsKnownUpFront = !Self.paces(decision)
    }

    /// Whether `decision` spreads a stream over time or breaks it part-way.
    static func paces(_ decision: RuleDecision?) -> Bool {
        decision?.action.latency != nil || decision?.action.error?.midStream == true
    }

    /// Events known up front, written as a scenario rule says: the first after its
    /// first-token latency, the rest spread over the time its tokens per second give
    /// `outputTokens` (the emulator sleeps; it does not fake timestamps), and a mid-stream
    /// error in place of the events after its cut.
    public static func stream(of events: [Event], outputTokens: Int, decision: RuleDecision?) -> AsyncThrowingStream<Event, any Error> {
        guard paces(decision) else { return stream(of: events) }
        let failure = decision?.action.error.flatMap { $0.midStream ? $0 : nil }
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
