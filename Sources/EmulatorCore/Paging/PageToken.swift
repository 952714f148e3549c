import BedrockAPI
import Foundation

/// The position a `nextToken` stands for, encoded as base64 of a small JSON with a checksum.
struct PageToken: Codable, Equatable {
    /// Index of the first item of the next page.
    var offset: Int
    /// Checksum of the version, scope and offset, so edited or foreign tokens are refused.
    var check: UInt64

    private static let version = "v1"

    init(offset: Int) {
        self.offset = offset
        self.check = 0
    }

    /// Decodes `text`, refusing anything this code did not issue for `scope`.
    init(decoding text: String, scope: String) throws {
        guard let data = Data(base64Encoded: text),
              let token = try? JSONDecoder().decode(PageToken.self, from: data),
              token.offset >= 0,
              token.check == PageToken.checksum(offset: token.offset, scope: scope)
        else { throw PageToken.invalid }
        self = token
    }

    /// The opaque text handed to the client.
    func encoded(scope: String) -> String {
        var sealed = self
        sealed.check = PageToken.checksum(offset: offset, scope: scope)
        // Encoding two plain fields cannot fail.
        let data = (try? JSONEncoder().encode(sealed)) ?? Data()
        return data.base64EncodedString()
    }

    static let invalid = BedrockError.validation(
        "The nextToken is invalid or expired. Provide a nextToken from a previous response."
    )

    // FNV-1a: not a secret, just enough to tell our tokens from anything else.
    private static func checksum(offset: Int, scope: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in "\(version)|\(scope)|\(offset)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
