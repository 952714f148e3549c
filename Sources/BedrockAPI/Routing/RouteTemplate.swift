/// A parsed request URI template: path segments (literal, label or greedy label) and the
/// literal query parameters some operations carry in their template.
public struct RouteTemplate: Sendable {
    /// One path segment of a template.
    public enum Segment: Sendable, Equatable {
        case literal(String)
        case label(String)
        /// `{name+}`: matches one or more segments, slashes included.
        case greedy(String)
    }

    public let segments: [Segment]
    /// A template ending in `/` only matches paths ending in `/` (`/agents/{agentId}/`).
    public let trailingSlash: Bool
    /// Literal `name=value` (or bare `name`) query parts of the template.
    public let query: [(name: String, value: String?)]

    /// Parses a botocore `requestUri`.
    public init(_ uri: String) {
        let parts = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        query = parts.count > 1
            ? parts[1].split(separator: "&").map { item in
                let pair = item.split(separator: "=", maxSplits: 1)
                return (String(pair[0]), pair.count > 1 ? String(pair[1]) : nil)
            }
            : []
        trailingSlash = path.count > 1 && path.hasSuffix("/")
        segments = path.split(separator: "/").map { raw in
            if raw.hasPrefix("{") && raw.hasSuffix("}") {
                let name = raw.dropFirst().dropLast()
                return name.hasSuffix("+") ? .greedy(String(name.dropLast())) : .label(String(name))
            }
            return .literal(String(raw))
        }
    }

    /// How specific the template is: literals outrank labels, labels outrank greedy labels.
    var specificity: [Int] {
        segments.map {
            switch $0 {
            case .literal: 2
            case .label: 1
            case .greedy: 0
            }
        }
    }
}
