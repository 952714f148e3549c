import Crypto
import Foundation

extension ShapeEncoder {
    /// The lowercase hex SHA-512 of `value`'s wire JSON (keys sorted): a content hash that
    /// changes exactly when the value does, as Bedrock's definition hashes do.
    public func sha512Hex(_ value: ShapeValue, as shapeName: String) -> String {
        SHA512.hash(data: JSONWriter.write(encode(value, as: shapeName))).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
