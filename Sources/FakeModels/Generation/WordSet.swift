/// A set of short words for the per-prompt scans: open addressing on an FNV-1a hash of the
/// UTF-8 bytes. The standard `Set<String>` seeds and finalizes a SipHash per lookup, which
/// cost more than the rest of reading a prompt's words.
struct WordSet: Sendable {
    private var slots: [String?]
    private(set) var count = 0

    init(minimumCapacity: Int = 16) {
        var size = 16
        while size < minimumCapacity * 2 { size *= 2 }
        slots = Array(repeating: nil, count: size)
    }

    init(_ words: some Sequence<String>) {
        let list = Array(words)
        self.init(minimumCapacity: list.count)
        for word in list { insert(word) }
    }

    func contains(_ word: String) -> Bool {
        var slot = Self.hash(word) & (slots.count - 1)
        while let stored = slots[slot] {
            if stored == word { return true }
            slot = (slot + 1) & (slots.count - 1)
        }
        return false
    }

    /// Adds `word`; true when it was not there before.
    @discardableResult
    mutating func insert(_ word: String) -> Bool {
        if (count + 1) * 2 > slots.count { grow() }
        var slot = Self.hash(word) & (slots.count - 1)
        while let stored = slots[slot] {
            if stored == word { return false }
            slot = (slot + 1) & (slots.count - 1)
        }
        slots[slot] = word
        count += 1
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        count = 0
        for case let word? in old { insert(word) }
    }

    private static func hash(_ word: String) -> Int {
        var word = word
        return word.withUTF8 { bytes in
            var value: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes {
                value ^= UInt64(byte)
                value &*= 0x0000_0100_0000_01B3
            }
            return Int(truncatingIfNeeded: value ^ (value >> 32))
        }
    }
}
