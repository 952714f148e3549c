import BedrockAPI
import Foundation

/// A gzip writer (RFC 1952) with stored, uncompressed deflate blocks: what AWS delivers
/// gzipped the emulator delivers readable by every gzip reader, without a compression library.
public enum Gzip {
    /// `data` as one gzip member.
    public static func wrap(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        var offset = 0
        repeat {
            let length = min(65_535, bytes.count - offset)
            out.append(offset + length >= bytes.count ? 1 : 0)
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
            out += bytes[offset..<(offset + length)]
            offset += length
        } while offset < bytes.count
        out += littleEndian(CRC32.checksum(bytes))
        out += littleEndian(UInt32(truncatingIfNeeded: bytes.count))
        return Data(out)
    }

    static func littleEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF), UInt8((value >> 16) & 0xFF), UInt8(value >> 24)]
    }
}
