import Testing
@testable import BedrockAPI

@Suite struct EventStreamCRC32Tests {
    @Test func checkValueOf123456789() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func emptyInputIsZero() {
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test func matchesZlibVector() {
        // zlib.crc32(b"hello world")
        #expect(CRC32.checksum(Array("hello world".utf8)) == 0x0D4A_1185)
    }

    @Test func seedContinuesAPreviousChecksum() {
        let whole = Array("hello world".utf8)
        let first = CRC32.checksum(whole[..<5])
        #expect(CRC32.checksum(whole[5...], seed: first) == CRC32.checksum(whole))
    }

    @Test func nonContiguousCollectionsGiveTheSameResult() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(CRC32.checksum(bytes.lazy.map { $0 }) == CRC32.checksum(bytes))
    }
}
