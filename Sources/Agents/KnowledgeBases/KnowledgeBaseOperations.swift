import BedrockAPI
import EmulatorCore
import FakeModels
import Synchronization

/// Knowledge bases: Create (`CREATING` -> `ACTIVE` on the scenario's `jobs.knowledge_base`
/// timing, 2 s built in), Get, List, Update (applied at once) and Delete (answers `DELETING`
/// and removes the knowledge base, its data sources, ingestion jobs and indexed chunks).
/// Every configuration is stored as given; the vectors live in the emulator's own index
/// whatever storageConfiguration says.
public enum KnowledgeBaseOperations {
    static let service = "bedrock-agent"
    public static let defaultTiming = JobTiming(durations: [("CREATING", 2)], outcome: "ACTIVE")

    /// Registers the knowledge base operations.
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment, catalog: ModelCatalog) {
        let lookup = KnowledgeBaseLookup(environment)
        let knowledgeBases = lookup.knowledgeBases
        let index = KnowledgeBaseIndex(store: environment.store)
        let jobs = ResourceCollection.ingestionJobs(environment)
        let lifecycle = TimedJobs(
            type: "knowledge_base", collection: knowledgeBases, defaultTiming: defaultTiming, startField: "createdAt",
            fields: .init(status: "status", modified: "updatedAt", end: nil), environment: environment,
            finish: { _, timing in
                timing.outcome == "FAILED" ? ["failureReasons": [.string(timing.message ?? "The knowledge base could not be created, as the scenario says.")]] : [:]
            })
        // The shape has no member for the token: the emulator remembers tokens in memory.
        let tokens = Mutex<[String: String]>([:])

        registry.register(service, "CreateKnowledgeBase") { request in
            let input = request.input
            let account = request.context.account
            let token = input["clientToken"]?.stringValue.map { "\(account.accountId)/\(account.region)/\($0)" }
            if let token, let earlier = tokens.withLock({ $0[token] }), let stored = try await knowledgeBases.find(earlier, account: account) {
                return OperationOutput(["knowledgeBase": try await lifecycle.current(stored).value])
            }
            let name = input["name"]?.stringValue ?? ""
            let existing = try await knowledgeBases.list(account: account)
            try checkUnique(name, among: existing)
            if let limit = environment.scenario.resourceLimit("knowledge_bases"), existing.count >= limit {
                throw BedrockError.serviceQuotaExceeded(
                    "This account already has \(existing.count) knowledge bases; the limit is \(limit). Delete a knowledge base, then try again.")
            }
            try checkEmbeddingModel(input["knowledgeBaseConfiguration"], catalog: catalog)
            let id = ResourceID.alphanumericUpper(count: 10, using: environment.ids)
            let arn = account.arn(service: "bedrock", resource: "knowledge-base/\(id)").description
            let now = environment.clock.now()
            var value: [String: ShapeValue] = [
                "knowledgeBaseId": .string(id), "knowledgeBaseArn": .string(arn), "name": .string(name), "status": "CREATING",
                "createdAt": .timestamp(now), "updatedAt": .timestamp(now),
            ]
            for member in ["description", "roleArn", "knowledgeBaseConfiguration", "storageConfiguration"] { value[member] = input[member] }
            let stored = try await knowledgeBases.insert(.map(value), id: id, arn: arn, name: name, account: account, tags: TaggingOperations.pairs(input["tags"]))
            if let token { tokens.withLock { $0[token] = id } }
            lifecycle.started(stored, account: account)
            return OperationOutput(["knowledgeBase": stored.value])
        }

        registry.register(service, "GetKnowledgeBase") { request in
            OperationOutput(["knowledgeBase": try await lifecycle.current(try await lookup.knowledgeBase(request)).value])
        }

        registry.register(service, "ListKnowledgeBases") { request in
            let all = try await lifecycle.listCurrent(account: request.context.account)
            let page = try ListQuery(request.input, scope: "ListKnowledgeBases", timeField: "createdAt").page(all)
            return .listing("knowledgeBaseSummaries", page) { summary($0.value, ["knowledgeBaseId", "name", "description", "status", "updatedAt"]) }
        }

        registry.register(service, "UpdateKnowledgeBase") { request in
            let input = request.input
            let stored = try await lifecycle.current(try await lookup.knowledgeBase(request))
            var value = stored.value.mapValue ?? [:]
            let name = input["name"]?.stringValue ?? ""
            if name != value["name"]?.stringValue {
                try checkUnique(name, among: try await knowledgeBases.list(account: request.context.account))
            }
            if let configuration = input["knowledgeBaseConfiguration"] {
                try checkEmbeddingModel(configuration, catalog: catalog)
                let embedding = { (config: ShapeValue?) in config?["vectorKnowledgeBaseConfiguration"]?["embeddingModelArn"] }
                if embedding(configuration) != embedding(value["knowledgeBaseConfiguration"]) {
                    throw BedrockError.validation("The embedding model of a knowledge base can't be changed. Create a new knowledge base to use another embedding model.")
                }
            }
            value["name"] = .string(name)
            for member in ["description", "roleArn", "knowledgeBaseConfiguration", "storageConfiguration"] where input[member] != nil {
                value[member] = input[member]
            }
            value["updatedAt"] = .timestamp(environment.clock.now())
            var record = stored
            record.record.name = name
            let updated = try await knowledgeBases.update(record, to: .map(value))
            return OperationOutput(["knowledgeBase": updated.value])
        }

        registry.register(service, "DeleteKnowledgeBase") { request in
            let account = request.context.account
            let stored = try await lookup.knowledgeBase(request)
            for dataSource in try await lookup.dataSources(of: stored.id, account: account) { try await lookup.dataSources.delete(dataSource) }
            for job in try await jobs.list(account: account) where job.value["knowledgeBaseId"]?.stringValue == stored.id { try await jobs.delete(job) }
            try await index.removeAll(knowledgeBaseId: stored.id)
            try await knowledgeBases.delete(stored)
            return OperationOutput(["knowledgeBaseId": .string(stored.id), "status": "DELETING"])
        }
    }

    static func checkUnique(_ name: String, among existing: [StoredResource]) throws {
        if existing.contains(where: { $0.value["name"]?.stringValue == name }) {
            throw BedrockError.conflict("A knowledge base named \(name) already exists in this account and region. Choose another name.")
        }
    }

    /// A VECTOR knowledge base needs an embedding model the catalog knows, with dimensions it supports.
    static func checkEmbeddingModel(_ configuration: ShapeValue?, catalog: ModelCatalog) throws {
        guard configuration?["type"]?.stringValue == "VECTOR" else { return }
        guard let vector = configuration?["vectorKnowledgeBaseConfiguration"], let arn = vector["embeddingModelArn"]?.stringValue else {
            throw BedrockError.validation("A VECTOR knowledge base needs knowledgeBaseConfiguration.vectorKnowledgeBaseConfiguration.embeddingModelArn.")
        }
        guard let model = catalog.resolve(arn)?.model, model.outputModalities.contains("EMBEDDING") else {
            throw BedrockError.validation("The embedding model \(arn) is not a supported embedding model for knowledge bases. Use an embedding model such as amazon.titan-embed-text-v2:0.")
        }
        if let dimensions = vector["embeddingModelConfiguration"]?["bedrockEmbeddingModelConfiguration"]?["dimensions"]?.intValue,
            let allowed = model.embeddingDimensions?.allowed, !allowed.isEmpty, !allowed.contains(dimensions)
        {
            throw BedrockError.validation(
                "\(model.modelId) does not support \(dimensions) dimensions; choose one of \(allowed.map(String.init).joined(separator: ", ")).")
        }
    }

    static func summary(_ value: ShapeValue, _ keys: [String]) -> ShapeValue {
        .map((value.mapValue ?? [:]).filter { keys.contains($0.key) })
    }
}
