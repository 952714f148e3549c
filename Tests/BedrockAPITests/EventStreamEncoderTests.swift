import Testing
@testable import BedrockAPI

@Suite struct EventStreamEncoderTests {
    private static let chunkPayload = Array(#"{"bytes":"aGk="}"#.utf8)

    @Test func chunkEventLengthArithmetic() {
        let frame = EventStreamEncoder.encode(.event(type: "chunk", payload: Self.chunkPayload))
        // Each string header: 1 (name length) + name + 1 (type) + 2 (value length) + value.
        let headersLength = (1 + 11 + 1 + 2 + 5) + (1 + 13 + 1 + 2 + 16) + (1 + 13 + 1 + 2 + 5)
        #expect(headersLength == 75)
        let totalLength = 12 + headersLength + Self.chunkPayload.count + 4
        #expect(totalLength == 107)
        #expect(frame.count == totalLength)
        #expect(Array(frame[0..<4]) == [0, 0, 0, 107])
        #expect(Array(frame[4..<8]) == [0, 0, 0, 75])
        #expect(Array(frame[(frame.count - 20)..<(frame.count - 4)]) == Self.chunkPayload)
    }

    @Test func chunkEventMatchesIndependentlyBuiltFrame() {
        // Built with Python's struct and zlib.crc32 from the format description.
        let expected = EventStreamTestBytes.hex(
            "0000006b0000004b6ace012d0b3a6576656e742d747970650700056368756e6b0d3a636f6e74656e742d74797065"
                + "0700106170706c69636174696f6e2f6a736f6e0d3a6d6573736167652d747970650700056576656e74"
                + "7b226279746573223a2261476b3d227dbd9e5744"
        )
        #expect(EventStreamEncoder.encode(.event(type: "chunk", payload: Self.chunkPayload)) == expected)
    }

    @Test func emptyMessageIsSixteenBytes() {
        let frame = EventStreamEncoder.encode(EventStreamMessage())
        #expect(frame.count == 16)
        #expect(Array(frame[0..<8]) == [0, 0, 0, 16, 0, 0, 0, 0])
        #expect(Array(frame[8..<12]) == EventStreamTestBytes.bigEndian(CRC32.checksum(frame[0..<8])))
        #expect(Array(frame[12..<16]) == EventStreamTestBytes.bigEndian(CRC32.checksum(frame[0..<12])))
    }

    @Test func headerValueWireForms() {
        let message = EventStreamMessage(headers: [
            EventStreamHeader(name: "t", value: .bool(true)),
            EventStreamHeader(name: "f", value: .bool(false)),
            EventStreamHeader(name: "b", value: .byte(-2)),
            EventStreamHeader(name: "s", value: .short(0x0102)),
            EventStreamHeader(name: "i", value: .integer(0x0102_0304)),
            EventStreamHeader(name: "l", value: .long(-1)),
            EventStreamHeader(name: "y", value: .bytes([0xAA])),
            EventStreamHeader(name: "z", value: .string("é")),
            EventStreamHeader(name: "d", value: .timestamp(0x0102)),
            EventStreamHeader(name: "u", value: .uuid(Array(0..<16))),
        ])
        let headers = Array(EventStreamEncoder.encode(message).dropFirst(12).dropLast(4))
        let n = { (name: Character) in [UInt8(1), UInt8(name.asciiValue!)] }
        let expected: [UInt8] =
            n("t") + [0]
            + n("f") + [1]
            + n("b") + [2, 0xFE]
            + n("s") + [3, 1, 2]
            + n("i") + [4, 1, 2, 3, 4]
            + n("l") + [5] + Array(repeating: 0xFF, count: 8)
            + n("y") + [6, 0, 1, 0xAA]
            + n("z") + [7, 0, 2, 0xC3, 0xA9]
            + n("d") + [8, 0, 0, 0, 0, 0, 0, 1, 2]
            + n("u") + [9] + Array(0..<16)
        #expect(headers == expected)
    }

    @Test func bedrockHelpersSetTheStandardHeaders() {
        let event = EventStreamMessage.event(type: "chunk", payload: [1])
        #expect(event.headers.map(\.name) == [":event-type", ":content-type", ":message-type"])
        #expect(event.header(":event-type") == .string("chunk"))
        #expect(event.header(":content-type") == .string("application/json"))
        #expect(event.header(":message-type") == .string("event"))

        let exception = EventStreamMessage.exception(type: "throttlingException", payload: [2], contentType: "text/plain")
        #expect(exception.headers.map(\.name) == [":exception-type", ":content-type", ":message-type"])
        #expect(exception.header(":exception-type") == .string("throttlingException"))
        #expect(exception.header(":content-type") == .string("text/plain"))
        #expect(exception.header(":message-type") == .string("exception"))
        #expect(exception.payload == [2])

        let error = EventStreamMessage.error(code: "InternalFailure", message: "boom")
        #expect(error.headers.map(\.name) == [":error-code", ":error-message", ":message-type"])
        #expect(error.header(":error-code") == .string("InternalFailure"))
        #expect(error.header(":error-message") == .string("boom"))
        #expect(error.header(":message-type") == .string("error"))
        #expect(error.payload.isEmpty)
        #expect(error.header(":event-type") == nil)
    }

    @Test func utf8TruncationKeepsWholeCharacters() {
        let bytes = Array("aé".utf8)  // 61 C3 A9
        #expect(Array(EventStreamFormat.truncatedUTF8(bytes, limit: 2)) == [0x61])
        #expect(Array(EventStreamFormat.truncatedUTF8(bytes, limit: 3)) == bytes)
    }
}

/// Byte helpers shared by the event-stream tests.
enum EventStreamTestBytes {
    /// Parses a hex string such as "00ff" into bytes.
    static func hex(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
    }

    /// The four big-endian bytes of `value`.
    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }
}
