/// Where a member other than a body member travels: few members have one.
final class MemberBinding: Sendable {
    let location: String?
    let locationName: String?

    init?(location: String?, locationName: String?) {
        if location == nil && locationName == nil { return nil }
        self.location = location
        self.locationName = locationName
    }
}
