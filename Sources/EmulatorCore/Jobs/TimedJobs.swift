import BedrockAPI
import Foundation
import Synchronization

/// Jobs of one type that move through AWS's statuses as the clock runs: the scenario's
/// `jobs` timing (or the built-in one) says how long each status lasts and how the job
/// ends; `finish` does the job's work (reading inputs, writing outputs) when it ends.
/// Sweeps move every job on its own; Get and List move the ones they show.
public struct TimedJobs: Sendable {
    /// What a job's work decided: fields to set on it (`status` among them, to end otherwise
    /// than the timing says, e.g. Failed for unreadable input).
    public typealias Finish = @Sendable (StoredResource, JobTiming) async -> [String: ShapeValue]

    public let type: String
    public let collection: ResourceCollection
    public let defaultTiming: JobTiming
    /// The member holding when the job was submitted (`submitTime`, `creationTime`).
    public let startField: String
    /// The members the job's status and times live in.
    public let fields: Fields
    let environment: EmulatorEnvironment
    let finish: Finish
    /// Jobs not yet in a final status, by ARN, with their account: what the sweep visits.
    let running = Running()

    final class Running: Sendable {
        let jobs = Mutex<[String: AccountContext]>([:])
        /// Jobs a scenario seeded: they reach their end on the next sweep, having existed "from the start".
        let seeded = Mutex<Set<String>>([])
    }

    /// Set while a scenario's `resources` are made, so what they start ends at once.
    @TaskLocal public static var seeding = false

    public init(
        type: String, collection: ResourceCollection, defaultTiming: JobTiming, startField: String, fields: Fields = .jobs,
        environment: EmulatorEnvironment, finish: @escaping Finish
    ) {
        self.type = type
        self.fields = fields
        self.collection = collection
        self.defaultTiming = defaultTiming
        self.startField = startField
        self.environment = environment
        self.finish = finish
        let jobs = self
        environment.dueWork.add {
            for (arn, account) in jobs.running.jobs.withLock({ $0 }) {
                guard let stored = try? await jobs.collection.find(arn, account: account) else {
                    _ = jobs.running.jobs.withLock { $0.removeValue(forKey: arn) }
                    continue
                }
                _ = try? await jobs.advance(stored)
            }
        }
    }

    var timing: JobTiming { environment.scenario.jobTiming(type, fallback: defaultTiming) }

    /// The statuses a job of this type passes through on its way to the end.
    var passing: [String] { JobTiming.types[type]?.passing ?? [] }

    /// The status a stop puts the job in and the one it ends in: the fields' own, else the
    /// type's spelling (`Stopping`, or `STOPPING` for ingestion).
    var stopping: String { fields.stopping ?? passing.first { $0.lowercased() == "stopping" } ?? "Stopping" }
    var stopped: String { fields.stopped ?? JobTiming.types[type]?.endings.first { $0.lowercased() == "stopped" } ?? "Stopped" }

    /// Refuses a new job when the scenario's `quotas.concurrent_jobs` says enough run already.
    public func admit(account: AccountContext) throws(BedrockError) {
        guard let limit = environment.scenario.concurrentJobLimit(type), runningCount(account: account) >= limit else { return }
        throw .serviceQuotaExceeded(
            "You have reached the limit of \(limit) \(type.replacingOccurrences(of: "_", with: " ")) jobs running at once. Wait for one to finish or stop one, then try again.")
    }

    /// Notes a job just stored in its first status, so sweeps move it.
    public func started(_ stored: StoredResource, account: AccountContext) {
        running.jobs.withLock { $0[stored.arn] = account }
        if Self.seeding { _ = running.seeded.withLock { $0.insert(stored.arn) } }
        environment.jobs.record(type: type, arn: stored.arn, status: stored.value[fields.status]?.stringValue ?? "", at: startTime(of: stored))
    }

    /// How many jobs of this type are still running for `account` (for concurrency quotas).
    public func runningCount(account: AccountContext) -> Int {
        running.jobs.withLock { $0.values.filter { $0 == account }.count }
    }

    /// Whether `status` is one the job can still leave.
    public func isRunning(_ status: String?) -> Bool {
        status.map { passing.contains($0) } ?? false
    }

    /// Moves the job on as a handler shows it: one move at a time with the sweeps, read afresh.
    public func current(_ stored: StoredResource) async throws -> StoredResource {
        guard isRunning(stored.value[fields.status]?.stringValue) else { return stored }
        let account = AccountContext(accountId: stored.record.account, region: stored.record.region)
        return try await environment.dueWork.serial.run {
            try await advance(try await collection.find(stored.arn, account: account) ?? stored)
        }
    }

    /// Every job of the account, each moved to its current status (what a List shows).
    public func listCurrent(account: AccountContext) async throws -> [StoredResource] {
        var all: [StoredResource] = []
        for stored in try await collection.list(account: account) { all.append(try await current(stored)) }
        return all
    }

    /// Asks a running job to stop: `Stopping` now, `Stopped` after the timing's `Stopping`
    /// seconds (1 by default). A job already ended is a ConflictException.
    public func stop(_ stored: StoredResource) async throws -> StoredResource {
        let account = AccountContext(accountId: stored.record.account, region: stored.record.region)
        return try await environment.dueWork.serial.run {
            let fresh = try await advance(try await collection.find(stored.arn, account: account) ?? stored)
            let status = fresh.value[fields.status]?.stringValue ?? ""
            guard isRunning(status), status != stopping else {
                throw BedrockError.conflict("The job is \(status) and can no longer be stopped.")
            }
            var value = fresh.value.mapValue ?? [:]
            let now = environment.clock.now()
            value[fields.status] = .string(stopping)
            value[fields.modified] = .timestamp(now)
            environment.jobs.record(type: type, arn: fresh.arn, status: stopping, at: now)
            return try await collection.update(fresh, to: .map(value))
        }
    }

    func startTime(of stored: StoredResource) -> Date {
        stored.value[startField]?.timestampValue ?? stored.record.createdAt
    }

    /// Moves one job to the status the clock says it has reached; at the end runs `finish`.
    func advance(_ stored: StoredResource) async throws -> StoredResource {
        let status = stored.value[fields.status]?.stringValue ?? ""
        guard isRunning(status) else {
            running.jobs.withLock { $0[stored.arn] = nil }
            return stored
        }
        let now = environment.clock.now()
        var value = stored.value.mapValue ?? [:]
        var timing = timing
        if running.seeded.withLock({ $0.contains(stored.arn) }) { timing.durations = [] }
        if status == stopping {
            let since = stored.value[fields.modified]?.timestampValue ?? now
            let wait = timing.durations.first { $0.status == stopping }?.seconds ?? 1
            guard now >= since.addingTimeInterval(wait) else { return stored }
            return try await end(stored, value: &value, status: stopped, at: since.addingTimeInterval(wait))
        }
        let start = startTime(of: stored)
        var reached = start
        let steps = timing.durations.filter { $0.status != stopping }
        let current = steps.firstIndex { $0.status == status } ?? -1
        // Walk the timing so that a clock moved by an hour records every status passed.
        for (index, step) in steps.enumerated() {
            if index > current { environment.jobs.record(type: type, arn: stored.arn, status: step.status, at: reached) }
            if now < reached.addingTimeInterval(step.seconds) {
                guard step.status != status else { return stored }
                value[fields.status] = .string(step.status)
                value[fields.modified] = .timestamp(reached)
                return try await collection.update(stored, to: .map(value))
            }
            reached = reached.addingTimeInterval(step.seconds)
        }
        var decided = await finish(stored, timing)
        // `finish` may name the ending under `status` whatever member the resource keeps it in.
        if fields.status != "status", let named = decided.removeValue(forKey: "status") { decided[fields.status] = named }
        value.merge(decided) { _, new in new }
        return try await end(stored, value: &value, status: decided[fields.status]?.stringValue ?? timing.outcome, at: reached)
    }

    func end(_ stored: StoredResource, value: inout [String: ShapeValue], status: String, at time: Date) async throws -> StoredResource {
        value[fields.status] = .string(status)
        if let endField = fields.end { value[endField] = .timestamp(time) }
        value[fields.modified] = .timestamp(time)
        running.jobs.withLock { $0[stored.arn] = nil }
        running.seeded.withLock { _ = $0.remove(stored.arn) }
        environment.jobs.record(type: type, arn: stored.arn, status: status, at: time)
        return try await collection.update(stored, to: .map(value))
    }
}
