/// Why a scenario file was refused: where (file, line, column, key path) and what is wrong.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The key path of the offending value, e.g. `responses[2].match.nth`.
    public var path: String
    public var problem: String

    public init(file: String, line: Int?, column: Int?, path: String, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.problem = problem
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return path.isEmpty ? "\(place): \(problem)" : "\(place): \(path): \(problem)"
    }
}
