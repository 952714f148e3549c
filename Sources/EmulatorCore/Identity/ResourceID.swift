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

    /// A lowercase version-4 UUID, e.g. `3f0c1e2a-...`.
    public static func uuid(using generator: IDGenerator = .random) -> String {
        var bytes = (0..<2).flatMap { _ in withUnsafeBytes(of: generator.next().bigEndian, Array.init) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        let hex = bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
        let cuts = [8, 12, 16, 20]
        var result = ""
        for (offset, char) in hex.enumerated() {
            if cuts.contains(offset) { result.append("-") }
            result.append(char)
        }
        return result
    }
}
