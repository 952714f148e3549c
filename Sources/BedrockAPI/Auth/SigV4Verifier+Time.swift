import Foundation

/// Rejecting requests signed too long ago or too far in the future.
extension SigV4Verifier {
    /// Throws unless `authorization`'s timestamp is within `maxSkew` of `now` (or within `X-Amz-Expires`).
    ///
    /// Presigned URLs stay valid for their `X-Amz-Expires` seconds instead of the skew window.
    public static func checkTime(_ authorization: SigV4Authorization, now: Date, maxSkew: TimeInterval = 300) throws(BedrockError) {
        guard let signed = SigV4Time.parse(authorization.amzDate) else {
            throw SigV4Authorization.incomplete(SigV4Authorization.badDateMessage(authorization.amzDate))
        }
        let nowText = SigV4Time.format(now)
        if signed > now.addingTimeInterval(maxSkew) {
            throw invalidSignature(
                "Signature not yet current: \(authorization.amzDate) is still later than "
                    + "\(SigV4Time.format(now.addingTimeInterval(maxSkew))) (\(nowText) + \(describe(maxSkew)).)"
            )
        }
        let window = authorization.isPresigned ? authorization.expires.map(TimeInterval.init) ?? maxSkew : maxSkew
        if signed < now.addingTimeInterval(-window) {
            throw invalidSignature(
                "Signature expired: \(authorization.amzDate) is now earlier than "
                    + "\(SigV4Time.format(now.addingTimeInterval(-window))) (\(nowText) - \(describe(window)).)"
            )
        }
    }

    /// `5 min` for whole minutes as AWS words it, else seconds (`90 sec`).
    private static func describe(_ interval: TimeInterval) -> String {
        let seconds = Int(interval.rounded())
        return seconds % 60 == 0 ? "\(seconds / 60) min" : "\(seconds) sec"
    }
}
