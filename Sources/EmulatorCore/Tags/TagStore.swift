/// The one tag store for every taggable ARN of the four services, kept in the `Store`.
///
/// Whether the ARN names an existing resource is the caller's check (see `Store.resourceExists(arn:)`).
public struct TagStore: Sendable {
    /// The database the tags live in.
    public let store: Store

    /// Creates a tag store over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// The tags of `arn`; empty when it has none.
    public func tags(for arn: String) async throws -> [String: String] {
        try await store.read { try $0.tags(for: arn) }
    }

    /// Adds or overwrites `tags` on `arn`; a bad key or value is a `ValidationException`,
    /// going over 50 tags a `TooManyTagsException`, and either leaves the tags unchanged.
    public func tag(_ arn: String, with tags: [String: String]) async throws {
        try await store.write { try $0.tag(arn, with: tags) }
    }

    /// Removes `keys` from `arn`; a reserved or malformed key is a `ValidationException`.
    public func untag(_ arn: String, keys: [String]) async throws {
        try await store.write { try $0.untag(arn, keys: keys) }
    }
}
