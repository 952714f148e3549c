/// The words of a prompt a reply can be built from: topic words, proper nouns and numbers.
struct PromptWords: Sendable {
    static let stopwords: Set<String> = [
        "the", "and", "for", "are", "but", "not", "you", "your", "with", "this", "that", "from", "they", "have", "has",
        "had", "was", "were", "will", "would", "could", "should", "can", "what", "when", "where", "which", "who", "whom",
        "why", "how", "does", "did", "doing", "done", "been", "being", "into", "about", "than", "then", "there", "their",
        "them", "these", "those", "its", "our", "out", "all", "any", "some", "such", "only", "own", "same", "too", "very",
        "just", "also", "please", "tell", "give", "write", "explain", "describe", "answer", "question", "using", "use",
        "want", "need", "like", "know", "let", "make", "get", "got", "one", "two", "may", "might", "must", "shall", "yes",
        "human", "assistant", "user", "system", "hello", "hi", "thanks", "thank", "say", "said", "here", "now", "each",
        "more", "most", "other", "over", "under", "again", "once", "his", "her", "him", "she", "he", "it", "me", "my",
        "is", "am", "an", "as", "at", "be", "by", "do", "if", "in", "of", "on", "or", "so", "to", "up", "we", "no",
    ]

    static let modifierEndings = ["ous", "ful", "ive", "able", "ible", "ly", "ish", "less", "est"]

    /// Content words in order of first appearance, lowercased unless a proper noun.
    let topics: [String]
    /// Capitalized words that do not start a sentence: names, places.
    let properNouns: [String]
    let numbers: [Double]

    init(_ text: String) {
        var topics: [String] = []
        var seen: Set<String> = []
        var properNouns: [String] = []
        var numbers: [Double] = []
        var sentenceStart = true
        var word = ""
        func finish(_ next: Character?) {
            defer { word = "" }
            guard !word.isEmpty else { return }
            if let number = Double(word) {
                numbers.append(number)
            } else if word.first?.isLetter == true {
                let lower = word.lowercased()
                let isProper = word.first?.isUppercase == true && !sentenceStart && !Self.stopwords.contains(lower)
                if isProper && !properNouns.contains(word) { properNouns.append(word) }
                if lower.count >= 3 && !Self.stopwords.contains(lower) && !seen.contains(lower) {
                    seen.insert(lower)
                    topics.append(isProper ? word : lower)
                }
            }
            sentenceStart = false
        }
        for character in text {
            if character.isLetter || character.isNumber || (character == "." && !word.isEmpty && word.allSatisfy(\.isNumber)) {
                word.append(character)
            } else {
                finish(character)
                if ".!?\n:".contains(character) { sentenceStart = true }
            }
        }
        finish(nil)
        if word.last == "." { word.removeLast() }
        // Adjectives and adverbs read badly as topics ("how Paris affects famous"); drop the
        // obvious ones unless nothing else is left.
        let nouns = topics.filter { word in !Self.modifierEndings.contains { word.count > $0.count + 2 && word.hasSuffix($0) } }
        self.topics = nouns.isEmpty ? topics : nouns
        self.properNouns = properNouns
        self.numbers = numbers
    }

    /// The lowercased words of the text, for matching tool names.
    static func lowercasedWords(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
    }
}
