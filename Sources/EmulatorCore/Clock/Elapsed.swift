/// Real elapsed time, for latencies the emulator reports (never the virtual clock's).
public enum Elapsed {
    /// Whole milliseconds since `start`.
    public static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds) * 1000 + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
