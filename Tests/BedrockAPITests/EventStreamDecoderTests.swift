import Testing
@testable import BedrockAPI

@Suite struct EventStreamDecoderTests {
    private static let everyHeaderType = EventStreamMessage(
        headers: [
            EventStreamHeader(name: "bool-true", value: .bool(true)),
            EventStreamHeader(name: "bool-false", value: .bool(false)),
            EventStreamHeader(name: "byte", value: .byte(-128)),
            EventStreamHeader(name: "short", value: .short(-12345)),
            EventStreamHeader(name: "integer", value: .integer(Int32.min)),
            EventStreamHeader(name: "long", value: .long(Int64.max)),
            EventStreamHeader(name: "bytes", value: .bytes([0, 1, 2, 0xFF])),
            EventStreamHeader(name: "string", value: .string("héllo ✓ 🚀")),
            EventStreamHeader(name: "timestamp", value: .timestamp(1_700_000_000_123)),
            EventStreamHeader(name: "uuid", value: .uuid(Array(0xF0...0xFF))),
            EventStreamHeader(name: "empty-string", value: .string("")),
        ],
        payload: Array(#"{"hello":"world"}"#.utf8)
    )

    @Test func roundTripsEveryHeaderType() throws {
        var decoder = EventStreamDecoder()
        decoder.append(EventStreamEncoder.encode(Self.everyHeaderType))
        #expect(try decoder.next() == Self.everyHeaderType)
        #expect(try decoder.next() == nil)
        #expect(decoder.bufferedByteCount == 0)
    }

    @Test func roundTripsBedrockHelpersAndEmptyMessage() throws {
        let messages: [EventStreamMessage] = [
            .event(type: "chunk", payload: Array(#"{"bytes":"aGk="}"#.utf8)),
            .exception(type: "modelStreamErrorException", payload: Array(#"{"message":"x"}"#.utf8)),
            .error(code: "InternalFailure", message: "boom"),
            EventStreamMessage(),
        ]
        var decoder = EventStreamDecoder()
        decoder.append(messages.flatMap(EventStreamEncoder.encode))
        for message in messages {
            #expect(try decoder.next() == message)
        }
        #expect(try decoder.next() == nil)
    }

    @Test func decodesWhenFedOneByteAtATime() throws {
        let messages = [Self.everyHeaderType, .event(type: "chunk", payload: [1, 2, 3]), EventStreamMessage()]
        let stream = messages.flatMap(EventStreamEncoder.encode)
        var decoder = EventStreamDecoder()
        var decoded: [EventStreamMessage] = []
        for byte in stream {
            decoder.append([byte])
            while let message = try decoder.next() {
                decoded.append(message)
            }
        }
        #expect(decoded == messages)
        #expect(decoder.bufferedByteCount == 0)
    }

    @Test func partialFrameReturnsNilAndStaysBuffered() throws {
        let frame = EventStreamEncoder.encode(.event(type: "chunk", payload: [1]))
        var decoder = EventStreamDecoder()
        decoder.append(Array(frame.dropLast()))
        #expect(try decoder.next() == nil)
        #expect(decoder.bufferedByteCount == frame.count - 1)
        decoder.append([frame.last!])
        #expect(try decoder.next() == .event(type: "chunk", payload: [1]))
    }

    @Test func largeStreamCompactsAndStillDecodes() throws {
        let message = EventStreamMessage.event(type: "chunk", payload: Array(repeating: 0x41, count: 10_000))
        var decoder = EventStreamDecoder()
        for _ in 0..<50 {
            decoder.append(EventStreamEncoder.encode(message))
        }
        decoder.append(Array(EventStreamEncoder.encode(message).prefix(5)))
        var count = 0
        while let decoded = try decoder.next() {
            #expect(decoded == message)
            count += 1
        }
        #expect(count == 50)
        #expect(decoder.bufferedByteCount == 5)
    }

    @Test func detectsCorruptedPreludeChecksum() {
        var frame = EventStreamEncoder.encode(.event(type: "chunk", payload: [1]))
        frame[9] ^= 0x01
        expectError(.preludeChecksumMismatch, decoding: frame)
    }

    @Test func detectsCorruptedLengthAsPreludeChecksumMismatch() {
        var frame = EventStreamEncoder.encode(.event(type: "chunk", payload: [1]))
        frame[3] ^= 0x01
        expectError(.preludeChecksumMismatch, decoding: frame)
    }

    @Test func detectsCorruptedMessageChecksum() {
        var frame = EventStreamEncoder.encode(.event(type: "chunk", payload: [1]))
        frame[frame.count - 1] ^= 0x80
        expectError(.messageChecksumMismatch, decoding: frame)
    }

    @Test func detectsCorruptedPayload() {
        var frame = EventStreamEncoder.encode(.event(type: "chunk", payload: [1, 2, 3]))
        frame[frame.count - 5] ^= 0xFF
        expectError(.messageChecksumMismatch, decoding: frame)
    }

    @Test func keepsThrowingAfterAnError() {
        var frame = EventStreamEncoder.encode(EventStreamMessage())
        frame[15] ^= 1
        var decoder = EventStreamDecoder()
        decoder.append(frame)
        #expect(throws: EventStreamDecodingError.messageChecksumMismatch) { try decoder.next() }
        #expect(throws: EventStreamDecodingError.messageChecksumMismatch) { try decoder.next() }
    }

    @Test func rejectsTotalLengthBelowSixteen() {
        expectError(.invalidLength(15), decoding: sealed(totalLength: 15, headersLength: 0, body: []))
    }

    @Test func rejectsTotalLengthAboveSixteenMiB() {
        let tooLong = 16 * 1024 * 1024 + 1
        // Rejected from the prelude alone, without waiting for 16 MiB to arrive.
        expectError(.invalidLength(tooLong), decoding: Array(sealed(totalLength: tooLong, headersLength: 0, body: []).prefix(12)))
    }

    @Test func rejectsHeadersLengthBeyondTheFrame() {
        expectError(.invalidLength(5), decoding: sealed(totalLength: 20, headersLength: 5, body: [0, 0, 0, 0]))
    }

    @Test func rejectsUnknownHeaderType() {
        let headers: [UInt8] = [1, 0x78, 10]
        expectError(
            .invalidHeader("header x has unknown value type 10"),
            decoding: sealed(totalLength: 16 + headers.count, headersLength: headers.count, body: headers)
        )
    }

    @Test func rejectsTruncatedHeaderValue() {
        let headers: [UInt8] = [1, 0x78, 4, 0, 0]  // an int32 with only two bytes
        expectError(
            .invalidHeader("header x has a truncated or malformed value"),
            decoding: sealed(totalLength: 16 + headers.count, headersLength: headers.count, body: headers)
        )
    }

    @Test func rejectsTruncatedHeaderName() {
        let headers: [UInt8] = [5, 0x78]
        expectError(
            .invalidHeader("truncated header name"),
            decoding: sealed(totalLength: 16 + headers.count, headersLength: headers.count, body: headers)
        )
    }

    @Test func rejectsInvalidUTF8String() {
        let headers: [UInt8] = [1, 0x78, 7, 0, 1, 0xFF]
        expectError(
            .invalidHeader("header x has a truncated or malformed value"),
            decoding: sealed(totalLength: 16 + headers.count, headersLength: headers.count, body: headers)
        )
    }

    /// Decodes `frame` and expects `error`.
    private func expectError(_ error: EventStreamDecodingError, decoding frame: [UInt8]) {
        var decoder = EventStreamDecoder()
        decoder.append(frame)
        #expect(throws: error) { try decoder.next() }
    }

    /// A frame with the given prelude lengths and body (headers + payload), with both checksums valid.
    private func sealed(totalLength: Int, headersLength: Int, body: [UInt8]) -> [UInt8] {
        var frame = EventStreamTestBytes.bigEndian(UInt32(totalLength)) + EventStreamTestBytes.bigEndian(UInt32(headersLength))
        frame += EventStreamTestBytes.bigEndian(CRC32.checksum(frame))
        frame += body
        frame += EventStreamTestBytes.bigEndian(CRC32.checksum(frame))
        return frame
    }
}
