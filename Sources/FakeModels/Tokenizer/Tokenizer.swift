/// The one token counter of the emulator: usage, headers, stream metrics, CountTokens and
/// quotas all count with it, so they always agree.
///
/// It approximates a byte-pair encoder on English without a vocabulary: a word of up to
/// nine letters (with its leading space) is one token, longer words add one token per
/// five letters; digits go three to a token; each punctuation mark, newline and non-ASCII
/// character is a token of its own; runs of spaces cost one token per four.
public enum Tokenizer {
    /// The number of tokens in `text`.
    public static func count(_ text: String) -> Int {
        // Native strings hand out their UTF-8 directly; iterating `utf8` instead costs
        // an index check per byte, and this runs over every prompt more than once.
        var text = text
        return text.withUTF8(count(utf8:))
    }

    static func count(utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var tokens = 0
        var letters = 0
        var digits = 0
        var spaces = 0
        func flush() {
            if letters > 0 { tokens += 1 + max(0, (letters - 9 + 4) / 5) }
            if digits > 0 { tokens += (digits + 2) / 3 }
            letters = 0
            digits = 0
        }
        // UTF-8 bytes: a continuation byte belongs to the character before it, so each
        // non-ASCII character counts once, at its lead byte.
        for byte in utf8 {
            let v = UInt32(byte)
            if v >= 0x80 && v < 0xC0 { continue }
            switch v {
            case 0x41...0x5A, 0x61...0x7A:
                if digits > 0 { flush() }
                letters += 1
                spaces = 0
            case 0x30...0x39:
                if letters > 0 { flush() }
                digits += 1
                spaces = 0
            case 0x20:
                flush()
                spaces += 1
                // One leading space rides with the next word; longer runs cost tokens.
                if spaces > 1 && spaces % 4 == 1 { tokens += 1 }
            case 0x27 where letters > 0:
                // An apostrophe inside a word ("don't") splits it the way BPE does.
                flush()
                letters = 1
            default:
                flush()
                spaces = 0
                tokens += 1
            }
        }
        flush()
        return tokens
    }

    /// Splits `text` into pieces of about `tokensPerPiece` tokens, at word boundaries, for
    /// streaming; joined again they give `text` back exactly.
    public static func pieces(of text: String, tokensPerPiece: Int = 1) -> [String] {
        var pieces: [String] = []
        var current = ""
        var currentTokens = 0
        for word in words(of: text) {
            let cost = max(1, count(word))
            if currentTokens > 0 && currentTokens + cost > tokensPerPiece {
                pieces.append(current)
                current = ""
                currentTokens = 0
            }
            current += word
            currentTokens += cost
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// The longest prefix of `text` that fits in `limit` tokens, cut at a word boundary.
    public static func prefix(of text: String, tokens limit: Int) -> String {
        var result = ""
        var used = 0
        for word in words(of: text) {
            let cost = count(word)
            if used + cost > limit { break }
            result += word
            used += cost
        }
        return result
    }

    /// Words with their leading whitespace: `"a b"` gives `["a", " b"]`.
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        for character in text {
            if character.isWhitespace {
                if inWord { words.append(current); current = ""; inWord = false }
                current.append(character)
            } else {
                current.append(character)
                inWord = true
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
