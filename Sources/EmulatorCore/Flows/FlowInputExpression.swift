import BedrockAPI

/// A node input's expression: the JSONPath subset Bedrock flows use to pick from the data
/// arriving at an input (`$.data`, `$.data.user.name`, `$.data.items[0]`).
public struct FlowInputExpression: Sendable, Equatable {
    enum Step: Sendable, Equatable { case member(String), index(Int) }

    let steps: [Step]

    /// Parses `text`; anything outside the subset throws with its cause.
    public init(parsing text: String) throws(FlowConditionExpression.Malformed) {
        guard text.hasPrefix("$.data") else {
            throw .init(cause: "The expression must start with $.data (the data arriving at the input), as in $.data or $.data.field.")
        }
        var steps: [Step] = []
        var rest = Substring(text.dropFirst("$.data".count))
        while let first = rest.first {
            if first == "." {
                rest = rest.dropFirst()
                let name = rest.prefix { $0 != "." && $0 != "[" }
                guard !name.isEmpty else { throw .init(cause: "A '.' in \(text) is not followed by a member name.") }
                steps.append(.member(String(name)))
                rest = rest.dropFirst(name.count)
            } else if first == "[" {
                guard let close = rest.firstIndex(of: "]"), let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= 0 else {
                    throw .init(cause: "An index in \(text) must be a whole number in brackets, as in [0].")
                }
                steps.append(.index(index))
                rest = rest[rest.index(after: close)...]
            } else {
                throw .init(cause: "Unexpected '\(first)' in \(text); use .member or [index] after $.data.")
            }
        }
        self.steps = steps
    }

    /// Whether the expression is `$.data` itself, passing the data through unchanged.
    public var isWhole: Bool { steps.isEmpty }

    /// What the expression picks from `data`; a missing member or index is null.
    public func select(from data: ShapeValue) -> ShapeValue {
        steps.reduce(data) { value, step in
            switch step {
            case .member(let name): value[name] ?? .null
            case .index(let index): value.listValue.flatMap { index < $0.count ? $0[index] : nil } ?? .null
            }
        }
    }
}
