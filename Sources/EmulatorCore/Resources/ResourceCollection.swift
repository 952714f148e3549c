import BedrockAPI
import Foundation

/// The stored resources of one type of one service (sessions, agents, custom models ...),
/// each kept as a value of one shape of the API model, so what a Get returns is what was
/// stored, with the model's own types.
public struct ResourceCollection: Sendable {
    public let service: ServiceModel
    /// The resource type, as it appears in the ARN (`session`, `custom-model`).
    public let type: String
    /// The shape a stored description has (usually the Get operation's output shape).
    public let shape: String
    let environment: EmulatorEnvironment

    public init(service: String, type: String, shape: String, environment: EmulatorEnvironment) {
        guard let model = environment.model.service(service) else { preconditionFailure("no service \(service) in the api model") }
        self.service = model
        self.type = type
        self.shape = shape
        self.environment = environment
    }

    /// Stores a new resource and its tags in one transaction.
    public func insert(_ value: ShapeValue, id: String, arn: String, name: String? = nil, account: AccountContext, tags: [String: String] = [:]) async throws -> StoredResource {
        let now = environment.clock.now()
        let record = ResourceRecord(
            arn: arn, service: service.name, type: type, id: id, name: name, account: account.accountId, region: account.region,
            createdAt: now, updatedAt: now, body: encode(value))
        try await environment.store.write { db in
            try db.insertResource(record)
            if !tags.isEmpty { try db.tag(arn, with: tags) }
        }
        return StoredResource(record: record, value: value)
    }

    /// The resource named by an id, a name or an ARN, in the caller's account and region.
    public func find(_ identifier: String, account: AccountContext) async throws -> StoredResource? {
        let record: ResourceRecord?
        if identifier.hasPrefix("arn:") {
            record = try await environment.store.resource(arn: identifier).flatMap {
                $0.service == service.name && $0.type == type && $0.account == account.accountId && $0.region == account.region ? $0 : nil
            }
        } else {
            record = try await environment.store.resource(
                service: service.name, type: type, account: account.accountId, region: account.region, idOrName: identifier)
        }
        return try record.map { StoredResource(record: $0, value: try decode($0.body)) }
    }

    /// Like `find`, but a missing resource is `notFound`.
    public func require(_ identifier: String, account: AccountContext, notFound: @autoclosure () -> BedrockError) async throws -> StoredResource {
        guard let found = try await find(identifier, account: account) else { throw notFound() }
        return found
    }

    /// The resource the request's `member` names (id, name or ARN); a missing one is a
    /// ResourceNotFoundException naming it as `noun` ("batch inference job").
    public func require(_ request: OperationRequest, member: String, noun: String) async throws -> StoredResource {
        let identifier = request.input[member]?.stringValue ?? ""
        return try await require(
            identifier, account: request.context.account, notFound: .resourceNotFound("The \(noun) \(identifier) does not exist in this account and region."))
    }

    /// Saves a changed description; `updatedAt` becomes now.
    @discardableResult
    public func update(_ resource: StoredResource, to value: ShapeValue) async throws -> StoredResource {
        var record = resource.record
        record.body = encode(value)
        record.updatedAt = environment.clock.now()
        try await environment.store.updateResource(record)
        return StoredResource(record: record, value: value)
    }

    /// Removes the resource and its tags.
    public func delete(_ resource: StoredResource) async throws {
        try await environment.store.deleteResource(arn: resource.arn)
    }

    /// Every resource of this type in the caller's account and region, oldest first.
    public func list(account: AccountContext) async throws -> [StoredResource] {
        try await environment.store.resources(service: service.name, type: type, account: account.accountId, region: account.region)
            .map { StoredResource(record: $0, value: try decode($0.body)) }
    }

    func encode(_ value: ShapeValue) -> Data {
        Data(JSONWriter.write(ShapeEncoder(service: service).encode(value, as: shape)))
    }

    func decode(_ body: Data) throws -> ShapeValue {
        try ShapeDecoder(service: service).decode(JSONParser.parse(body), as: shape, path: "")
    }
}
