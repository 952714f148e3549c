/// The boolean traits of a shape or member. botocore writes each only as `true`, so a set
/// flag reads back as `true` and a missing one as nil, as the JSON had it.
struct ShapeTraits: OptionSet, Sendable {
    let rawValue: UInt16

    static let union = ShapeTraits(rawValue: 1 << 0)
    static let eventstream = ShapeTraits(rawValue: 1 << 1)
    static let event = ShapeTraits(rawValue: 1 << 2)
    static let exception = ShapeTraits(rawValue: 1 << 3)
    static let fault = ShapeTraits(rawValue: 1 << 4)
    static let document = ShapeTraits(rawValue: 1 << 5)
    static let sensitive = ShapeTraits(rawValue: 1 << 6)
    static let idempotencyToken = ShapeTraits(rawValue: 1 << 7)
    static let jsonvalue = ShapeTraits(rawValue: 1 << 8)
    static let eventpayload = ShapeTraits(rawValue: 1 << 9)
    static let eventheader = ShapeTraits(rawValue: 1 << 10)

    func flag(_ trait: ShapeTraits) -> Bool? { contains(trait) ? true : nil }

    /// The flags among `traits` that the container holds as `true`.
    static func decode<Key: CodingKey>(_ traits: [(ShapeTraits, Key)], from container: KeyedDecodingContainer<Key>) throws -> ShapeTraits {
        var found: ShapeTraits = []
        for (trait, key) in traits where try container.decodeIfPresent(Bool.self, forKey: key) == true { found.insert(trait) }
        return found
    }
}
