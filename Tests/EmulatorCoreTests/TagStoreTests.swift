import BedrockAPI
import EmulatorCore
import Testing

@Suite struct TagStoreTests {
    let arn = "arn:aws:bedrock-agent:us-east-1:123456789012:agent/ABCDE12345"
    let tags: TagStore

    init() throws {
        tags = TagStore(store: try Store.inMemory())
    }

    @Test func addListRemove() async throws {
        #expect(try await tags.tags(for: arn).isEmpty)
        try await tags.tag(arn, with: ["team": "ml", "env": "dev"])
        try await tags.tag(arn, with: ["env": "prod", "empty": ""])
        #expect(try await tags.tags(for: arn) == ["team": "ml", "env": "prod", "empty": ""])
        try await tags.untag(arn, keys: ["team", "not-there"])
        #expect(try await tags.tags(for: arn) == ["env": "prod", "empty": ""])
        #expect(try await tags.tags(for: arn + "-other").isEmpty)
    }

    @Test func fiftyFirstTagIsRefused() async throws {
        let fifty = Dictionary(uniqueKeysWithValues: (1...50).map { ("key\($0)", "v") })
        try await tags.tag(arn, with: fifty)
        try await tags.tag(arn, with: ["key1": "changed"])
        let error = await #expect(throws: BedrockError.self) { try await tags.tag(arn, with: ["key51": "v"]) }
        #expect(error?.code == "TooManyTagsException")
        #expect(error?.message.contains("50") == true)
        #expect(error?.fields["resourceName"] == .string(arn))
        #expect(try await tags.tags(for: arn).count == 50)
        #expect(try await tags.tags(for: arn)["key1"] == "changed")
    }

    @Test func tooManyInOneRequestChangesNothing() async throws {
        let many = Dictionary(uniqueKeysWithValues: (1...51).map { ("key\($0)", "v") })
        await #expect(throws: BedrockError.self) { try await tags.tag(arn, with: many) }
        #expect(try await tags.tags(for: arn).isEmpty)
    }

    @Test(arguments: ["aws:createdBy", "AWS:team", "Aws:x"])
    func reservedKeysAreRefused(key: String) async throws {
        let error = await #expect(throws: BedrockError.self) { try await tags.tag(arn, with: [key: "v"]) }
        #expect(error?.code == "ValidationException")
        #expect(error?.message.contains(key) == true)
        let untagError = await #expect(throws: BedrockError.self) { try await tags.untag(arn, keys: [key]) }
        #expect(untagError?.code == "ValidationException")
    }

    @Test func lengthLimits() async throws {
        try await tags.tag(arn, with: [String(repeating: "k", count: 128): String(repeating: "v", count: 256)])
        for bad in [["": "v"], [String(repeating: "k", count: 129): "v"], ["k": String(repeating: "v", count: 257)]] {
            let error = await #expect(throws: BedrockError.self) { try await tags.tag(arn, with: bad) }
            #expect(error?.code == "ValidationException")
        }
        #expect(try await tags.tags(for: arn).count == 1)
    }
}
