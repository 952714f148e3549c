/// SplitMix64 seeded from the request: the same request draws the same numbers on every
/// run and machine (Swift's own hashing is randomized per process, so it is never used).
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// Seeds from text with FNV-1a.
    public init(text: String) { self.init(seed: Self.fnv1a(text)) }

    /// Seeds from a request fingerprint, kept apart from other uses of it by `salt`.
    init(fingerprint: UInt64, salt: String) { self.init(seed: fingerprint ^ Self.fnv1a(salt)) }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A draw below `bound` (bound > 0).
    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// FNV-1a, 64 bits, over the UTF-8 bytes.
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash = FNV1a()
        hash.add(bytes: text.utf8)
        return hash.value
    }

    /// `count` characters from [A-Za-z0-9], for ids that must look like AWS's.
    public mutating func alphanumeric(_ count: Int) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<count).map { _ in alphabet[below(alphabet.count)] })
    }
}

/// FNV-1a over several strings, each followed by a separator byte, without joining them.
struct FNV1a {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ text: String) {
        add(bytes: text.utf8)
        mix(1)
    }

    /// The same hash as `add(prefix + text)`, without building the joined string.
    mutating func add(prefix: String, _ text: String) {
        add(bytes: prefix.utf8)
        add(bytes: text.utf8)
        mix(1)
    }

    mutating func add(bytes: String.UTF8View) {
        var text = String(bytes)
        text.withUTF8 { for byte in $0 { mix(byte) } }
    }

    private mutating func mix(_ byte: UInt8) {
        value ^= UInt64(byte)
        value &*= 0x0000_0100_0000_01B3
    }
}
