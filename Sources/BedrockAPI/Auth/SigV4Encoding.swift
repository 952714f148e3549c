/// URI encoding and decoding as SigV4 defines it: RFC 3986, every byte but the unreserved ones escaped.
enum SigV4Encoding {
    /// Percent-encodes `bytes`, leaving `A-Z a-z 0-9 - _ . ~` (and `/` when `keepSlash`) alone.
    static func encode(_ bytes: some Sequence<UInt8>, keepSlash: Bool) -> String {
        var out = [UInt8]()
        for byte in bytes {
            if isUnreserved(byte) || (keepSlash && byte == UInt8(ascii: "/")) {
                out.append(byte)
            } else {
                // SigV4 requires upper-case hex digits in escapes.
                out.append(UInt8(ascii: "%"))
                out.append(hexDigit(byte >> 4))
                out.append(hexDigit(byte & 0x0F))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Percent-decodes `text` into raw bytes; a `%` not followed by two hex digits stays literal.
    ///
    /// Bytes rather than a `String` so that escapes of invalid UTF-8 survive a decode/encode round trip.
    static func decode(_ text: some StringProtocol, plusAsSpace: Bool) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
               let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(plusAsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return out
    }

    /// Splits a raw query string into percent-decoded byte pairs, in the order received.
    ///
    /// `+` decodes to a space: form-style encoders (Python `requests`, HTML forms) send spaces that
    /// way while signing them as `%20`, and every AWS SDK sends a literal plus as `%2B`.
    static func queryPairs(_ rawQuery: String) -> [(name: [UInt8], value: [UInt8])] {
        rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { item in
            let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let value = pair.count > 1 ? decode(pair[1], plusAsSpace: true) : []
            return (decode(pair[0], plusAsSpace: true), value)
        }
    }

    /// `queryPairs` as strings, for reading the `X-Amz-*` parameters of a presigned URL.
    static func queryItems(_ rawQuery: String) -> [(name: String, value: String)] {
        queryPairs(rawQuery).map { (String(decoding: $0.name, as: UTF8.self), String(decoding: $0.value, as: UTF8.self)) }
    }

    /// Lower-case hex of `bytes`, the form SigV4 uses for hashes and signatures.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
