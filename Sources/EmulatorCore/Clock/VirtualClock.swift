import Foundation
import Synchronization

/// A clock that moves only when told: tests advance it to make jobs finish and quota
/// windows pass without waiting.
public final class VirtualClock: EmulatorClock {
    private let current: Mutex<Date>

    /// Starts at `start` (by default the machine's time, rounded down to the second).
    public init(start: Date = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))) {
        current = Mutex(start)
    }

    public func now() -> Date { current.withLock { $0 } }

    /// Moves the clock forward; a negative step is refused (time never runs backwards here).
    @discardableResult
    public func advance(by seconds: TimeInterval) -> Bool {
        guard seconds >= 0, seconds.isFinite else { return false }
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
        return true
    }

    /// Sets the clock to `date`, which must not be earlier than now.
    @discardableResult
    public func set(_ date: Date) -> Bool {
        current.withLock { now in
            guard date >= now else { return false }
            now = date
            return true
        }
    }
}
