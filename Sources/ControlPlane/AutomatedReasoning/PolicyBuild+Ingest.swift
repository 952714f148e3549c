import BedrockAPI
import Foundation

extension PolicyBuild {
    static let stopWords: Set<String> = [
        "a", "an", "the", "is", "are", "be", "been", "they", "them", "their", "it", "its", "of", "to", "for", "and", "or", "if", "then",
        "may", "can", "will", "shall", "must", "should", "who", "that", "this", "with", "in", "on", "at", "by", "as", "has", "have", "had",
        "more", "than", "least", "over", "under", "less", "fewer", "at", "most", "not", "no", "any", "all", "each", "every", "do", "does",
        "you", "your", "we", "our", "he", "she", "his", "her",
    ]

    /// Reads rules out of plain text: every sentence "X if Y" (or "If Y, X") becomes a rule
    /// `(=> Y X)` over variables named by each clause's key words; "more than 12" makes an INT
    /// variable compared with 12. Other sentences add nothing.
    mutating func ingest(_ text: String) -> [ShapeValue] {
        var steps: [ShapeValue] = []
        for sentence in text.components(separatedBy: CharacterSet(charactersIn: ".!?\n;")) {
            let words = sentence.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "-" }.map(String.init)
            guard let at = words.firstIndex(of: "if") else { continue }
            let premise: [String], conclusion: [String]
            if at == 0 {
                let rest = Array(words.dropFirst())
                let split = rest.firstIndex(of: "then") ?? Self.clauseBreak(in: sentence, words: rest)
                premise = Array(rest[..<split])
                conclusion = Array(rest[split...].drop { $0 == "then" })
            } else {
                conclusion = Array(words[..<at])
                premise = Array(words[(at + 1)...])
            }
            guard let condition = clause(premise, steps: &steps), let consequence = clause(conclusion, steps: &steps) else { continue }
            steps.append(addRule("(=> \(condition) \(consequence))", because: "Added a rule from \"\(sentence.trimmingCharacters(in: .whitespaces))\"."))
        }
        return steps
    }

    /// Where "If Y, X" turns from Y to X: the word count before the first comma.
    static func clauseBreak(in sentence: String, words: [String]) -> Int {
        guard let comma = sentence.firstIndex(of: ",") else { return words.count }
        let before = sentence[..<comma].lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "-" }.count - 1
        return max(0, min(words.count, before))
    }

    /// The expression one clause stands for, adding its variable the first time it is seen.
    mutating func clause(_ words: [String], steps: inout [ShapeValue]) -> String? {
        let negated = words.contains { ["not", "no", "never"].contains($0) || $0.hasSuffix("n't") }
        let number = words.first { Double($0) != nil }
        let key = words.filter { !Self.stopWords.contains($0) && Double($0) == nil }.prefix(4)
        guard let first = key.first else { return nil }
        let name = first + key.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        let variableName = String(name.filter { $0.isLetter || $0.isNumber || $0 == "_" }.drop { !$0.isLetter })
        guard !variableName.isEmpty else { return nil }
        let type = number == nil ? "BOOL" : "INT"
        if !variables.contains(where: { $0["name"]?.stringValue == variableName }) {
            let phrase = words.joined(separator: " ")
            let variable: ShapeValue = ["name": .string(variableName), "type": .string(type), "description": .string("Whether or how much: \(phrase)")]
            variables.append(variable)
            steps.append(step("addVariable", ["variable": variable], "Added variable \(variableName) from \"\(phrase)\"."))
        }
        if let number {
            let comparison = words.contains("least") ? ">=" : words.contains("most") ? "<=" : words.contains { ["less", "fewer", "under", "below"].contains($0) } ? "<" : ">"
            return negated ? "(not (\(comparison) \(variableName) \(number)))" : "(\(comparison) \(variableName) \(number))"
        }
        return negated ? "(not \(variableName))" : variableName
    }
}
