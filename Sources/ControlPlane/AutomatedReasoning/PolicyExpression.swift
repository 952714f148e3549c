/// A rule expression of a policy definition in its SMT-LIB-like form
/// (`(=> (and isFullTime (> tenureMonths 12)) eligible)`), parsed so the emulator can see
/// which variables a rule uses and evaluate it against known values.
indirect enum PolicyExpression: Equatable, Sendable {
    case atom(String)
    case call(String, [PolicyExpression])

    /// Parses an expression; text that is not one is a single atom, so nothing fails.
    init(parsing text: String) {
        var tokens = Self.tokens(text)[...]
        self = Self.parse(&tokens) ?? .atom(text)
    }

    static func tokens(_ text: String) -> [String] {
        text.replacingOccurrences(of: "(", with: " ( ").replacingOccurrences(of: ")", with: " ) ")
            .split(whereSeparator: \.isWhitespace).map(String.init)
    }

    static func parse(_ tokens: inout ArraySlice<String>) -> PolicyExpression? {
        guard let first = tokens.popFirst() else { return nil }
        guard first == "(" else { return first == ")" ? nil : .atom(first) }
        guard let head = tokens.popFirst(), head != ")" else { return nil }
        var arguments: [PolicyExpression] = []
        while let next = tokens.first, next != ")" {
            guard let argument = parse(&tokens) else { return nil }
            arguments.append(argument)
        }
        _ = tokens.popFirst()
        return .call(head, arguments)
    }

    /// The atoms that are neither numbers nor literals: variable names and type values.
    var names: [String] {
        switch self {
        case .atom(let name): Double(name) == nil && !["true", "false"].contains(name) ? [name] : []
        case .call(_, let arguments): arguments.flatMap(\.names)
        }
    }

    /// The premise and conclusion of an implication, or nil for any other expression.
    var implication: (premise: PolicyExpression, conclusion: PolicyExpression)? {
        guard case .call("=>", let arguments) = self, arguments.count == 2 else { return nil }
        return (arguments[0], arguments[1])
    }

    /// A value an expression evaluates to: a truth value or a number.
    enum Value: Equatable { case bool(Bool), number(Double), symbol(String) }

    /// The expression's value given the known variable values; nil when it depends on an unknown one.
    func evaluate(_ known: [String: Value]) -> Value? {
        switch self {
        case .atom(let name):
            if name == "true" { return .bool(true) }
            if name == "false" { return .bool(false) }
            if let number = Double(name) { return .number(number) }
            return known[name] ?? (name.first?.isUppercase == true ? .symbol(name) : nil)
        case .call(let op, let arguments):
            let values = arguments.map { $0.evaluate(known) }
            return Self.apply(op, values)
        }
    }

    static func apply(_ op: String, _ values: [Value?]) -> Value? {
        let truths = values.map { value -> Bool? in if case .bool(let b) = value { return b } else { return nil } }
        switch op {
        case "not": return truths.first.flatMap { $0 }.map { .bool(!$0) }
        case "and":
            if truths.contains(false) { return .bool(false) }
            return truths.contains(nil) ? nil : .bool(true)
        case "or":
            if truths.contains(true) { return .bool(true) }
            return truths.contains(nil) ? nil : .bool(false)
        case "=>":
            guard truths.count == 2 else { return nil }
            if truths[0] == false || truths[1] == true { return .bool(true) }
            if truths[0] == true, truths[1] == false { return .bool(false) }
            return nil
        case "=":
            guard values.count == 2, let left = values[0], let right = values[1] else { return nil }
            return .bool(left == right)
        case ">", "<", ">=", "<=":
            guard values.count == 2, case .number(let left) = values[0], case .number(let right) = values[1] else { return nil }
            switch op {
            case ">": return .bool(left > right)
            case "<": return .bool(left < right)
            case ">=": return .bool(left >= right)
            default: return .bool(left <= right)
            }
        default: return nil
        }
    }
}

extension PolicyExpression {
    /// The expression written back in its own syntax.
    var text: String {
        switch self {
        case .atom(let name): name
        case .call(let op, let arguments): "(" + ([op] + arguments.map(\.text)).joined(separator: " ") + ")"
        }
    }

    /// The expression read out in plain English, for scenarios and generated tests.
    var sentence: String {
        switch self {
        case .atom(let name): Self.words(name) + " holds"
        case .call("not", let arguments): "not (" + (arguments.first?.sentence ?? "") + ")"
        case .call("and", let arguments): arguments.map(\.sentence).joined(separator: " and ")
        case .call("or", let arguments): arguments.map(\.sentence).joined(separator: " or ")
        case .call("=>", let arguments) where arguments.count == 2: "if \(arguments[0].sentence) then \(arguments[1].sentence)"
        case .call(let op, let arguments) where arguments.count == 2:
            "\(Self.words(arguments[0].text)) \(["=": "is", ">": "is more than", "<": "is less than", ">=": "is at least", "<=": "is at most"][op] ?? op) \(arguments[1].text)"
        case .call(_, _): text
        }
    }

    /// `tenureMonths` -> `tenure months`.
    static func words(_ name: String) -> String {
        name.reduce(into: "") { out, char in
            if char.isUppercase, !out.isEmpty { out += " " }
            out += char.lowercased()
        }
    }
}
