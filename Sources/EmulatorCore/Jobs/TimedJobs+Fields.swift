extension TimedJobs {
    /// The members of a stored resource that hold a job's status and its times: Bedrock's
    /// jobs use `status`/`lastModifiedTime`/`endTime`, agents `agentStatus`/`updatedAt`.
    public struct Fields: Sendable {
        /// The member holding the status.
        public var status: String
        /// The member set to the time of each move.
        public var modified: String
        /// The member set to the time the job ended, if the shape has one.
        public var end: String?

        public init(status: String, modified: String, end: String?) {
            self.status = status
            self.modified = modified
            self.end = end
        }

        /// The Bedrock job members (`status`, `lastModifiedTime`, `endTime`).
        public static let jobs = Fields(status: "status", modified: "lastModifiedTime", end: "endTime")
    }
}
