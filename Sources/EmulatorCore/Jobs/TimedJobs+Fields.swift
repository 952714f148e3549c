extension TimedJobs {
    /// The members of a stored resource that hold a job's status and its times, and the
    /// statuses of a stop: Bedrock's jobs use `status`/`lastModifiedTime`/`endTime`, agents
    /// `agentStatus`/`updatedAt`.
    public struct Fields: Sendable {
        /// The member holding the status.
        public var status: String
        /// The member set to the time of each move.
        public var modified: String
        /// The member set to the time the job ended, if the shape has one.
        public var end: String?
        /// The status a stop request puts the job in, and the one it ends in, when they are
        /// not the job type's own spelling of stopping (automated reasoning builds are
        /// `CANCEL_REQUESTED`/`CANCELLED`).
        public var stopping: String?
        public var stopped: String?

        public init(status: String, modified: String, end: String?, stopping: String? = nil, stopped: String? = nil) {
            self.status = status
            self.modified = modified
            self.end = end
            self.stopping = stopping
            self.stopped = stopped
        }

        /// The Bedrock job members (`status`, `lastModifiedTime`, `endTime`).
        public static let jobs = Fields(status: "status", modified: "lastModifiedTime", end: "endTime")
    }
}
