import BedrockAPI
import EmulatorCore
import FakeModels
import Synchronization

/// Ingestion jobs (data source syncs): Start (`STARTING` -> `IN_PROGRESS` -> `COMPLETE` on
/// the scenario's `jobs.ingestion` timing, 1 s and 4 s built in), Get, List (filter by
/// status, sort by status or start time) and Stop (`STOPPING` -> `STOPPED`, nothing indexed).
/// The sync runs when the job completes; one job at a time per knowledge base, as on AWS.
public enum IngestionJobOperations {
    static let service = "bedrock-agent"
    public static let defaultTiming = JobTiming(durations: [("STARTING", 1), ("IN_PROGRESS", 4)], outcome: "COMPLETE")

    /// Registers the ingestion job operations.
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment, catalog: ModelCatalog) {
        let lookup = KnowledgeBaseLookup(environment)
        let jobs = ResourceCollection.ingestionJobs(environment)
        let ingestion = Ingestion(environment: environment, catalog: catalog)
        let lifecycle = TimedJobs(
            type: "ingestion", collection: jobs, defaultTiming: defaultTiming, startField: "startedAt",
            fields: .init(status: "status", modified: "updatedAt", end: nil), environment: environment,
            finish: { job, timing in
                if timing.outcome == "FAILED" {
                    return ["failureReasons": [.string(timing.message ?? "The ingestion job failed, as the scenario says.")]]
                }
                let account = AccountContext(accountId: job.record.account, region: job.record.region)
                do {
                    let knowledgeBase = try await lookup.knowledgeBase(id: job.value["knowledgeBaseId"]?.stringValue ?? "", account: account)
                    let dataSource = try await lookup.dataSource(
                        id: job.value["dataSourceId"]?.stringValue ?? "", knowledgeBaseId: knowledgeBase.id, account: account)
                    let outcome = try await ingestion.sync(knowledgeBase: knowledgeBase, dataSource: dataSource)
                    var fields: [String: ShapeValue] = ["statistics": outcome.statistics]
                    if !outcome.failureReasons.isEmpty { fields["failureReasons"] = .list(outcome.failureReasons.prefix(2048).map(ShapeValue.string)) }
                    return fields
                } catch {
                    return ["status": "FAILED", "failureReasons": [.string("The ingestion job could not run: \(error)")]]
                }
            })
        let tokens = Mutex<[String: String]>([:])

        /// The job the request names, under its knowledge base and data source.
        @Sendable func job(_ request: OperationRequest) async throws -> StoredResource {
            let (_, dataSource) = try await lookup.dataSource(request)
            let id = request.input["ingestionJobId"]?.stringValue ?? ""
            let notFound = BedrockError.resourceNotFound("The ingestion job \(id) does not exist for data source \(dataSource.id).")
            let found = try await jobs.require(id, account: request.context.account, notFound: notFound)
            guard found.value["dataSourceId"]?.stringValue == dataSource.id else { throw notFound }
            return try await lifecycle.current(found)
        }

        registry.register(service, "StartIngestionJob") { request in
            let account = request.context.account
            let (knowledgeBase, dataSource) = try await lookup.dataSource(request)
            let token = request.input["clientToken"]?.stringValue.map { "\(account.accountId)/\(account.region)/\(dataSource.id)/\($0)" }
            if let token, let earlier = tokens.withLock({ $0[token] }), let stored = try await jobs.find(earlier, account: account) {
                return OperationOutput(["ingestionJob": try await lifecycle.current(stored).value])
            }
            let running = try await lifecycle.listCurrent(account: account).first {
                $0.value["knowledgeBaseId"]?.stringValue == knowledgeBase.id && lifecycle.isRunning($0.value["status"]?.stringValue)
            }
            if let running {
                throw BedrockError.conflict(
                    "Ingestion job \(running.id) is already running for knowledge base \(knowledgeBase.id). Wait for it to finish or stop it, then try again.")
            }
            try lifecycle.admit(account: account)
            let id = ResourceID.alphanumericUpper(count: 10, using: environment.ids)
            let arn = "\(knowledgeBase.arn)/data-source/\(dataSource.id)/ingestion-job/\(id)"
            let now = environment.clock.now()
            var value: [String: ShapeValue] = [
                "knowledgeBaseId": .string(knowledgeBase.id), "dataSourceId": .string(dataSource.id), "ingestionJobId": .string(id),
                "status": "STARTING", "statistics": Ingestion.Outcome().statistics, "startedAt": .timestamp(now), "updatedAt": .timestamp(now),
            ]
            value["description"] = request.input["description"]
            let stored = try await jobs.insert(.map(value), id: id, arn: arn, account: account)
            if let token { tokens.withLock { $0[token] = id } }
            lifecycle.started(stored, account: account)
            return OperationOutput(["ingestionJob": stored.value])
        }

        registry.register(service, "GetIngestionJob") { request in
            OperationOutput(["ingestionJob": try await job(request).value])
        }

        registry.register(service, "StopIngestionJob") { request in
            OperationOutput(["ingestionJob": try await lifecycle.stop(try await job(request)).value])
        }

        registry.register(service, "ListIngestionJobs") { request in
            let (_, dataSource) = try await lookup.dataSource(request)
            let input = request.input
            let all = try await lifecycle.listCurrent(account: request.context.account).filter {
                $0.value["dataSourceId"]?.stringValue == dataSource.id && matches($0, input["filters"])
            }
            let sort = input["sortBy"]
            let ascending = sort?["order"] == "ASCENDING"
            let byStatus = sort?["attribute"] == "STATUS"
            let query = ListQuery(input, scope: "ListIngestionJobs/\(dataSource.id)" + (byStatus ? "/STATUS" : ""), timeField: "startedAt")
            // sortBy is an {attribute, order} pair here, not sortOrder: order oldest first, then as asked.
            var ordered = Array(query.sorted(all).reversed())
            if byStatus { ordered.sort { ($0.value["status"]?.stringValue ?? "") < ($1.value["status"]?.stringValue ?? "") } }
            if !ascending { ordered.reverse() }
            return .listing("ingestionJobSummaries", try query.page(of: ordered))
        }
    }

    /// The `filters` of ListIngestionJobs: each `STATUS EQ [values]` must hold.
    static func matches(_ job: StoredResource, _ filters: ShapeValue?) -> Bool {
        (filters?.listValue ?? []).allSatisfy { filter in
            guard filter["attribute"] == "STATUS" else { return true }
            return (filter["values"]?.listValue ?? []).contains(job.value["status"] ?? .null)
        }
    }
}
