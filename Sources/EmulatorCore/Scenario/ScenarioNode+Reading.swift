import BedrockAPI
import Foundation
import Yams

/// Typed reads of scenario values; each refusal names what was expected.
extension ScenarioNode {
    /// The keys of a mapping, refusing any not in `allowed` (a misspelt key is a mistake,
    /// not something to ignore).
    func fields(_ allowed: [String]) throws(ScenarioError) -> ScenarioFields {
        guard case .map(let pairs) = value else { throw error("expected a mapping with keys \(allowed.joined(separator: ", "))") }
        for pair in pairs where !allowed.contains(pair.key) {
            throw Self.keyError(pair, "unknown key `\(pair.key)`; expected one of \(allowed.joined(separator: ", "))")
        }
        return ScenarioFields(node: self, pairs: pairs)
    }

    var isNull: Bool {
        if case .scalar(let scalar) = value { return scalar.style == .plain && Yams.Node.scalar(scalar).null != nil }
        return false
    }

    func string() throws(ScenarioError) -> String {
        guard case .scalar(let scalar) = value, !isNull else { throw error("expected a string") }
        return scalar.string
    }

    func int(in range: ClosedRange<Int> = 0...Int.max) throws(ScenarioError) -> Int {
        guard case .scalar(let scalar) = value, scalar.style == .plain, let number = Yams.Node.scalar(scalar).int else {
            throw error("expected a whole number")
        }
        guard range.contains(number) else { throw error("\(number) is out of range: expected \(Self.describe(range))") }
        return number
    }

    func double(in range: ClosedRange<Double> = 0...Double.greatestFiniteMagnitude) throws(ScenarioError) -> Double {
        guard case .scalar(let scalar) = value, scalar.style == .plain, let number = Yams.Node.scalar(scalar).float, number.isFinite else {
            throw error("expected a number")
        }
        guard range.contains(number) else {
            throw error("\(number) is out of range: expected \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    func bool() throws(ScenarioError) -> Bool {
        guard case .scalar(let scalar) = value, scalar.style == .plain, let flag = Yams.Node.scalar(scalar).bool else {
            throw error("expected true or false")
        }
        return flag
    }

    /// One of `choices`, compared exactly.
    func choice(_ choices: [String]) throws(ScenarioError) -> String {
        let text = try string()
        guard choices.contains(text) else { throw error("`\(text)` is not one of \(choices.joined(separator: ", "))") }
        return text
    }

    func list() throws(ScenarioError) -> [ScenarioNode] {
        guard case .list(let items) = value else { throw error("expected a list") }
        return items
    }

    /// A string, or a list of strings.
    func strings() throws(ScenarioError) -> [String] {
        if case .list(let items) = value {
            var result: [String] = []
            for item in items { result.append(try item.string()) }
            return result
        }
        return [try string()]
    }

    /// An ISO-8601 time.
    func date() throws(ScenarioError) -> Date {
        let text = try string()
        guard let date = Timestamp.parseISO8601(text) else { throw error("expected an ISO-8601 time such as 2026-01-01T00:00:00Z, not `\(text)`") }
        return date
    }

    /// Any value, as JSON (tool inputs, error fields).
    func json() throws(ScenarioError) -> JSONValue {
        switch value {
        case .list(let items):
            var result: [JSONValue] = []
            for item in items { result.append(try item.json()) }
            return .array(result)
        case .map(let pairs):
            var result: [String: JSONValue] = [:]
            for pair in pairs { result[pair.key] = try pair.node.json() }
            return .object(result)
        case .scalar(let scalar):
            guard scalar.style == .plain else { return .string(scalar.string) }
            let node = Yams.Node.scalar(scalar)
            if node.null != nil { return .null }
            if let flag = node.bool { return .bool(flag) }
            if let number = node.int { return .integer(Int64(number)) }
            if let number = node.float, number.isFinite { return .double(number) }
            return .string(scalar.string)
        }
    }

    static func describe(_ range: ClosedRange<Int>) -> String {
        range.upperBound == Int.max ? "at least \(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
    }
}

/// The keys of one scenario mapping.
struct ScenarioFields {
    let node: ScenarioNode
    let pairs: [(key: String, node: ScenarioNode, keyLine: Int?, keyColumn: Int?)]

    subscript(key: String) -> ScenarioNode? {
        pairs.first { $0.key == key && !$0.node.isNull }?.node
    }

    func required(_ key: String) throws(ScenarioError) -> ScenarioNode {
        guard let found = self[key] else { throw node.error("`\(key)` is required") }
        return found
    }
}
