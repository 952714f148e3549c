import BedrockAPI
import Foundation
import Testing
@testable import FakeModels

@Suite struct ImageMakerTests {
    @Test func pngHasTheRequestedSizeAndValidChunks() throws {
        let png = try #require(ImageMaker.images(prompt: "a lighthouse", seed: 7, width: 64, height: 32, count: 1).first)
        let bytes = [UInt8](png)
        #expect(Array(bytes[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        func be32(_ at: Int) -> UInt32 { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) } }
        #expect(be32(16) == 64 && be32(20) == 32)
        // Every chunk's CRC covers its type and data.
        var offset = 8
        while offset < bytes.count {
            let length = Int(be32(offset))
            let crc = CRC32.checksum(Array(bytes[(offset + 4)..<(offset + 8 + length)]))
            #expect(crc == be32(offset + 8 + length))
            offset += 12 + length
        }
        #expect(offset == bytes.count)
    }

    @Test func deterministicAndPromptDependent() {
        let a = ImageMaker.images(prompt: "a lighthouse", seed: 1, width: 16, height: 16, count: 2)
        #expect(a.count == 2)
        #expect(a == ImageMaker.images(prompt: "a lighthouse", seed: 1, width: 16, height: 16, count: 2))
        #expect(a != ImageMaker.images(prompt: "a forest", seed: 1, width: 16, height: 16, count: 2))
    }
}
