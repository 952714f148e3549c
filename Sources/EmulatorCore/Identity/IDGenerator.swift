/// The source of randomness for ids: seeded (the same ids every run) or system-random.
public final class IDGenerator: Sendable {
    /// A shared unseeded generator.
    public static let random = IDGenerator()

    // nil means "use the system generator", which needs no state.
    private let seeded: Locked<SplitMix64>?

    /// Creates a generator; with a seed it yields the same sequence every run.
    public init(seed: UInt64? = nil) {
        seeded = seed.map { Locked(SplitMix64(seed: $0)) }
    }

    /// The next 64 random bits.
    public func next() -> UInt64 {
        guard let seeded else {
            var system = SystemRandomNumberGenerator()
            return system.next()
        }
        return seeded.withLock { $0.next() }
    }

    /// A uniform integer in `0..<bound`.
    public func next(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let range = UInt64(bound)
        // Reject the top slice of the 64-bit range so every result is equally likely;
        // done by hand so seeded output does not depend on the standard library's algorithm.
        let limit = UInt64.max - (UInt64.max % range)
        while true {
            let value = next()
            if value < limit { return Int(value % range) }
        }
    }
}
