import Foundation

/// Resolves an HTTP method and path to the operation whose URI template matches, the way
/// AWS does: literal segments beat labels, a trailing slash is significant, labels are
/// percent-decoded and greedy labels take the rest of the path.
public struct Router: Sendable {
    /// What a request resolved to.
    public struct Match: Sendable {
        public let key: OperationKey
        /// Label values, percent-decoded.
        public let labels: [String: String]
    }

    struct Route: Sendable {
        let key: OperationKey
        let method: String
        let template: RouteTemplate
    }

    let routes: [Route]
    /// Routes by method and first path segment (`*` when it is a label): a request is
    /// compared with a handful of templates rather than all 219.
    let index: [String: [Route]]

    /// Builds the routes of every operation in `model`. Where two services share a route
    /// (the agent services' `/tags/{resourceArn}`), the first service listed wins.
    public init(model: APIModel) {
        var routes: [Route] = []
        for service in model.services {
            for (name, operation) in service.operations.sorted(by: { $0.key < $1.key }) {
                routes.append(Route(
                    key: OperationKey(service: service.name, operation: name),
                    method: operation.method,
                    template: RouteTemplate(operation.uri)
                ))
            }
        }
        self.routes = routes
        self.index = Dictionary(grouping: routes) { route in Self.indexKey(route.method, route.template.segments.first) }
    }

    static func indexKey(_ method: String, _ first: RouteTemplate.Segment?) -> String {
        switch first {
        case .literal(let text): method + " " + text
        case nil: method + " "
        default: method + " *"
        }
    }

    /// The operation for `method` and the raw (still percent-encoded) `path`, or nil.
    public func match(method: String, path rawPath: String, query: [(String, String)] = []) -> Match? {
        candidates(method: method, path: rawPath, query: query).first
    }

    /// Every operation matching equally well, most specific first. More than one only where
    /// services share a route (`/tags/{resourceArn}` of the two agent services); the caller
    /// picks the one whose input the request satisfies.
    public func candidates(method: String, path rawPath: String, query: [(String, String)] = []) -> [Match] {
        let trailingSlash = rawPath.utf8.count > 1 && rawPath.utf8.last == UInt8(ascii: "/")
        // Each segment is percent-decoded once, here; templates compare decoded text.
        // Bytes, not Characters: Foundation's `contains("%")` on text costs more than the match.
        let segments = rawPath.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map { bytes in
            let segment = String(Substring(bytes))
            return bytes.contains(UInt8(ascii: "%")) ? segment.removingPercentEncodingOrSelf : segment
        }
        let first = segments.first.map { Self.indexKey(method, .literal($0)) } ?? Self.indexKey(method, nil)
        let candidates = (index[first] ?? []) + (index[Self.indexKey(method, .label("*"))] ?? [])
        var best: [Match] = []
        var bestRank: [Int] = []
        for route in candidates where route.template.trailingSlash == trailingSlash {
            guard let labels = Self.bind(route.template.segments, to: segments) else { continue }
            guard route.template.query.allSatisfy({ part in
                query.contains { $0.0 == part.name && (part.value == nil || $0.1 == part.value) }
            }) else { continue }
            // Literal query parts make a template more specific than the same path without them.
            let rank = route.template.specificity + [route.template.query.count]
            let match = Match(key: route.key, labels: labels)
            if best.isEmpty || bestRank.lexicographicallyPrecedes(rank) {
                best = [match]
                bestRank = rank
            } else if rank == bestRank {
                best.append(match)
            }
        }
        return best
    }

    /// Binds template segments to (already percent-decoded) path segments.
    static func bind(_ template: [RouteTemplate.Segment], to path: [String]) -> [String: String]? {
        var labels: [String: String] = [:]
        var index = 0
        for (position, segment) in template.enumerated() {
            switch segment {
            case .literal(let text):
                guard index < path.count, path[index] == text else { return nil }
                index += 1
            case .label(let name):
                guard index < path.count, !path[index].isEmpty else { return nil }
                labels[name] = path[index]
                index += 1
            case .greedy(let name):
                // A greedy label takes what the segments after it leave over.
                let rest = template.count - position - 1
                let take = path.count - index - rest
                guard take >= 1 else { return nil }
                labels[name] = path[index..<(index + take)].joined(separator: "/")
                index += take
            }
        }
        return index == path.count ? labels : nil
    }
}

extension String {
    /// Percent-decoded, or unchanged where the encoding is broken (a lone `%`).
    var removingPercentEncodingOrSelf: String { removingPercentEncoding ?? self }
}
