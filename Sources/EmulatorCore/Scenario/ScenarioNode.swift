import BedrockAPI
import Foundation
import Yams

/// One value of a scenario document with where it was written, so every refusal can name
/// the file, line and key path. YAML and JSON both arrive here (JSON is YAML).
struct ScenarioNode {
    enum Value {
        case scalar(Yams.Node.Scalar)
        case list([ScenarioNode])
        /// Each key with where it was written, and its value.
        case map([(key: String, node: ScenarioNode, keyLine: Int?, keyColumn: Int?)])
    }

    let value: Value
    let file: String
    let line: Int?
    let column: Int?
    let path: String

    /// Parses `text`; an empty document is an empty mapping.
    static func parse(_ text: String, file: String) throws(ScenarioError) -> ScenarioNode {
        let root: Yams.Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.syntaxError(error, file: file)
        } catch {
            throw ScenarioError(file: file, line: nil, column: nil, path: "", problem: "\(error)")
        }
        guard let root else { return ScenarioNode(value: .map([]), file: file, line: nil, column: nil, path: "") }
        return try ScenarioNode(root, file: file, path: "")
    }

    init(value: Value, file: String, line: Int?, column: Int?, path: String) {
        self.value = value
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }

    init(_ node: Yams.Node, file: String, path: String) throws(ScenarioError) {
        self.file = file
        self.line = node.mark?.line
        self.column = node.mark?.column
        self.path = path
        switch node {
        case .scalar(let scalar):
            value = .scalar(scalar)
        case .sequence(let sequence):
            var items: [ScenarioNode] = []
            for (index, item) in sequence.enumerated() {
                items.append(try ScenarioNode(item, file: file, path: "\(path)[\(index)]"))
            }
            value = .list(items)
        case .mapping(let mapping):
            var pairs: [(key: String, node: ScenarioNode, keyLine: Int?, keyColumn: Int?)] = []
            for (key, item) in mapping {
                guard let name = key.string else {
                    throw ScenarioError(file: file, line: key.mark?.line, column: key.mark?.column, path: path, problem: "keys must be strings")
                }
                if pairs.contains(where: { $0.key == name }) {
                    throw ScenarioError(file: file, line: key.mark?.line, column: key.mark?.column, path: path, problem: "`\(name)` is given twice")
                }
                pairs.append((name, try ScenarioNode(item, file: file, path: path.isEmpty ? name : "\(path).\(name)"), key.mark?.line, key.mark?.column))
            }
            value = .map(pairs)
        case .alias:
            throw ScenarioError(file: file, line: line, column: column, path: path, problem: "YAML aliases are not supported; write the value out")
        }
    }

    static func syntaxError(_ error: YamlError, file: String) -> ScenarioError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ScenarioError(file: file, line: mark.line, column: mark.column, path: "", problem: "not valid YAML or JSON: \(problem)")
        default:
            return ScenarioError(file: file, line: nil, column: nil, path: "", problem: "not valid YAML or JSON: \(error)")
        }
    }

    /// A refusal of this value.
    func error(_ problem: String) -> ScenarioError {
        ScenarioError(file: file, line: line, column: column, path: path, problem: problem)
    }

    /// A refusal of the key `pair` names, pointing at the key rather than its value.
    static func keyError(_ pair: (key: String, node: ScenarioNode, keyLine: Int?, keyColumn: Int?), _ problem: String) -> ScenarioError {
        ScenarioError(file: pair.node.file, line: pair.keyLine, column: pair.keyColumn, path: pair.node.path, problem: problem)
    }
}
