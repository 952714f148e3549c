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
    /// The member holding the status (`status`; `modelStatus` for a custom model being made).
    public let statusField: String
    let environment: EmulatorEnvironment
    let finish: Finish
    /// Jobs not yet in a final status, by ARN, with their account: what the sweep visits.
    let running = Running()

    final class Running: Sendable {
        let jobs = Mutex<[String: AccountContext]>([:])
    }

    public init(
        type: String, collection: ResourceCollection, defaultTiming: JobTiming, startField: String, statusField: String = "status",
        environment: EmulatorEnvironment, finish: @escaping Finish
    ) {
        self.type = type
        self.collection = collection
        self.defaultTiming = defaultTiming
        self.startField = startField
        self.statusField = statusField
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

    /// Refuses a new job when the scenario's `quotas.concurrent_jobs` says enough run already.
    public func admit(account: AccountContext) throws(BedrockError) {
        guard let limit = environment.scenario.concurrentJobLimit(type), runningCount(account: account) >= limit else { return }
        throw .serviceQuotaExceeded(
            "You have reached the limit of \(limit) \(type.replacingOccurrences(of: "_", with: " ")) jobs running at once. Wait for one to finish or stop one, then try again.")
    }

    /// Notes a job just stored in its first status, so sweeps move it.
    public func started(_ stored: StoredResource, account: AccountContext) {
        running.jobs.withLock { $0[stored.arn] = account }
        environment.jobs.record(type: type, arn: stored.arn, status: stored.value[statusField]?.stringValue ?? "", at: startTime(of: stored))
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
        guard isRunning(stored.value[statusField]?.stringValue) else { return stored }
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
            let status = fresh.value[statusField]?.stringValue ?? ""
            guard isRunning(status), status != "Stopping" else {
                throw BedrockError.conflict("The job is \(status) and can no longer be stopped.")
            }
            var value = fresh.value.mapValue ?? [:]
            let now = environment.clock.now()
            value[statusField] = "Stopping"
            value["lastModifiedTime"] = .timestamp(now)
            environment.jobs.record(type: type, arn: fresh.arn, status: "Stopping", at: now)
            return try await collection.update(fresh, to: .map(value))
        }
    }

    func startTime(of stored: StoredResource) -> Date {
        stored.value[startField]?.timestampValue ?? stored.record.createdAt
    }

    /// Moves one job to the status the clock says it has reached; at the end runs `finish`.
    func advance(_ stored: StoredResource) async throws -> StoredResource {
        let status = stored.value[statusField]?.stringValue ?? ""
        guard isRunning(status) else {
            running.jobs.withLock { $0[stored.arn] = nil }
            return stored
        }
        let now = environment.clock.now()
        var value = stored.value.mapValue ?? [:]
        let timing = timing
        if status == "Stopping" {
            let since = stored.value["lastModifiedTime"]?.timestampValue ?? now
            let wait = timing.durations.first { $0.status == "Stopping" }?.seconds ?? 1
            guard now >= since.addingTimeInterval(wait) else { return stored }
            return try await end(stored, value: &value, status: "Stopped", at: since.addingTimeInterval(wait))
        }
        let start = startTime(of: stored)
        var reached = start
        let steps = timing.durations.filter { $0.status != "Stopping" }
        let current = steps.firstIndex { $0.status == status } ?? -1
        // Walk the timing so that a clock moved by an hour records every status passed.
        for (index, step) in steps.enumerated() {
            if index > current { environment.jobs.record(type: type, arn: stored.arn, status: step.status, at: reached) }
            if now < reached.addingTimeInterval(step.seconds) {
                guard step.status != status else { return stored }
                value[statusField] = .string(step.status)
                value["lastModifiedTime"] = .timestamp(reached)
                return try await collection.update(stored, to: .map(value))
            }
            reached = reached.addingTimeInterval(step.seconds)
        }
        var fields = await finish(stored, timing)
        // `finish` names the ending under `status` whatever member the resource keeps it in.
        let ending = fields.removeValue(forKey: "status")?.stringValue ?? timing.outcome
        value.merge(fields) { _, new in new }
        return try await end(stored, value: &value, status: ending, at: reached)
    }

    func end(_ stored: StoredResource, value: inout [String: ShapeValue], status: String, at time: Date) async throws -> StoredResource {
        value[statusField] = .string(status)
        value["endTime"] = .timestamp(time)
        value["lastModifiedTime"] = .timestamp(time)
        running.jobs.withLock { $0[stored.arn] = nil }
        environment.jobs.record(type: type, arn: stored.arn, status: status, at: time)
        return try await collection.update(stored, to: .map(value))
    }
}
