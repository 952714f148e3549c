import GRDB

/// Tag-table access inside a transaction, e.g. to create a resource and its tags atomically.
extension Database {
    /// The tags of `arn`; empty when it has none or is unknown.
    public func tags(for arn: String) throws -> [String: String] {
        let rows = try Row.fetchAll(self, sql: "SELECT key, value FROM tags WHERE arn = ?", arguments: [arn])
        return Dictionary(rows.map { ($0["key"] as String, $0["value"] as String) }, uniquingKeysWith: { $1 })
    }

    /// Adds or overwrites `tags` on `arn` after checking AWS's rules; nothing changes if any rule fails.
    public func tag(_ arn: String, with tags: [String: String]) throws {
        // Sorted so that, of several bad keys, the same one is reported every time.
        for (key, value) in tags.sorted(by: { $0.key < $1.key }) {
            try TagRules.validate(key: key)
            try TagRules.validate(value: value, key: key)
        }
        let existing = try self.tags(for: arn)
        try TagRules.checkCount(existing.merging(tags) { $1 }.count, arn: arn)
        for (key, value) in tags {
            try execute(
                sql: "INSERT INTO tags (arn, key, value) VALUES (?, ?, ?) ON CONFLICT(arn, key) DO UPDATE SET value = excluded.value",
                arguments: [arn, key, value]
            )
        }
    }

    /// Removes `keys` from `arn`; keys it does not have are ignored, as AWS does.
    public func untag(_ arn: String, keys: [String]) throws {
        for key in keys { try TagRules.validate(key: key) }
        for key in keys {
            try execute(sql: "DELETE FROM tags WHERE arn = ? AND key = ?", arguments: [arn, key])
        }
    }

    /// Removes every tag of `arn`, as deleting the resource does.
    public func removeAllTags(_ arn: String) throws {
        try execute(sql: "DELETE FROM tags WHERE arn = ?", arguments: [arn])
    }
}
