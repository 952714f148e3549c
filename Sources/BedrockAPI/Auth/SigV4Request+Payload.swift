import Crypto
import Foundation

/// Hashing the body into the `payloadHash` a `SigV4Request` carries.
extension SigV4Request {
    /// Lower-case hex SHA-256 of `data`, the form SigV4 uses for payload and canonical-request hashes.
    public static func hexSHA256(_ data: some DataProtocol) -> String {
        SigV4Encoding.hex(SHA256.hash(data: data))
    }

    /// The payload hash to sign: the body's own hash, unless the client declared the payload unsigned.
    ///
    /// Hashing the actual body (rather than trusting `x-amz-content-sha256`) is what makes a tampered
    /// body fail verification; only the sentinels that opt out of body signing are taken as given.
    public static func payloadHash(body: some DataProtocol, headers: [(name: String, value: String)]) -> String {
        let declared = headers.first { HeaderName.same($0.name, "x-amz-content-sha256") }?.value
        if let declared, declared == "UNSIGNED-PAYLOAD" || declared.hasPrefix("STREAMING-") {
            return declared
        }
        return hexSHA256(body)
    }
}
