import BedrockAPI
import EmulatorCore
import Foundation

extension AdminAPI {
    /// `GET /_emulator/journal?service=&operation=&model=&status=&rule=&since=`: the calls, oldest
    /// first. `since` is an ISO-8601 time or a sequence number (entries after it).
    func journalEntries(_ query: [(name: String, value: String)]) -> EncodedResponse {
        func value(_ name: String) -> String? { query.last { $0.name == name }?.value }
        var filter = Journal.Filter(service: value("service"), operation: value("operation"), modelId: value("model"), rule: value("rule"))
        if let status = value("status") {
            guard let code = Int(status) else { return Self.badRequest("status must be an HTTP status code, such as 429.") }
            filter.status = code
        }
        var after: Int?
        if let since = value("since") {
            if let sequence = Int(since) {
                after = sequence
            } else if let date = Timestamp.parseISO8601(since) {
                filter.since = date
            } else {
                return Self.badRequest("since must be an ISO-8601 time (2026-01-01T00:00:00Z) or a journal sequence number.")
            }
        }
        let entries = journal.entries(matching: filter).filter { entry in after.map { entry.sequence > $0 } ?? true }
        return Self.json(200, ["entries": .array(entries.map(Self.json(of:)))])
    }

    static func json(of entry: JournalEntry) -> JSONValue {
        var object: [String: JSONValue] = [
            "sequence": .integer(Int64(entry.sequence)), "time": .string(Timestamp.iso8601(entry.time)),
            "requestId": .string(entry.requestId), "method": .string(entry.method), "path": .string(entry.path),
            "status": .integer(Int64(entry.status)), "latencyMs": .integer(Int64(entry.latencyMs)),
        ]
        object["service"] = entry.service.map(JSONValue.string)
        object["operation"] = entry.operation.map(JSONValue.string)
        object["modelId"] = entry.modelId.map(JSONValue.string)
        object["errorCode"] = entry.errorCode.map(JSONValue.string)
        object["inputTokens"] = entry.inputTokens.map { .integer(Int64($0)) }
        object["outputTokens"] = entry.outputTokens.map { .integer(Int64($0)) }
        object["rule"] = entry.rule.map(JSONValue.string) ?? .null
        object["summary"] = entry.summary.map(JSONValue.string) ?? .null
        return .object(object)
    }

    static func badRequest(_ message: String) -> EncodedResponse {
        json(400, ["message": .string(message)], errorType: "ValidationException")
    }
}
