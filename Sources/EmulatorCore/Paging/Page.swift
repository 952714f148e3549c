import BedrockAPI

/// One page of a List operation's results and the token for the next one.
public struct Page<Item> {
    /// The items on this page.
    public var items: [Item]
    /// The token for the next page; nil on the last page.
    public var nextToken: String?

    /// Creates a page.
    public init(items: [Item], nextToken: String?) {
        self.items = items
        self.nextToken = nextToken
    }
}

extension Page: Sendable where Item: Sendable {}
extension Page: Equatable where Item: Equatable {}

extension Page {
    /// Cuts the page that `nextToken` points at out of `all`.
    ///
    /// `all` must come in a stable order (e.g. by creation time, then id) on every call, since
    /// the token is a position in that list; items added or removed between calls can shift it,
    /// as with any offset cursor. `scope` (e.g. the operation name and parent id) is sealed into
    /// the token so one from another list is refused rather than misread.
    public static func paginate(
        _ all: [Item], maxResults: Int?, nextToken: String?,
        defaultMaxResults: Int = 100, scope: String = ""
    ) throws -> Page<Item> {
        let limit = maxResults ?? defaultMaxResults
        guard limit >= 1 else {
            throw BedrockError.validation(
                "1 validation error detected: Value '\(limit)' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"
            )
        }
        let start = try nextToken.map { try PageToken(decoding: $0, scope: scope).offset } ?? 0
        // A list that shrank since the token was issued simply has nothing left.
        guard start < all.count else { return Page(items: [], nextToken: nil) }
        let end = min(start + limit, all.count)
        let next = end < all.count ? PageToken(offset: end).encoded(scope: scope) : nil
        return Page(items: Array(all[start..<end]), nextToken: next)
    }
}
