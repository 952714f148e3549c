import Foundation
import Synchronization

/// Every job of every type and the statuses it has passed through, for the admin API's
/// `jobs` view; the jobs themselves live with their operations.
public final class JobLedger: Sendable {
    /// One job's history.
    public struct Job: Sendable, Equatable {
        public var type: String
        public var arn: String
        public var history: [(status: String, time: Date)]

        public static func == (lhs: Job, rhs: Job) -> Bool {
            lhs.type == rhs.type && lhs.arn == rhs.arn && lhs.history.map(\.status) == rhs.history.map(\.status)
                && lhs.history.map(\.time) == rhs.history.map(\.time)
        }

        public var status: String { history.last?.status ?? "" }
    }

    private let jobs = Mutex<(order: [String], byArn: [String: Job])>(([], [:]))

    public init() {}

    /// Notes that job `arn` of `type` reached `status` at `time`; repeats are ignored.
    public func record(type: String, arn: String, status: String, at time: Date) {
        jobs.withLock { jobs in
            if jobs.byArn[arn] == nil { jobs.order.append(arn) }
            var job = jobs.byArn[arn] ?? Job(type: type, arn: arn, history: [])
            if job.history.last?.status != status { job.history.append((status, time)) }
            jobs.byArn[arn] = job
        }
    }

    /// Every job, oldest first.
    public var all: [Job] {
        jobs.withLock { jobs in jobs.order.compactMap { jobs.byArn[$0] } }
    }

    public func clear() {
        jobs.withLock { $0 = ([], [:]) }
    }
}
