/// The words of a prompt a reply can be built from: topic words, proper nouns and numbers.
struct PromptWords: Sendable {
    static let stopwords = WordSet([
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
    ])

    static let modifierEndings = ["ous", "ful", "ive", "able", "ible", "ly", "ish", "less", "est"]

    /// Content words in order of first appearance, lowercased unless a proper noun.
    let topics: [String]
    /// Capitalized words that do not start a sentence: names, places.
    let properNouns: [String]
    let numbers: [Double]

    init(_ text: String) {
        var topics: [String] = []
        var seen = WordSet()
        var properNouns: [String] = []
        // Capitalized words at a sentence start may be names ("Alice is 30") or just the
        // first word; they rank after names found mid-sentence.
        var sentenceInitial: [String] = []
        var numbers: [Double] = []
        var sentenceStart = true
        // UTF-8 bytes, not Characters or scalars: this scans every prompt on every call.
        // Bytes of multi-byte characters count as word bytes (letters in most scripts).
        let bytes = Array(text.utf8)
        var start = 0
        var end = 0
        var allDigits = true
        func finish() {
            defer { allDigits = true }
            guard end > start else { return }
            let slice = bytes[start..<end]
            if allDigits {
                if let number = Double(String(decoding: slice, as: UTF8.self)) { numbers.append(number) }
                sentenceStart = false
                return
            }
            guard !Self.isDigit(bytes[start]) else { sentenceStart = false; return }
            // ASCII words, nearly all of them, lowercase byte by byte; others through Unicode.
            let (lower, word) = Self.lowercasedAndWord(slice)
            let isStopword = Self.stopwords.contains(lower)
            let capitalized = Self.startsUppercase(word, first: bytes[start]) && !isStopword
            let isProper = capitalized && !sentenceStart
            if isProper && !properNouns.contains(word) { properNouns.append(word) }
            if capitalized && sentenceStart && !sentenceInitial.contains(word) { sentenceInitial.append(word) }
            if lower.utf8.count >= 3 && !isStopword && seen.insert(lower) {
                topics.append(isProper ? word : lower)
            }
            sentenceStart = false
        }
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if Self.isWordByte(byte) {
                if end <= start { start = i }
                end = i + 1
                if !Self.isDigit(byte) { allDigits = false }
            } else if byte == UInt8(ascii: "."), end > start, end == i, allDigits, i + 1 < bytes.count, Self.isDigit(bytes[i + 1]) {
                end = i + 1  // a decimal point inside a number
            } else {
                finish()
                start = i + 1
                end = i + 1
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == 0x0A || byte == UInt8(ascii: ":") {
                    sentenceStart = true
                }
            }
            i += 1
        }
        finish()
        // Adjectives and adverbs read badly as topics ("how Paris affects famous"); drop the
        // obvious ones unless nothing else is left.
        let nouns = topics.filter { word in !Self.modifierEndings.contains { Self.endsWithModifier(word, $0) } }
        self.topics = nouns.isEmpty ? topics : nouns
        self.properNouns = properNouns + sentenceInitial.filter { !properNouns.contains($0) }
        self.numbers = numbers
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The word lowercased, and the word as written (the same string when it has no capitals).
    static func lowercasedAndWord(_ slice: ArraySlice<UInt8>) -> (lower: String, word: String) {
        var hasUpper = false
        for byte in slice {
            if byte >= 0x80 {
                let word = String(decoding: slice, as: UTF8.self)
                return (word.lowercased(), word)
            }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        guard hasUpper else {
            let word = String(decoding: slice, as: UTF8.self)
            return (word, word)
        }
        let lower = String(unsafeUninitializedCapacity: slice.count) { buffer in
            for (offset, byte) in slice.enumerated() { buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            return slice.count
        }
        return (lower, String(decoding: slice, as: UTF8.self))
    }

    /// `famous` ends with `ous`, with more than two characters before it. Bytes are
    /// compared first; characters are counted only for a word that ends that way.
    static func endsWithModifier(_ word: String, _ ending: String) -> Bool {
        word.utf8.count > ending.utf8.count + 2 && word.utf8.reversed().starts(with: ending.utf8.reversed())
            && word.count > ending.count + 2 && word.hasSuffix(ending)
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }

    static func startsUppercase(_ word: String, first: UInt8) -> Bool {
        first < 0x80 ? (first >= 0x41 && first <= 0x5A) : (word.unicodeScalars.first.map(isUppercase) ?? false)
    }

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
    static func lowercasedWords(_ text: String) -> Set<String> { Set(lowercasedWordList(text)) }

    /// The lowercased words of the text in order, for the embedder's features.
    static func lowercasedWordList(_ text: String) -> [String] {
        text.lowercased().unicodeScalars.split { !isWordScalar($0) }.map { String(String.UnicodeScalarView($0)) }
    }
}
