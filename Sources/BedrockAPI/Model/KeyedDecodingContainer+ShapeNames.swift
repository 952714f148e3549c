extension KeyedDecodingContainer {
    /// A string the model may repeat, interned when `names` is given.
    func decodeName(_ key: Key, names: ShapeNames?) throws -> String {
        let name = try decode(String.self, forKey: key)
        return names?.intern(name) ?? name
    }

    func decodeNameIfPresent(_ key: Key, names: ShapeNames?) throws -> String? {
        guard let name = try decodeIfPresent(String.self, forKey: key) else { return nil }
        return names?.intern(name) ?? name
    }

    func decodeNamesIfPresent(_ key: Key, names: ShapeNames?) throws -> [String]? {
        guard let list = try decodeIfPresent([String].self, forKey: key) else { return nil }
        guard let names else { return list }
        return list.map(names.intern)
    }
}
