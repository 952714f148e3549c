import Foundation
import Testing
@testable import EmulatorCore

@Suite struct VirtualClockTests {
    @Test func movesOnlyForwardAndOnlyWhenTold() {
        let start = Date(timeIntervalSince1970: 1_767_225_600)
        let clock = VirtualClock(start: start)
        #expect(clock.now() == start)
        #expect(clock.advance(by: 3600))
        #expect(clock.now() == start.addingTimeInterval(3600))
        #expect(!clock.advance(by: -1))
        #expect(!clock.set(start))
        #expect(clock.set(start.addingTimeInterval(7200)))
        #expect(clock.now() == start.addingTimeInterval(7200))
    }

    @Test func dueWorkRunsEverySweepInOrder() async {
        let work = DueWork()
        let log = Locked<[Int]>([])
        work.add { log.withLock { $0.append(1) } }
        work.add { log.withLock { $0.append(2) } }
        await work.run()
        #expect(log.withLock { $0 } == [1, 2])
    }
}
