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

    /// A map keyed by names the model repeats (shape names, member names), its keys interned.
    func decodeNamedMap<Value: Decodable>(_ key: Key, names: ShapeNames?) throws -> [String: Value] {
        let map = try decode([String: Value].self, forKey: key)
        guard let names else { return map }
        return Dictionary(uniqueKeysWithValues: map.map { (names.intern($0.key), $0.value) })
    }

    func decodeNamesIfPresent(_ key: Key, names: ShapeNames?) throws -> [String]? {
        guard let list = try decodeIfPresent([String].self, forKey: key) else { return nil }
        guard let names else { return list }
        return list.map(names.intern)
    }
}
