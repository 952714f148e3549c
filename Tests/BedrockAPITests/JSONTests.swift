import Foundation
import Testing

@testable import BedrockAPI

struct JSONTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONParser.parse(Array(#" {"a":[1,-2.5,1e3,true,false,null,"x\"\u00e9\ud83d\ude00"],"b":{}} "#.utf8))
        #expect(value == .object(["a": .array([.integer(1), .double(-2.5), .double(1000), .bool(true), .bool(false), .null, .string("x\"é😀")]), "b": .object([:])]))
    }

    @Test func deepNestingIsRefused() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(deep.utf8)) }
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0xFF, 0xFE, 0x22]) }
    }

    @Test(arguments: ["01", "1.", "-", "tru", "\"\u{01}\"", "[1,]", "{\"a\" 1}", "\"\\x\""])
    func invalidDocumentsAreRefused(text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test func writerSortsKeysAndEscapes() {
        let bytes = JSONWriter.write(.object(["b": .integer(1), "a": .string("line\n\"q\"\u{01}")]))
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"a":"line\n\"q\"\u0001","b":1}"#)
    }

    @Test func writerEscapesBetweenUnescapedRuns() {
        let text = "\"starts\" mid\\dle\ttab\r\u{1F}end é 😀 \u{7F}"
        let written = String(decoding: JSONWriter.write(.string(text)), as: UTF8.self)
        #expect(written == "\"\\\"starts\\\" mid\\\\dle\\ttab\\r\\u001fend é 😀 \u{7F}\"")
        #expect(String(decoding: JSONWriter.write(.string("")), as: UTF8.self) == "\"\"")
        #expect(String(decoding: JSONWriter.write(.string("\n")), as: UTF8.self) == "\"\\n\"")
    }

    @Test func writtenJSONParsesBackToTheSameValue() throws {
        let value: JSONValue = ["x": [1, 2, "three"], "y": ["z": true], "d": .double(0.25)]
        #expect(try JSONParser.parse(JSONWriter.write(value)) == value)
    }
}

struct TimestampTests {
    @Test func formatsAndParsesISO8601() throws {
        let date = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(Timestamp.iso8601(date) == "2023-11-14T22:13:20Z")
        #expect(Timestamp.iso8601(Date(timeIntervalSince1970: 1_700_000_000.25)) == "2023-11-14T22:13:20.250Z")
        #expect(Timestamp.parse("2023-11-14T22:13:20Z") == date)
        #expect(Timestamp.parse("2023-11-14T23:13:20+01:00") == date)
        #expect(Timestamp.parse("1700000000") == date)
    }

    @Test func formatsHTTPDates() {
        #expect(Timestamp.httpDate(Date(timeIntervalSince1970: 784_111_777)) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(Timestamp.parse("Sun, 06 Nov 1994 08:49:37 GMT") == Date(timeIntervalSince1970: 784_111_777))
    }
}
