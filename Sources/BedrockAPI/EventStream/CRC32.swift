/// The IEEE 802.3 CRC-32 (reflected polynomial 0xEDB88320), bit-compatible with zlib's `crc32`.
public enum CRC32 {
    /// One entry per byte value, built on first use.
    private static let table: [UInt32] = (0...255).map { index in
        var crc = UInt32(index)
        for _ in 0..<8 {
            crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
        }
        return crc
    }

    /// Returns the CRC-32 of `bytes`, continuing from `seed` (a previous checksum) like zlib does.
    public static func checksum<C: Collection>(_ bytes: C, seed: UInt32 = 0) -> UInt32 where C.Element == UInt8 {
        let table = Self.table
        var crc = ~seed
        // Contiguous storage avoids the generic iterator's overhead on every byte.
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            for byte in buffer {
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
            }
        }
        if done == nil {
            for byte in bytes {
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
            }
        }
        return ~crc
    }
}
