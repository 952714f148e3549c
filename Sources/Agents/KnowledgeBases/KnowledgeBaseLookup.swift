import BedrockAPI
import EmulatorCore

/// Finds the knowledge base and data source a request names, with AWS's not-found errors;
/// a data source is found only under the knowledge base it belongs to.
struct KnowledgeBaseLookup: Sendable {
    let knowledgeBases: ResourceCollection
    let dataSources: ResourceCollection

    init(_ environment: EmulatorEnvironment) {
        knowledgeBases = .knowledgeBases(environment)
        dataSources = .dataSources(environment)
    }

    func knowledgeBase(_ request: OperationRequest) async throws -> StoredResource {
        try await knowledgeBases.require(request, member: "knowledgeBaseId", noun: "knowledge base")
    }

    func knowledgeBase(id: String, account: AccountContext) async throws -> StoredResource {
        try await knowledgeBases.require(id, account: account, notFound: .resourceNotFound("The knowledge base \(id) does not exist in this account and region."))
    }

    /// The knowledge base and the data source of the request.
    func dataSource(_ request: OperationRequest) async throws -> (knowledgeBase: StoredResource, dataSource: StoredResource) {
        let knowledgeBase = try await knowledgeBase(request)
        let id = request.input["dataSourceId"]?.stringValue ?? ""
        return (knowledgeBase, try await dataSource(id: id, knowledgeBaseId: knowledgeBase.id, account: request.context.account))
    }

    func dataSource(id: String, knowledgeBaseId: String, account: AccountContext) async throws -> StoredResource {
        let notFound = BedrockError.resourceNotFound("The data source \(id) does not exist in knowledge base \(knowledgeBaseId).")
        let found = try await dataSources.require(id, account: account, notFound: notFound)
        guard found.value["knowledgeBaseId"]?.stringValue == knowledgeBaseId else { throw notFound }
        return found
    }

    /// The data sources of one knowledge base, oldest first.
    func dataSources(of knowledgeBaseId: String, account: AccountContext) async throws -> [StoredResource] {
        try await dataSources.list(account: account).filter { $0.value["knowledgeBaseId"]?.stringValue == knowledgeBaseId }
    }
}
