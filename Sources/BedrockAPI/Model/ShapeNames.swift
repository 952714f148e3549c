import Synchronization

/// One copy of each name the API model repeats (shape references, error names, member
/// names in `required`): the decoder hands every occurrence the same string storage instead
/// of a heap copy each.
final class ShapeNames: Sendable {
    static let userInfoKey = CodingUserInfoKey(rawValue: "bedrock-emulator.shape-names")!

    private let names = Mutex<Set<String>>([])

    /// The stored copy of `name`, stored now if it is new.
    func intern(_ name: String) -> String {
        names.withLock { $0.insert(name).memberAfterInsert }
    }

    /// The decoder's table, or nil when the model is decoded without one.
    static func of(_ decoder: any Decoder) -> ShapeNames? {
        decoder.userInfo[userInfoKey] as? ShapeNames
    }
}
