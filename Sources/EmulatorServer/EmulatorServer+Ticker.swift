import EmulatorCore
import Foundation

extension EmulatorServer {
    /// On the system clock, runs what falls due (jobs moving on, invocations completing)
    /// every `interval`, so a job finishes and writes its files whether or not anyone asks
    /// after it. On a virtual clock nothing falls due until the clock is moved.
    @discardableResult
    public func startTicker(every interval: Duration = .milliseconds(250)) -> Task<Void, Never>? {
        guard !(environment.clock is VirtualClock) else { return nil }
        let dueWork = environment.dueWork
        return Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                await dueWork.run()
            }
        }
    }
}
