import BedrockAPI
import Foundation
import Testing
@testable import EmulatorCore

@Suite struct TimedJobsTests {
    let start = Date(timeIntervalSince1970: 1_767_225_600)
    let account = AccountContext()

    func fixture(scenario: String = "") throws -> (EmulatorEnvironment, VirtualClock, TimedJobs) {
        let clock = VirtualClock(start: start)
        let engine = ScenarioEngine(try Scenario.parse(scenario, source: "test.yaml", model: .bundled))
        let environment = try EmulatorEnvironment.inMemory(clock: clock, scenario: engine)
        let collection = ResourceCollection(service: "bedrock", type: "model-invocation-job", shape: "GetModelInvocationJobResponse", environment: environment)
        let jobs = TimedJobs(
            type: "batch_inference", collection: collection,
            defaultTiming: JobTiming(durations: [("Submitted", 10), ("InProgress", 20)], outcome: "Completed"),
            startField: "submitTime", environment: environment,
            finish: { _, timing in ["message": .string("finished as \(timing.outcome)")] })
        return (environment, clock, jobs)
    }

    func submit(_ jobs: TimedJobs, id: String) async throws -> StoredResource {
        let arn = "arn:aws:bedrock:us-east-1:123456789012:model-invocation-job/\(id)"
        let value: ShapeValue = ["jobArn": .string(arn), "jobName": .string(id), "status": "Submitted", "submitTime": .timestamp(start)]
        let stored = try await jobs.collection.insert(value, id: id, arn: arn, account: account)
        jobs.started(stored, account: account)
        return stored
    }

    @Test func aJobMovesThroughItsStatusesAsTheClockMovesAndFinishesOnce() async throws {
        let (environment, clock, jobs) = try fixture()
        let job = try await submit(jobs, id: "aaaaaaaaaaaa")
        _ = clock.advance(by: 15)
        await environment.dueWork.run()
        #expect(try await jobs.collection.find(job.arn, account: account)?.value["status"] == "InProgress")
        _ = clock.advance(by: 100)
        await environment.dueWork.run()
        await environment.dueWork.run()
        let done = try #require(try await jobs.collection.find(job.arn, account: account))
        #expect(done.value["status"] == "Completed" && done.value["message"] == "finished as Completed")
        #expect(done.value["endTime"] == .timestamp(start.addingTimeInterval(30)))
        #expect(environment.jobs.all.first?.history.map(\.status) == ["Submitted", "InProgress", "Completed"])
        #expect(environment.jobs.all.first?.history.map(\.time) == [start, start.addingTimeInterval(10), start.addingTimeInterval(30)])
        #expect(jobs.runningCount(account: account) == 0)
    }

    @Test func aStoppedJobStopsAfterItsStoppingTimeAndCannotStopAgain() async throws {
        let (environment, clock, jobs) = try fixture()
        let job = try await submit(jobs, id: "bbbbbbbbbbbb")
        #expect(try await jobs.stop(job).value["status"] == "Stopping")
        _ = clock.advance(by: 1)
        await environment.dueWork.run()
        let stopped = try #require(try await jobs.collection.find(job.arn, account: account))
        #expect(stopped.value["status"] == "Stopped" && stopped.value["message"] == nil)
        await #expect(throws: BedrockError.self) { try await jobs.stop(stopped) }
    }

    @Test func theScenarioTimesJobsAndLimitsHowManyRun() async throws {
        let (environment, clock, jobs) = try fixture(scenario: """
            quotas: {concurrent_jobs: {batch_inference: 1}}
            jobs: {batch_inference: {durations: {Submitted: 5}, outcome: Failed, message: no}}
            """)
        let job = try await submit(jobs, id: "cccccccccccc")
        #expect(throws: BedrockError.self) { try jobs.admit(account: account) }
        _ = clock.advance(by: 5)
        let ended = try await jobs.current(job)
        // The timing says how it ends; the finish hook adds what the work found.
        #expect(ended.value["status"] == "Failed" && ended.value["message"] == "finished as Failed")
        try jobs.admit(account: account)
        _ = environment
    }
}
