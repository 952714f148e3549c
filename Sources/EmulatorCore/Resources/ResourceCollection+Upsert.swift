import BedrockAPI

extension ResourceCollection {
    /// Stores `value` under `id`, replacing the one there: for resources AWS keeps one of per
    /// key (an account's logging configuration, a model's agreement), with an ARN built from it.
    @discardableResult
    public func upsert(_ value: ShapeValue, id: String, account: AccountContext) async throws -> StoredResource {
        if let stored = try await find(id, account: account) { return try await update(stored, to: value) }
        return try await insert(value, id: id, arn: account.arn(service: service.name, resource: "\(type)/\(id)").description, account: account)
    }
}
