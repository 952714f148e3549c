import BedrockAPI
import Foundation

/// A List operation's filters, order and page, read from its input by the conventions the
/// Bedrock APIs share: `statusEquals`, `<member>Equals`, `nameContains`, `<member>Contains`,
/// `creationTimeAfter`/`createdAfter`/`submitTimeAfter` (and `Before`), `sortOrder`
/// (Descending unless told), `maxResults`, `nextToken`. Members the conventions do not
/// cover are left to the handler, which filters before or after.
public struct ListQuery: Sendable {
    /// The List operation's input.
    public var input: ShapeValue
    /// Sealed into page tokens so one list's token is refused by another.
    public var scope: String
    /// The stored member holding the time lists sort and filter by (`creationTime`, `submitTime`).
    public var timeField: String
    /// The stored member `nameContains` looks in (`jobName`, `modelName`).
    public var nameField: String
    /// Input members whose stored member is not the conventional one: `baseModelArnEquals` -> `baseModelArn`
    /// is found alone, `modelStatus` -> `modelStatus` must be named.
    public var fields: [String: String]
    /// Page size when the input gives none.
    public var defaultMaxResults: Int

    static let paging: Set<String> = ["maxResults", "nextToken", "sortBy", "sortOrder"]

    public init(
        _ input: ShapeValue, scope: String, timeField: String = "creationTime", nameField: String = "name", fields: [String: String] = [:],
        defaultMaxResults: Int = 100
    ) {
        self.input = input
        self.scope = scope
        self.timeField = timeField
        self.nameField = nameField
        self.fields = fields
        self.defaultMaxResults = defaultMaxResults
    }

    /// The page of `items` (oldest stored first) the input asks for: filtered, sorted by
    /// time, cut. Equal times keep the order they were stored in, so jobs made in one
    /// virtual-clock instant list in the order they were made.
    public func page(_ items: [StoredResource]) throws -> Page<StoredResource> {
        try page(of: sorted(items))
    }

    /// `items` filtered and in the order the input asks for, uncut: for lists that add
    /// entries of their own (a built-in alias, a DRAFT) before the page is cut.
    public func sorted(_ items: [StoredResource]) -> [StoredResource] {
        let time = { (item: StoredResource) in item.value[timeField]?.timestampValue ?? item.record.createdAt }
        var sorted = items.filter(matches).enumerated()
            .sorted { time($0.element) == time($1.element) ? $0.offset < $1.offset : time($0.element) < time($1.element) }
            .map(\.element)
        if input["sortOrder"]?.stringValue != "Ascending" { sorted.reverse() }
        return sorted
    }

    /// The page of `items`, already in order, that `maxResults` and `nextToken` ask for.
    public func page<Item>(of items: [Item]) throws -> Page<Item> {
        try Page.paginate(
            items, maxResults: input["maxResults"]?.intValue, nextToken: input["nextToken"]?.stringValue,
            defaultMaxResults: defaultMaxResults, scope: scope)
    }

    /// Whether one stored resource passes every filter the input sets.
    public func matches(_ item: StoredResource) -> Bool {
        guard let members = input.mapValue else { return true }
        for (member, wanted) in members where !Self.paging.contains(member) {
            guard let test = filter(member) else { continue }
            if !test(item, wanted) { return false }
        }
        return true
    }

    /// The test one input member stands for, or nil when it is not a filter by convention.
    func filter(_ member: String) -> ((StoredResource, ShapeValue) -> Bool)? {
        if let field = fields[member] {
            return { item, wanted in item.value[field] == wanted }
        }
        if member.hasSuffix("After") || member.hasSuffix("Before") {
            let after = member.hasSuffix("After")
            return { item, wanted in
                guard let bound = wanted.timestampValue else { return true }
                let time = item.value[timeField]?.timestampValue ?? item.record.createdAt
                return after ? time > bound : time < bound
            }
        }
        if member == "nameContains" || member.hasSuffix("Contains") {
            let field = member == "nameContains" ? nameField : String(member.dropLast("Contains".count))
            return { item, wanted in
                guard let text = wanted.stringValue else { return true }
                return item.value[field]?.stringValue?.contains(text) == true
            }
        }
        if member.hasSuffix("Equals") {
            let field = String(member.dropLast("Equals".count))
            return { item, wanted in item.value[field] == wanted }
        }
        return nil
    }
}

extension OperationOutput {
    /// A List answer: the page's items (each shaped by `summary`) under `member`, and `nextToken`.
    public static func listing(
        _ member: String, _ page: Page<StoredResource>, summary: (StoredResource) -> ShapeValue = { $0.value }
    ) -> OperationOutput {
        listing(member, Page(items: page.items.map(summary), nextToken: page.nextToken))
    }

    /// A List answer of summaries already made.
    public static func listing(_ member: String, _ page: Page<ShapeValue>) -> OperationOutput {
        var output: [String: ShapeValue] = [member: .list(page.items)]
        output["nextToken"] = page.nextToken.map(ShapeValue.string)
        return OperationOutput(.map(output))
    }
}
