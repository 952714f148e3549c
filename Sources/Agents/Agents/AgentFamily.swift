import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation

/// What every agent build-time operation shares: the stored agents and their sub-resources,
/// the timed lifecycles (`CREATING` -> `NOT_PREPARED`, `PREPARING` -> `PREPARED`, alias
/// `CREATING`/`UPDATING` -> `PREPARED`), and the checks AWS makes before a change.
struct AgentFamily: Sendable {
    static let service = "bedrock-agent"
    static let draft = "DRAFT"
    static let testAliasId = "TSTALIASID"
    static let creatingTiming = JobTiming(durations: [("CREATING", 1)], outcome: "NOT_PREPARED")
    static let preparingTiming = JobTiming(durations: [("PREPARING", 2)], outcome: "PREPARED")
    static let aliasTiming = JobTiming(durations: [("CREATING", 1)], outcome: "PREPARED")

    let environment: EmulatorEnvironment
    let catalog: ModelCatalog
    let agents: ResourceCollection
    let versions: ResourceCollection
    let aliases: ResourceCollection
    let actionGroups: ResourceCollection
    let knowledgeBases: ResourceCollection
    let collaborators: ResourceCollection
    let creating: TimedJobs
    let preparing: TimedJobs
    let aliasLifecycle: TimedJobs

    init(environment: EmulatorEnvironment, catalog: ModelCatalog) {
        self.environment = environment
        self.catalog = catalog
        agents = .agents(environment)
        versions = .agentVersions(environment)
        aliases = .agentAliases(environment)
        actionGroups = .agentActionGroups(environment)
        knowledgeBases = .agentKnowledgeBases(environment)
        collaborators = .agentCollaborators(environment)
        let agentFields = TimedJobs.Fields(status: "agentStatus", modified: "updatedAt", end: nil)
        creating = TimedJobs(
            type: "agent_create", collection: agents, defaultTiming: Self.creatingTiming, startField: "createdAt", fields: agentFields,
            environment: environment, finish: Self.failure("The agent could not be created, as the scenario says."))
        preparing = TimedJobs(
            type: "agent_prepare", collection: agents, defaultTiming: Self.preparingTiming, startField: "preparedAt",
            fields: .init(status: "agentStatus", modified: "updatedAt", end: "preparedAt"),
            environment: environment, finish: Self.failure("The agent could not be prepared, as the scenario says."))
        aliasLifecycle = TimedJobs(
            type: "agent_alias", collection: aliases, defaultTiming: Self.aliasTiming, startField: "updatedAt",
            fields: .init(status: "agentAliasStatus", modified: "updatedAt", end: nil),
            environment: environment, finish: Self.failure("The agent alias could not be prepared, as the scenario says."))
    }

    /// A scenario that makes a lifecycle end FAILED gives its message as the failure reason.
    static func failure(_ fallback: String) -> TimedJobs.Finish {
        { _, timing in timing.outcome == "FAILED" ? ["failureReasons": .list([.string(timing.message ?? fallback)])] : [:] }
    }

    var now: Date { environment.clock.now() }

    /// The agent as the clock has moved it.
    func current(_ agent: StoredResource) async throws -> StoredResource {
        try await preparing.current(try await creating.current(agent))
    }

    /// The agent the request's `agentId` names, moved on by the clock; unknown is a 404.
    func agent(_ request: OperationRequest) async throws -> StoredResource {
        try await current(try await agents.require(request, member: "agentId", noun: "agent"))
    }

    /// The agent whose DRAFT the request changes; refused while it is busy, as AWS does.
    func editableAgent(_ request: OperationRequest, operation: String = "Update") async throws -> StoredResource {
        let agent = try await agent(request)
        let status = agent.value["agentStatus"]?.stringValue ?? ""
        if ["CREATING", "PREPARING", "DELETING", "VERSIONING", "UPDATING"].contains(status) {
            throw BedrockError.conflict(
                "\(operation) operation can't be performed on Agent when it is in \(status) state. Wait until the agent is NOT_PREPARED or PREPARED (GetAgent), then try again.")
        }
        return agent
    }

    /// Marks the agent's DRAFT as changed: it must be prepared again before it runs the change.
    func draftChanged(_ agent: StoredResource) async throws {
        var value = agent.value.mapValue ?? [:]
        value["agentStatus"] = "NOT_PREPARED"
        value["updatedAt"] = .timestamp(now)
        try await agents.update(agent, to: .map(value))
    }

    /// The version the request's `agentVersion` names: DRAFT, or a numbered version that exists.
    func version(_ request: OperationRequest, of agent: StoredResource) async throws -> String {
        let version = request.input["agentVersion"]?.stringValue ?? Self.draft
        if version != Self.draft, try await versions.find(key(agent.id, version), account: request.context.account) == nil {
            throw BedrockError.resourceNotFound("The agent \(agent.id) has no version \(version). ListAgentVersions shows the versions it has.")
        }
        return version
    }

    /// The sub-resource of `collection` the request names by `idMember`, in the version it names.
    func child(_ request: OperationRequest, in collection: ResourceCollection, idMember: String, noun: String) async throws -> StoredResource {
        let agent = try await agent(request)
        let version = try await version(request, of: agent)
        let id = request.input[idMember]?.stringValue ?? ""
        return try await collection.require(
            key(agent.id, version, id), account: request.context.account,
            notFound: .resourceNotFound("The \(noun) \(id) does not exist in version \(version) of agent \(agent.id)."))
    }

    /// The stored key of a resource that is unique only within its agent (and version).
    func key(_ parts: String...) -> String { parts.joined(separator: "/") }

    /// The sub-resources of `collection` that belong to one agent (and one version of it, if given).
    func children(_ collection: ResourceCollection, agentId: String, version: String? = nil, account: AccountContext) async throws -> [StoredResource] {
        try await collection.list(account: account).filter {
            $0.value["agentId"]?.stringValue == agentId && (version == nil || $0.value["agentVersion"]?.stringValue == version)
        }
    }

    /// The resource an earlier call with the same `clientToken` made, so a retry answers it again.
    func earlier(_ request: OperationRequest, in resources: [StoredResource]) -> StoredResource? {
        guard let token = request.input["clientToken"]?.stringValue else { return nil }
        return resources.first { $0.value["clientToken"]?.stringValue == token }
    }

    /// A ConflictException in AWS's words when `name` is taken among `resources`.
    func requireUnique(
        _ name: String, member: String, among resources: [StoredResource], idMember: String, except id: String? = nil, operation: String = "Create"
    ) throws {
        if let taken = resources.first(where: { $0.value[member]?.stringValue == name && $0.value[idMember]?.stringValue != id }) {
            let takenId = taken.value[idMember]?.stringValue ?? ""
            throw BedrockError.conflict(
                "Could not perform \(operation) operation, since the \(name) (id: \(takenId)) with the same name \(name) already exists. Choose another \(member).")
        }
    }

    /// The ARN a sub-resource is stored under (it has none on AWS; the store needs one).
    func childArn(_ collection: ResourceCollection, agentId: String, version: String, id: String, account: AccountContext) -> String {
        account.arn(service: "bedrock", resource: "agent/\(agentId)/\(version)/\(collection.type)/\(id)").description
    }

    /// Copies a DRAFT sub-resource into a new numbered version.
    func copy(_ child: StoredResource, in collection: ResourceCollection, idMember: String, to version: String, account: AccountContext) async throws {
        var value = child.value.mapValue ?? [:]
        let agentId = value["agentId"]?.stringValue ?? ""
        let id = value[idMember]?.stringValue ?? child.id
        value["agentVersion"] = .string(version)
        let arn = childArn(collection, agentId: agentId, version: version, id: id, account: account)
        _ = try await collection.insert(.map(value), id: key(agentId, version, id), arn: arn, account: account)
    }

    /// Removes an agent version's sub-resources (or, with no version, all of the agent's).
    func removeChildren(agentId: String, version: String? = nil, account: AccountContext) async throws {
        for collection in [actionGroups, knowledgeBases, collaborators] {
            for child in try await children(collection, agentId: agentId, version: version, account: account) {
                try await collection.delete(child)
            }
        }
    }
}
