import BedrockAPI

/// Values of a second shape kept beside stored resources, for what a resource's own shape
/// has no member for (a policy's definition beside its Get description). Each is found
/// by its owner's ARN.
public struct Companions: Sendable {
    let collection: ResourceCollection

    /// Companions of `shape`, stored as resources of `type` (never listed to users).
    public init(service: String, type: String, shape: String, environment: EmulatorEnvironment) {
        collection = ResourceCollection(service: service, type: type, shape: shape, environment: environment)
    }

    func arn(of owner: String) -> String { owner + "#" + collection.type }

    /// The value kept beside `owner`, or nil.
    public func value(of owner: String, account: AccountContext) async throws -> ShapeValue? {
        try await collection.find(arn(of: owner), account: account)?.value
    }

    /// Keeps `value` beside `owner`, replacing any earlier one.
    public func set(_ value: ShapeValue, of owner: String, account: AccountContext) async throws {
        if let stored = try await collection.find(arn(of: owner), account: account) {
            try await collection.update(stored, to: value)
        } else {
            _ = try await collection.insert(value, id: owner, arn: arn(of: owner), account: account)
        }
    }

    /// Forgets the value kept beside `owner`, if any.
    public func remove(of owner: String, account: AccountContext) async throws {
        if let stored = try await collection.find(arn(of: owner), account: account) { try await collection.delete(stored) }
    }
}
