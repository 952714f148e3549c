import Foundation
import Synchronization

/// The record of every call, newest last, for tests to assert on: which operations ran,
/// on which model, how they ended and what they cost. Keeps the most recent `capacity`.
public final class Journal: Sendable {
    /// What `entries(matching:)` filters on; nil matches anything.
    public struct Filter: Sendable {
        public var service: String?
        public var operation: String?
        public var modelId: String?
        public var status: Int?
        public var since: Date?
        /// The scenario rule that matched.
        public var rule: String?

        public init(
            service: String? = nil, operation: String? = nil, modelId: String? = nil, status: Int? = nil, since: Date? = nil,
            rule: String? = nil
        ) {
            self.service = service
            self.operation = operation
            self.modelId = modelId
            self.status = status
            self.since = since
            self.rule = rule
        }

        func matches(_ entry: JournalEntry) -> Bool {
            (service.map { $0 == entry.service } ?? true)
                && (operation.map { $0 == entry.operation } ?? true)
                && (modelId.map { $0 == entry.modelId } ?? true)
                && (status.map { $0 == entry.status } ?? true)
                && (since.map { entry.time >= $0 } ?? true)
                && (rule.map { $0 == entry.rule } ?? true)
        }
    }

    /// A ring: once full, the newest entry overwrites the oldest in place, so recording
    /// costs the same however long the emulator has run.
    private struct State {
        var ring: [JournalEntry] = []
        var oldest = 0
        var next = 1

        var entries: [JournalEntry] { Array(ring[oldest...] + ring[..<oldest]) }
    }

    public let capacity: Int
    private let state = Mutex(State())

    public init(capacity: Int = 10_000) {
        self.capacity = max(1, capacity)
    }

    /// Appends `entry`, numbering it; the oldest entries go once the journal is full.
    /// Returns its number.
    @discardableResult
    public func record(_ entry: JournalEntry) -> Int {
        state.withLock { state in
            var entry = entry
            entry.sequence = state.next
            state.next += 1
            if state.ring.count < capacity {
                state.ring.append(entry)
            } else {
                state.ring[state.oldest] = entry
                state.oldest = (state.oldest + 1) % capacity
            }
            return entry.sequence
        }
    }

    /// Sets the latency of entry `sequence` once its answer has ended (a stream ends after
    /// its entry is written); an entry already gone from the ring is left gone.
    public func finish(_ sequence: Int, latencyMs: Int) {
        state.withLock { state in
            let count = state.ring.count
            // Newest first: a stream's entry is among the last few written.
            for step in 0..<count {
                let index = (state.oldest - 1 - step + 2 * count) % count
                if state.ring[index].sequence == sequence {
                    state.ring[index].latencyMs = latencyMs
                    return
                }
                if state.ring[index].sequence < sequence { return }
            }
        }
    }

    public func entries(matching filter: Filter = Filter()) -> [JournalEntry] {
        state.withLock { $0.entries.filter(filter.matches) }
    }

    /// Forgets every entry; numbering goes on from where it was.
    public func clear() {
        state.withLock { state in
            state.ring.removeAll()
            state.oldest = 0
        }
    }
}
