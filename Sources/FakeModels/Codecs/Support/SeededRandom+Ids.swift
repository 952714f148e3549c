extension SeededRandom {
    /// A lowercase UUID (version 4 layout), for the ids Cohere and AI21 return.
    mutating func uuid() -> String {
        let hex = Array("0123456789abcdef")
        var digits = (0..<32).map { _ in hex[below(16)] }
        digits[12] = "4"
        digits[16] = hex[8 + below(4)]
        let text = String(digits)
        let cuts = [8, 12, 16, 20].map { text.index(text.startIndex, offsetBy: $0) }
        return [text[..<cuts[0]], text[cuts[0]..<cuts[1]], text[cuts[1]..<cuts[2]], text[cuts[2]..<cuts[3]], text[cuts[3]...]].joined(separator: "-")
    }

    /// A seeded random source for the ids of one request's answer: `salt` keeps the ids
    /// of different fields apart.
    static func forAnswer(_ request: ChatRequest, salt: String) -> SeededRandom {
        SeededRandom(fingerprint: ChatGenerator.fingerprint(request), salt: salt)
    }
}
