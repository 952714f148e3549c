import BedrockAPI
import EmulatorCore
import Synchronization

/// Data sources of knowledge bases: Create, Get, List, Update and Delete. A data source is
/// `AVAILABLE` at once; its configuration is stored as given, and an S3 one points into the
/// local object store (`arn:aws:s3:::bucket` is `s3://bucket/`). Deleting one with the
/// `DELETE` policy removes what it indexed; `RETAIN` keeps it searchable.
public enum DataSourceOperations {
    static let service = "bedrock-agent"

    /// Registers the data source operations.
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let lookup = KnowledgeBaseLookup(environment)
        let dataSources = lookup.dataSources
        let index = KnowledgeBaseIndex(store: environment.store)
        let jobs = ResourceCollection.ingestionJobs(environment)
        let tokens = Mutex<[String: String]>([:])

        registry.register(service, "CreateDataSource") { request in
            let input = request.input
            let account = request.context.account
            let knowledgeBase = try await lookup.knowledgeBase(request)
            let token = input["clientToken"]?.stringValue.map { "\(account.accountId)/\(account.region)/\(knowledgeBase.id)/\($0)" }
            if let token, let earlier = tokens.withLock({ $0[token] }), let stored = try await dataSources.find(earlier, account: account) {
                return OperationOutput(["dataSource": stored.value])
            }
            let name = input["name"]?.stringValue ?? ""
            try checkUnique(name, among: try await lookup.dataSources(of: knowledgeBase.id, account: account), knowledgeBaseId: knowledgeBase.id)
            try checkConfiguration(input["dataSourceConfiguration"])
            let id = ResourceID.alphanumericUpper(count: 10, using: environment.ids)
            // Data sources have no ARN on AWS; this one only keys the store row.
            let arn = "\(knowledgeBase.arn)/data-source/\(id)"
            let now = environment.clock.now()
            var value: [String: ShapeValue] = [
                "knowledgeBaseId": .string(knowledgeBase.id), "dataSourceId": .string(id), "name": .string(name), "status": "AVAILABLE",
                "dataDeletionPolicy": input["dataDeletionPolicy"] ?? "DELETE", "createdAt": .timestamp(now), "updatedAt": .timestamp(now),
            ]
            for member in ["description", "dataSourceConfiguration", "serverSideEncryptionConfiguration", "vectorIngestionConfiguration"] {
                value[member] = input[member]
            }
            let stored = try await dataSources.insert(.map(value), id: id, arn: arn, account: account)
            if let token { tokens.withLock { $0[token] = id } }
            return OperationOutput(["dataSource": stored.value])
        }

        registry.register(service, "GetDataSource") { request in
            OperationOutput(["dataSource": try await lookup.dataSource(request).dataSource.value])
        }

        registry.register(service, "ListDataSources") { request in
            let knowledgeBase = try await lookup.knowledgeBase(request)
            let all = try await lookup.dataSources(of: knowledgeBase.id, account: request.context.account)
            let page = try ListQuery(request.input, scope: "ListDataSources/\(knowledgeBase.id)", timeField: "createdAt").page(all)
            return .listing("dataSourceSummaries", page) {
                KnowledgeBaseOperations.summary($0.value, ["knowledgeBaseId", "dataSourceId", "name", "status", "description", "updatedAt"])
            }
        }

        registry.register(service, "UpdateDataSource") { request in
            let input = request.input
            let account = request.context.account
            let (knowledgeBase, stored) = try await lookup.dataSource(request)
            var value = stored.value.mapValue ?? [:]
            let name = input["name"]?.stringValue ?? ""
            if name != value["name"]?.stringValue {
                try checkUnique(name, among: try await lookup.dataSources(of: knowledgeBase.id, account: account), knowledgeBaseId: knowledgeBase.id)
            }
            try checkConfiguration(input["dataSourceConfiguration"])
            let chunking = { (config: ShapeValue?) in config?["chunkingConfiguration"] }
            if let wanted = chunking(input["vectorIngestionConfiguration"]), wanted != chunking(value["vectorIngestionConfiguration"]) {
                throw BedrockError.validation(
                    "The chunkingConfiguration of a data source can't be changed after it is created. Send the existing chunkingConfiguration, or create a new data source.")
            }
            value["name"] = .string(name)
            for member in ["description", "dataSourceConfiguration", "serverSideEncryptionConfiguration", "vectorIngestionConfiguration", "dataDeletionPolicy"]
            where input[member] != nil {
                value[member] = input[member]
            }
            value["updatedAt"] = .timestamp(environment.clock.now())
            return OperationOutput(["dataSource": try await dataSources.update(stored, to: .map(value)).value])
        }

        registry.register(service, "DeleteDataSource") { request in
            let (knowledgeBase, stored) = try await lookup.dataSource(request)
            for job in try await jobs.list(account: request.context.account) where job.value["dataSourceId"]?.stringValue == stored.id {
                try await jobs.delete(job)
            }
            if stored.value["dataDeletionPolicy"] != "RETAIN" {
                try await index.removeAll(knowledgeBaseId: knowledgeBase.id, dataSourceId: stored.id)
            }
            try await dataSources.delete(stored)
            return OperationOutput(["knowledgeBaseId": .string(knowledgeBase.id), "dataSourceId": .string(stored.id), "status": "DELETING"])
        }
    }

    static func checkUnique(_ name: String, among existing: [StoredResource], knowledgeBaseId: String) throws {
        if existing.contains(where: { $0.value["name"]?.stringValue == name }) {
            throw BedrockError.conflict("A data source named \(name) already exists in knowledge base \(knowledgeBaseId). Choose another name.")
        }
    }

    /// Each type needs its own configuration member, as AWS checks.
    static func checkConfiguration(_ configuration: ShapeValue?) throws {
        guard let configuration, let type = configuration["type"]?.stringValue else { return }
        let member = [
            "S3": "s3Configuration", "WEB": "webConfiguration", "CONFLUENCE": "confluenceConfiguration",
            "SALESFORCE": "salesforceConfiguration", "SHAREPOINT": "sharePointConfiguration",
        ][type]
        if let member, configuration[member] == nil {
            throw BedrockError.validation("A data source of type \(type) needs dataSourceConfiguration.\(member).")
        }
    }
}
