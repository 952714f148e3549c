import BedrockAPI

/// A Condition node's expression in Bedrock's language: comparisons (`==`, `!=`, `>`, `>=`,
/// `<`, `<=`) of the node's inputs and literals (numbers, quoted strings, `true`, `false`),
/// joined by `and`, `or` and `not`, with parentheses.
public indirect enum FlowConditionExpression: Sendable, Equatable {
    case literal(ShapeValue)
    case variable(String)
    case comparison(String, FlowConditionExpression, FlowConditionExpression)
    case and(FlowConditionExpression, FlowConditionExpression)
    case or(FlowConditionExpression, FlowConditionExpression)
    case not(FlowConditionExpression)

    /// Why an expression does not parse.
    public struct Malformed: Error, Sendable, Equatable {
        public var cause: String
    }

    /// Parses `text`; a malformed expression throws with its cause.
    public init(parsing text: String) throws(Malformed) {
        var parser = Parser(tokens: try Self.tokens(text))
        let expression = try parser.disjunction()
        if let extra = parser.peek { throw Malformed(cause: "Unexpected '\(extra)' after the end of the expression.") }
        self = expression
    }

    /// The input names the expression reads.
    public var variables: [String] {
        switch self {
        case .literal: []
        case .variable(let name): [name]
        case .comparison(_, let lhs, let rhs), .and(let lhs, let rhs), .or(let lhs, let rhs): lhs.variables + rhs.variables
        case .not(let inner): inner.variables
        }
    }

    /// Whether the expression holds for the node's input values.
    public func holds(_ inputs: [String: ShapeValue]) -> Bool {
        switch self {
        case .and(let lhs, let rhs): lhs.holds(inputs) && rhs.holds(inputs)
        case .or(let lhs, let rhs): lhs.holds(inputs) || rhs.holds(inputs)
        case .not(let inner): !inner.holds(inputs)
        case .comparison(let op, let lhs, let rhs): Self.compare(op, lhs.value(inputs), rhs.value(inputs))
        case .literal, .variable: value(inputs).boolValue == true
        }
    }

    func value(_ inputs: [String: ShapeValue]) -> ShapeValue {
        switch self {
        case .literal(let value): value
        case .variable(let name): inputs[name] ?? .null
        default: .bool(holds(inputs))
        }
    }

    static func compare(_ op: String, _ lhs: ShapeValue, _ rhs: ShapeValue) -> Bool {
        if let left = lhs.doubleValue, let right = rhs.doubleValue { return order(op, left, right) }
        if let left = lhs.stringValue, let right = rhs.stringValue { return order(op, left, right) }
        switch op {
        case "==": return lhs == rhs
        case "!=": return lhs != rhs
        default: return false
        }
    }

    static func order<T: Comparable>(_ op: String, _ left: T, _ right: T) -> Bool {
        switch op {
        case "==": left == right
        case "!=": left != right
        case ">": left > right
        case ">=": left >= right
        case "<": left < right
        default: left <= right
        }
    }

    enum Token: Equatable, CustomStringConvertible {
        case word(String), number(Double), string(String), symbol(String)

        var description: String {
            switch self {
            case .word(let w): w
            case .number(let n): String(n)
            case .string(let s): "\"\(s)\""
            case .symbol(let s): s
            }
        }
    }

    static func tokens(_ text: String) throws(Malformed) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
            } else if character == "\"" || character == "'" {
                guard let end = characters[(index + 1)...].firstIndex(of: character) else {
                    throw Malformed(cause: "The string starting at position \(index + 1) is not closed with \(character).")
                }
                tokens.append(.string(String(characters[(index + 1)..<end])))
                index = end + 1
            } else if character.isNumber || (character == "-" && index + 1 < characters.count && characters[index + 1].isNumber) {
                var end = index + 1
                while end < characters.count, characters[end].isNumber || characters[end] == "." { end += 1 }
                guard let number = Double(String(characters[index..<end])) else {
                    throw Malformed(cause: "'\(String(characters[index..<end]))' is not a number.")
                }
                tokens.append(.number(number))
                index = end
            } else if character.isLetter || character == "_" {
                var end = index + 1
                while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" { end += 1 }
                tokens.append(.word(String(characters[index..<end])))
                index = end
            } else {
                let two = index + 1 < characters.count ? String(characters[index...(index + 1)]) : ""
                if ["==", "!=", ">=", "<="].contains(two) {
                    tokens.append(.symbol(two))
                    index += 2
                } else if "<>()".contains(character) {
                    tokens.append(.symbol(String(character)))
                    index += 1
                } else {
                    throw Malformed(cause: "Unexpected character '\(character)' at position \(index + 1). Use ==, !=, >, >=, <, <=, and, or, not.")
                }
            }
        }
        return tokens
    }

    struct Parser {
        var tokens: [Token]
        var position = 0

        var peek: Token? { position < tokens.count ? tokens[position] : nil }

        mutating func next() -> Token? {
            defer { position += 1 }
            return peek
        }

        mutating func disjunction() throws(Malformed) -> FlowConditionExpression {
            var expression = try conjunction()
            while peek == .word("or") {
                position += 1
                expression = .or(expression, try conjunction())
            }
            return expression
        }

        mutating func conjunction() throws(Malformed) -> FlowConditionExpression {
            var expression = try negation()
            while peek == .word("and") {
                position += 1
                expression = .and(expression, try negation())
            }
            return expression
        }

        mutating func negation() throws(Malformed) -> FlowConditionExpression {
            if peek == .word("not") {
                position += 1
                return .not(try negation())
            }
            let lhs = try operand()
            guard case .symbol(let op) = peek, op != "(", op != ")" else { return lhs }
            position += 1
            return .comparison(op, lhs, try operand())
        }

        mutating func operand() throws(Malformed) -> FlowConditionExpression {
            switch next() {
            case .number(let n): return .literal(n.rounded() == n && abs(n) < 1e15 ? .integer(Int64(n)) : .double(n))
            case .string(let s): return .literal(.string(s))
            case .word("true"): return .literal(.bool(true))
            case .word("false"): return .literal(.bool(false))
            case .word(let w) where !["and", "or", "not"].contains(w): return .variable(w)
            case .symbol("("):
                let inner = try disjunction()
                guard next() == .symbol(")") else { throw Malformed(cause: "A '(' is not closed with ')'.") }
                return inner
            case let token?: throw Malformed(cause: "Expected an input name or a value, found '\(token)'.")
            case nil: throw Malformed(cause: "The expression ends where an input name or a value is expected.")
            }
        }
    }
}
