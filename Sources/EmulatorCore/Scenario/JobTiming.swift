/// How long a job of one type stays in each status, and how it ends.
public struct JobTiming: Sendable, Equatable {
    /// Seconds in each status before the end, in order (`InProgress: 300`).
    public var durations: [(status: String, seconds: Double)]
    /// The final status (`Completed`, `Failed`, `PartiallyCompleted`, `Expired`, ...).
    public var outcome: String
    /// Why it failed, when it fails.
    public var message: String?
    /// The share of records that fail, for batch jobs that end PartiallyCompleted.
    public var failedRatio: Double?

    public init(durations: [(status: String, seconds: Double)], outcome: String, message: String? = nil, failedRatio: Double? = nil) {
        self.durations = durations
        self.outcome = outcome
        self.message = message
        self.failedRatio = failedRatio
    }

    public static func == (lhs: JobTiming, rhs: JobTiming) -> Bool {
        lhs.durations.map(\.status) == rhs.durations.map(\.status) && lhs.durations.map(\.seconds) == rhs.durations.map(\.seconds)
            && lhs.outcome == rhs.outcome && lhs.message == rhs.message && lhs.failedRatio == rhs.failedRatio
    }

    /// Seconds from submission to the final status.
    public var totalSeconds: Double { durations.reduce(0) { $0 + $1.seconds } }

    /// The status `elapsed` seconds after submission, and whether it is the final one.
    public func status(after elapsed: Double) -> (status: String, final: Bool) {
        var start = 0.0
        for step in durations {
            if elapsed < start + step.seconds { return (step.status, false) }
            start += step.seconds
        }
        return (outcome, true)
    }

    /// The job types whose running count `quotas.concurrent_jobs` can limit today.
    public static let enforcedConcurrency = ["batch_inference", "model_customization"]

    /// The job types and their statuses, from AWS's service models: the statuses a job
    /// passes through, and those it can end in.
    public static let types: [String: (passing: [String], endings: [String])] = [
        "async_invoke": (["InProgress"], ["Completed", "Failed"]),
        "model_customization": (["InProgress", "Stopping"], ["Completed", "Failed", "Stopped"]),
        "batch_inference": (["Submitted", "Validating", "Scheduled", "InProgress", "Stopping"], ["Completed", "PartiallyCompleted", "Failed", "Stopped", "Expired"]),
        "evaluation": (["InProgress", "Stopping"], ["Completed", "Failed", "Stopped"]),
        "model_import": (["InProgress"], ["Completed", "Failed"]),
        "model_copy": (["InProgress"], ["Completed", "Failed"]),
        "custom_model": (["Creating"], ["Active", "Failed"]),
        "custom_model_deployment": (["Creating"], ["Active", "Failed"]),
        "provisioned_throughput": (["Creating", "Updating"], ["InService", "Failed"]),
        "ingestion": (["STARTING", "IN_PROGRESS", "STOPPING"], ["COMPLETE", "FAILED", "STOPPED"]),
        "agent_prepare": (["PREPARING"], ["PREPARED", "FAILED"]),
        "agent_create": (["CREATING"], ["NOT_PREPARED", "FAILED"]),
        "agent_alias": (["CREATING", "UPDATING"], ["PREPARED", "FAILED"]),
        "automated_reasoning_build": (["SCHEDULED", "PREPROCESSING", "BUILDING", "TESTING", "CANCEL_REQUESTED"], ["COMPLETED", "FAILED", "CANCELLED"]),
        "advanced_prompt_optimization": (["InProgress", "Stopping"], ["Completed", "PartiallyCompleted", "Failed", "Stopped"]),
        "knowledge_base": (["CREATING"], ["ACTIVE", "FAILED"]),
        "flow_prepare": (["Preparing"], ["Prepared", "Failed"]),
        "flow_execution": (["Running"], ["Succeeded", "Failed", "TimedOut", "Aborted"]),
    ]
}

extension JobTiming {
    init(_ node: ScenarioNode, type: String) throws(ScenarioError) {
        guard let statuses = Self.types[type] else {
            throw node.error("unknown job type `\(type)`; expected one of \(Self.types.keys.sorted().joined(separator: ", "))")
        }
        let fields = try node.fields(["durations", "outcome", "message", "failed_ratio"])
        var durations: [(status: String, seconds: Double)] = []
        if let given = fields["durations"] {
            guard case .map(let pairs) = given.value else { throw given.error("expected a mapping of status to seconds, e.g. {InProgress: 60}") }
            for pair in pairs {
                guard statuses.passing.contains(pair.key) else {
                    throw ScenarioNode.keyError(pair, "a \(type) job does not pass through `\(pair.key)`; its statuses are \(statuses.passing.joined(separator: ", "))")
                }
                durations.append((pair.key, try pair.node.double()))
            }
        }
        outcome = try fields["outcome"]?.choice(statuses.endings) ?? statuses.endings[0]
        if durations.isEmpty { durations = [(statuses.passing[0], 0)] }
        self.durations = durations
        message = try fields["message"]?.string()
        failedRatio = try fields["failed_ratio"]?.double(in: 0...1)
    }
}
