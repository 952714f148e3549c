import BedrockAPI

/// AWS's tagging rules, shared by every taggable resource of the four services.
public enum TagRules {
    /// The most tags one resource may carry.
    public static let maxTagsPerResource = 50
    /// The longest tag key, in UTF-16 code units as AWS counts.
    public static let maxKeyLength = 128
    /// The longest tag value, in UTF-16 code units as AWS counts.
    public static let maxValueLength = 256
    /// The key prefix AWS reserves for itself.
    public static let reservedPrefix = "aws:"

    /// Throws a `ValidationException` for a key that is empty, too long or reserved.
    public static func validate(key: String) throws {
        guard (1...maxKeyLength).contains(key.utf16.count) else {
            throw BedrockError.validation("The tag key '\(key)' must be 1 to \(maxKeyLength) characters long.")
        }
        // AWS treats the prefix case-insensitively: 'AWS:x' is just as reserved.
        guard !key.lowercased().hasPrefix(reservedPrefix) else {
            throw BedrockError.validation(
                "The tag key '\(key)' is not allowed: keys starting with '\(reservedPrefix)' are reserved for AWS use."
            )
        }
    }

    /// Throws a `ValidationException` for a value that is too long.
    public static func validate(value: String, key: String) throws {
        guard value.utf16.count <= maxValueLength else {
            throw BedrockError.validation(
                "The value of tag '\(key)' must be at most \(maxValueLength) characters long."
            )
        }
    }

    /// Throws a `TooManyTagsException` when `arn` would end up with more than 50 tags.
    public static func checkCount(_ count: Int, arn: String) throws {
        guard count <= maxTagsPerResource else {
            var error = BedrockError.tooManyTags(
                "The request would give \(arn) \(count) tags; a resource can have at most \(maxTagsPerResource) tags."
            )
            error.fields["resourceName"] = .string(arn)
            throw error
        }
    }
}
