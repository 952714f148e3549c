/// Runs async work one piece at a time, in the order it arrives: settling a job from a
/// sweep and from a Get at once would otherwise write its end twice.
public actor SerialRunner {
    private var tail: Task<Void, Never>?

    public init() {}

    public func run<Result: Sendable>(_ work: @escaping @Sendable () async throws -> Result) async throws -> Result {
        let previous = tail
        let task = Task<Result, any Error> {
            await previous?.value
            return try await work()
        }
        tail = Task { _ = try? await task.value }
        return try await task.value
    }
}
