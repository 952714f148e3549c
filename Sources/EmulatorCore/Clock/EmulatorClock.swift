import Foundation

/// The time every timestamp, quota window and job status follows.
public protocol EmulatorClock: Sendable {
    func now() -> Date
}

/// The machine's clock.
public struct SystemClock: EmulatorClock {
    public init() {}
    public func now() -> Date { Date() }
}
