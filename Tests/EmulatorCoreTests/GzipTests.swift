import BedrockAPI
import EmulatorCore
import Foundation
import Testing

@Suite struct GzipTests {
    @Test func wrapsInOneMemberWithStoredBlocksAndTrailer() {
        let text = Data("{\"schemaType\":\"ModelInvocationLog\"}\n".utf8)
        let gz = [UInt8](Gzip.wrap(text))
        #expect(gz.prefix(3) == [0x1F, 0x8B, 0x08])
        // header 10, one stored block header 5, the data, CRC-32 and size 8.
        #expect(gz.count == 10 + 5 + text.count + 8)
        #expect(Array(gz[15..<(15 + text.count)]) == [UInt8](text))
        let crc = CRC32.checksum([UInt8](text))
        #expect(Array(gz.suffix(8).prefix(4)) == [UInt8(crc & 0xFF), UInt8((crc >> 8) & 0xFF), UInt8((crc >> 16) & 0xFF), UInt8(crc >> 24)])
        #expect(gz.suffix(4).first == UInt8(text.count))
    }

    @Test func splitsLargeDataIntoBlocksAndWrapsEmptyData() {
        let big = Data(repeating: 0x61, count: 70_000)
        #expect(Gzip.wrap(big).count == 10 + 5 + 65_535 + 5 + (70_000 - 65_535) + 8)
        #expect(Gzip.wrap(Data()).count == 10 + 5 + 8)
    }
}
