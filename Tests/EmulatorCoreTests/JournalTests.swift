import Foundation
import Testing
@testable import EmulatorCore

@Suite struct JournalTests {
    func entry(_ operation: String, status: Int = 200, model: String? = nil, at seconds: TimeInterval = 0) -> JournalEntry {
        JournalEntry(
            time: Date(timeIntervalSince1970: seconds), requestId: UUID().uuidString, service: "bedrock-runtime", operation: operation,
            method: "POST", path: "/", modelId: model, status: status, errorCode: status == 200 ? nil : "ThrottlingException",
            inputTokens: nil, outputTokens: nil, latencyMs: 0)
    }

    @Test func numbersEntriesAndFilters() {
        let journal = Journal()
        journal.record(entry("Converse", model: "a"))
        journal.record(entry("InvokeModel", status: 429, model: "b", at: 10))
        journal.record(entry("Converse", model: "b", at: 20))
        #expect(journal.entries().map(\.sequence) == [1, 2, 3])
        #expect(journal.entries(matching: .init(operation: "Converse")).count == 2)
        #expect(journal.entries(matching: .init(modelId: "b", status: 429)).map(\.operation) == ["InvokeModel"])
        #expect(journal.entries(matching: .init(since: Date(timeIntervalSince1970: 15))).map(\.sequence) == [3])
    }

    @Test func aStreamsLatencyIsSetWhenItEndsEvenAfterTheRingWrapped() {
        let journal = Journal(capacity: 3)
        let first = journal.record(entry("ConverseStream"))
        let second = journal.record(entry("ConverseStream"))
        for _ in 0..<2 { journal.record(entry("Converse")) }
        journal.finish(second, latencyMs: 250)
        journal.finish(first, latencyMs: 999)  // gone from the ring: nothing to set
        #expect(journal.entries().map(\.latencyMs) == [250, 0, 0])
        #expect(journal.entries().map(\.sequence) == [2, 3, 4])
    }

    @Test func keepsTheNewestAndNumbersOnAfterAClear() {
        let journal = Journal(capacity: 2)
        for _ in 0..<3 { journal.record(entry("Converse")) }
        #expect(journal.entries().map(\.sequence) == [2, 3])
        journal.clear()
        #expect(journal.entries().isEmpty)
        journal.record(entry("Converse"))
        #expect(journal.entries().map(\.sequence) == [4])
        for _ in 0..<5 { journal.record(entry("Converse")) }
        #expect(journal.entries().map(\.sequence) == [8, 9])
    }
}
