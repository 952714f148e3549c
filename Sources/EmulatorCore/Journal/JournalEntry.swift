import Foundation

/// One call as the journal keeps it: what was asked, how it ended, what it cost.
public struct JournalEntry: Sendable, Equatable {
    /// Position in the journal, from 1; never reused, even after a clear.
    public var sequence: Int
    public var time: Date
    public var requestId: String
    public var service: String?
    public var operation: String?
    public var method: String
    public var path: String
    /// The model the call named (`modelId`, `modelIdentifier`), if any.
    public var modelId: String?
    public var status: Int
    public var errorCode: String?
    public var inputTokens: Int?
    public var outputTokens: Int?
    public var latencyMs: Int
    /// The scenario rule that shaped the answer, if one did.
    public var rule: String?
    /// What was asked, briefly: the last user message of a conversation, else the input's
    /// plain members (`jobName=..., roleArn=...`).
    public var summary: String?

    public init(
        sequence: Int = 0, time: Date, requestId: String, service: String?, operation: String?, method: String, path: String,
        modelId: String?, status: Int, errorCode: String?, inputTokens: Int?, outputTokens: Int?, latencyMs: Int, rule: String? = nil,
        summary: String? = nil
    ) {
        self.sequence = sequence
        self.time = time
        self.requestId = requestId
        self.service = service
        self.operation = operation
        self.method = method
        self.path = path
        self.modelId = modelId
        self.status = status
        self.errorCode = errorCode
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.latencyMs = latencyMs
        self.rule = rule
        self.summary = summary
    }
}
