import BedrockAPI
import Foundation

/// Images in and out of native bodies: base64 PNGs for answers, and the pixel size of an
/// image a request sends (its edits come back at the same size).
enum ImagePayload {
    /// `count` generated PNGs, base64-encoded.
    static func base64PNGs(prompt: String, seed: Int, width: Int, height: Int, count: Int) -> [JSONValue] {
        ImageMaker.images(prompt: prompt, seed: seed, width: width, height: height, count: count)
            .map { .string($0.base64EncodedString()) }
    }

    /// The bytes of a base64 image at `key` (a data URI prefix is allowed); a violation
    /// when it is not base64.
    static func decode(_ key: String, in body: inout NativeBody) -> Data? {
        guard let text = body.string(key) else { return nil }
        guard let data = decode(text) else {
            body.fail(key, "is not a valid base64-encoded image")
            return nil
        }
        return data
    }

    static func decode(_ text: String) -> Data? {
        let payload = text.hasPrefix("data:") ? String(text[(text.firstIndex(of: ",").map { text.index(after: $0) } ?? text.endIndex)...]) : text
        return Data(base64Encoded: payload, options: .ignoreUnknownCharacters)
    }

    /// Width and height of a PNG or JPEG, read from its header; nil for other formats.
    static func size(of image: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](image.prefix(65_536))
        func be(_ at: Int, _ count: Int) -> Int { bytes[at..<(at + count)].reduce(0) { $0 << 8 | Int($1) } }
        if bytes.count >= 24, bytes[0] == 0x89, bytes[1] == 0x50 { return (be(16, 4), be(20, 4)) }
        guard bytes.count > 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        // JPEG: walk the segments to the first start-of-frame marker.
        var i = 2
        while i + 9 < bytes.count, bytes[i] == 0xFF {
            let marker = bytes[i + 1]
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) { return (be(i + 7, 2), be(i + 5, 2)) }
            i += 2 + be(i + 2, 2)
        }
        return nil
    }

    /// A short stable digest of image bytes, so edits of different images differ.
    static func digest(_ image: Data) -> String {
        String(SeededRandom.fnv1a(image.base64EncodedString()), radix: 36)
    }
}
