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
        "summarize", "summarise", "list", "create", "generate", "find", "show", "compare", "translate", "extract",
        "classify", "convert", "calculate", "name", "suggest", "provide", "define", "recommend", "draft", "book",
        "send", "check", "plan", "search", "count", "format", "return", "answer", "respond", "reply", "call",
        "today", "tomorrow", "yesterday", "okay", "sure", "great", "good", "well", "now", "first", "next", "finally",
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
        // Capitalized words at a sentence start may be names ("Alice is 30") or just the
        // first word; they rank after names found mid-sentence.
        var sentenceInitial: [String] = []
        var numbers: [Double] = []
        var sentenceStart = true
        var word = String.UnicodeScalarView()
        var allDigits = true
        func finish() {
            defer {
                word = String.UnicodeScalarView()
                allDigits = true
            }
            guard let first = word.first else { return }
            let text = String(word)
            if allDigits || Self.isDigit(first) {
                if let number = Double(text) { numbers.append(number) }
            } else {
                let lower = text.lowercased()
                let capitalized = Self.isUppercase(first) && !Self.stopwords.contains(lower)
                let isProper = capitalized && !sentenceStart
                if isProper && !properNouns.contains(text) { properNouns.append(text) }
                if capitalized && sentenceStart && !sentenceInitial.contains(text) { sentenceInitial.append(text) }
                if lower.utf8.count >= 3 && !Self.stopwords.contains(lower) && !seen.contains(lower) {
                    seen.insert(lower)
                    topics.append(isProper ? text : lower)
                }
            }
            sentenceStart = false
        }
        // Unicode scalars, not Characters: grapheme breaking is the costliest part otherwise.
        for scalar in text.unicodeScalars {
            if Self.isWordScalar(scalar) {
                word.append(scalar)
                if !Self.isDigit(scalar) { allDigits = false }
            } else if scalar == "." && !word.isEmpty && allDigits {
                word.append(scalar)
            } else {
                if word.last == "." { word.removeLast() }
                finish()
                if scalar == "." || scalar == "!" || scalar == "?" || scalar == "\n" || scalar == ":" { sentenceStart = true }
            }
        }
        if word.last == "." { word.removeLast() }
        finish()
        // Adjectives and adverbs read badly as topics ("how Paris affects famous"); drop the
        // obvious ones unless nothing else is left.
        let nouns = topics.filter { word in !Self.modifierEndings.contains { word.count > $0.count + 2 && word.hasSuffix($0) } }
        self.topics = nouns.isEmpty ? topics : nouns
        self.properNouns = properNouns + sentenceInitial.filter { !properNouns.contains($0) }
        self.numbers = numbers
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0...0x7F: false
        default: scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (scalar.value >= 0x41 && scalar.value <= 0x5A) : scalar.properties.isUppercase
    }

    /// The lowercased words of the text, for matching tool names.
    static func lowercasedWords(_ text: String) -> Set<String> {
        Set(text.lowercased().unicodeScalars.split { !isWordScalar($0) }.map { String(String.UnicodeScalarView($0)) })
    }
}
