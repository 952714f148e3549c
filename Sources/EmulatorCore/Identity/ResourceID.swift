/// Ids in the formats AWS uses, so they match botocore's patterns.
public enum ResourceID {
    private static let digitsAndUpper = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    private static let digitsAndLower = Array("0123456789abcdefghijklmnopqrstuvwxyz")

    /// `count` characters of [0-9A-Z]; agents, knowledge bases, flows and prompts use 10.
    public static func alphanumericUpper(count: Int, using generator: IDGenerator = .random) -> String {
        String((0..<count).map { _ in digitsAndUpper[generator.next(below: digitsAndUpper.count)] })
    }

    /// `count` characters of [a-z0-9]; model customization and batch jobs use 12.
    public static func lowercaseAlphanumeric(count: Int, using generator: IDGenerator = .random) -> String {
        String((0..<count).map { _ in digitsAndLower[generator.next(below: digitsAndLower.count)] })
    }

    /// A lowercase version-4 UUID, e.g. `3f0c1e2a-...`. Request ids use it too, so it is
    /// written byte by byte (Foundation's `UUID()` opened /dev/urandom on every call here).
    public static func uuid(using generator: IDGenerator = .random) -> String {
        var bytes = (0..<2).flatMap { _ in withUnsafeBytes(of: generator.next().bigEndian, Array.init) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        return String(unsafeUninitializedCapacity: 36) { text in
            var at = 0
            for (offset, byte) in bytes.enumerated() {
                if offset == 4 || offset == 6 || offset == 8 || offset == 10 {
                    text[at] = UInt8(ascii: "-")
                    at += 1
                }
                text[at] = hexDigits[Int(byte >> 4)]
                text[at + 1] = hexDigits[Int(byte & 0x0F)]
                at += 2
            }
            return at
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
