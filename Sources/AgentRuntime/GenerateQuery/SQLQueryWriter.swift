import BedrockAPI
import EmulatorCore
import Foundation

/// The fake text-to-SQL model: a deterministic Redshift query for a question, from what a
/// SQL knowledge base's `redshiftConfiguration` says of its tables. A curated query whose
/// question matches is answered as written; otherwise the table sharing the most words
/// with the question is queried, for the columns it names (else `*`), `COUNT(*)` for "how
/// many", `SUM`/`AVG`/`MIN`/`MAX` for "total", "average", "lowest", "highest" of a named
/// column, `WHERE column = value` for a named column followed by a value, and `LIMIT n` for
/// "top n" or "first n".
public struct SQLQueryWriter: Sendable {
    /// A table the query may read: its full name and its columns.
    public struct Table: Sendable, Equatable {
        public var name: String
        public var description: String
        public var columns: [String]

        public init(name: String, description: String = "", columns: [String] = []) {
            self.name = name
            self.description = description
            self.columns = columns
        }
    }

    public var tables: [Table]
    /// Curated examples: a question and the SQL that answers it.
    public var curated: [(question: String, sql: String)]

    public init(tables: [Table], curated: [(question: String, sql: String)] = []) {
        self.tables = tables
        self.curated = curated
    }

    /// What a `SqlKnowledgeBaseConfiguration` value says: the generation context's included
    /// tables (and columns), else the data catalog's table names, and the curated queries.
    public init(configuration: ShapeValue?) {
        let redshift = configuration?["redshiftConfiguration"]
        let context = redshift?["queryGenerationConfiguration"]?["generationContext"]
        var tables: [Table] = (context?["tables"]?.listValue ?? []).compactMap { table in
            guard table["inclusion"] != "EXCLUDE", let name = table["name"]?.stringValue else { return nil }
            let columns = (table["columns"]?.listValue ?? []).filter { $0["inclusion"] != "EXCLUDE" }.compactMap { $0["name"]?.stringValue }
            return Table(name: name, description: table["description"]?.stringValue ?? "", columns: columns)
        }
        if tables.isEmpty {
            for storage in redshift?["storageConfigurations"]?.listValue ?? [] {
                for name in storage["awsDataCatalogConfiguration"]?["tableNames"]?.listValue ?? [] {
                    if let name = name.stringValue, !name.hasSuffix("*") { tables.append(Table(name: name)) }
                }
            }
        }
        let curated = (context?["curatedQueries"]?.listValue ?? []).compactMap { query -> (question: String, sql: String)? in
            guard let question = query["naturalLanguage"]?.stringValue, let sql = query["sql"]?.stringValue else { return nil }
            return (question, sql)
        }
        self.init(tables: tables, curated: curated)
    }

    /// The SQL for `question`.
    public func sql(for question: String) -> String {
        let words = KnowledgeBaseSearch.keywords(question)
        if let match = curated.first(where: { KnowledgeBaseSearch.keywords($0.question) == words }) { return match.sql }
        let said = question.split { !$0.isLetter && !$0.isNumber && $0 != "_" && $0 != "." && $0 != "'" }.map(String.init)
        let spoken = said.map { $0.lowercased() }
        // No table described: the first plural noun of the question names one ("orders").
        let noun = spoken.first { $0.count > 3 && $0.hasSuffix("s") && words.contains(String($0.dropLast())) } ?? "records"
        let table = best(words) ?? Table(name: "public." + noun)
        let named = table.columns.filter { column in spoken.contains(column.lowercased()) || words.contains(column.lowercased()) }

        var selection = named.isEmpty ? "*" : named.joined(separator: ", ")
        let lowered = question.lowercased()
        if lowered.contains("how many") || spoken.contains("count") || spoken.contains("number") {
            selection = "COUNT(*)"
        } else if let column = named.first {
            for (cue, function) in [("total", "SUM"), ("sum", "SUM"), ("average", "AVG"), ("lowest", "MIN"), ("minimum", "MIN"), ("highest", "MAX"), ("maximum", "MAX")]
            where spoken.contains(cue) {
                selection = "\(function)(\(column))"
                break
            }
        }
        var sql = "SELECT \(selection) FROM \(table.name)"
        let conditions = table.columns.compactMap { column -> String? in
            guard let at = spoken.firstIndex(of: column.lowercased()) else { return nil }
            var next = spoken.index(after: at)
            while next < spoken.endIndex, ["is", "equals"].contains(spoken[next]) { next = spoken.index(after: next) }
            guard next < spoken.endIndex, !KnowledgeBaseSearch.keywords(spoken[next]).isEmpty, !table.columns.contains(spoken[next]) else { return nil }
            let value = said[next].trimmingCharacters(in: CharacterSet(charactersIn: "'."))
            return Double(value) != nil ? "\(column) = \(value)" : "\(column) = '\(value)'"
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        for cue in ["top", "first"] {
            if let at = spoken.firstIndex(of: cue), at + 1 < spoken.count, let limit = Int(spoken[at + 1]) {
                sql += " LIMIT \(limit)"
                break
            }
        }
        return sql + ";"
    }

    /// The table whose name, description and columns share the most words with the question.
    func best(_ words: Set<String>) -> Table? {
        let scored = tables.enumerated().map { index, table -> (Int, Int) in
            let text = ([table.name.replacingOccurrences(of: ".", with: " ").replacingOccurrences(of: "_", with: " "), table.description] + table.columns).joined(separator: " ")
            return (index, words.intersection(KnowledgeBaseSearch.keywords(text)).count)
        }
        return scored.max { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 > $1.0 }.map { tables[$0.0] }
    }
}
