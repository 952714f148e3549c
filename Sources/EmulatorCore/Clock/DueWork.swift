import Synchronization

/// Work that falls due as time passes (jobs finishing, invocations completing). Handlers
/// add a sweep; moving the virtual clock runs every sweep before the move is answered, so
/// a test sees the side effects at once.
public final class DueWork: Sendable {
    public typealias Sweep = @Sendable () async -> Void
    private let sweeps = Mutex<[Sweep]>([])
    /// Settles one thing at a time: the ticker, a clock move and a handler may all settle.
    public let serial = SerialRunner()

    public init() {}

    public func add(_ sweep: @escaping Sweep) {
        sweeps.withLock { $0.append(sweep) }
    }

    /// Runs every sweep, in the order they were added; one run at a time.
    public func run() async {
        let all = sweeps.withLock { $0 }
        _ = try? await serial.run {
            for sweep in all { await sweep() }
        }
    }
}
