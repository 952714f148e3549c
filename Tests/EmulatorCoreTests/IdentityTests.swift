import EmulatorCore
import Testing

@Suite struct IdentityTests {
    @Test func seededGeneratorRepeats() {
        func ids(seed: UInt64) -> [String] {
            let generator = IDGenerator(seed: seed)
            return [
                ResourceID.alphanumericUpper(count: 10, using: generator),
                ResourceID.lowercaseAlphanumeric(count: 12, using: generator),
                ResourceID.uuid(using: generator),
            ]
        }
        #expect(ids(seed: 42) == ids(seed: 42))
        #expect(ids(seed: 42) != ids(seed: 43))
    }

    @Test func unseededGeneratorVaries() {
        #expect(ResourceID.uuid() != ResourceID.uuid())
        #expect(ResourceID.alphanumericUpper(count: 10) != ResourceID.alphanumericUpper(count: 10))
    }

    @Test(arguments: [nil, 7] as [UInt64?])
    func formatsMatchBotocorePatterns(seed: UInt64?) throws {
        let generator = IDGenerator(seed: seed)
        for _ in 0..<200 {
            let upper = ResourceID.alphanumericUpper(count: 10, using: generator)
            #expect(upper.wholeMatch(of: #/[0-9A-Z]{10}/#) != nil, "\(upper)")
            #expect(upper.wholeMatch(of: #/[0-9a-zA-Z]{10}/#) != nil)
            let job = ResourceID.lowercaseAlphanumeric(count: 12, using: generator)
            #expect(job.wholeMatch(of: #/[a-z0-9]{12}/#) != nil, "\(job)")
            let uuid = ResourceID.uuid(using: generator)
            #expect(uuid.wholeMatch(of: #/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/#) != nil, "\(uuid)")
        }
    }

    @Test func generatorIsSafeAcrossTasks() async {
        let generator = IDGenerator(seed: 1)
        let ids = await withTaskGroup(of: String.self) { group in
            for _ in 0..<100 { group.addTask { ResourceID.uuid(using: generator) } }
            return await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(ids.count == 100)
    }

    @Test func arnRoundTrips() throws {
        let text = "arn:aws:bedrock:us-east-1:123456789012:model-customization-job/amazon.titan:0/abc123def456"
        let arn = try #require(ARN(parsing: text))
        #expect(arn.partition == "aws" && arn.service == "bedrock" && arn.region == "us-east-1")
        #expect(arn.account == "123456789012")
        #expect(arn.resource == "model-customization-job/amazon.titan:0/abc123def456")
        #expect(arn.description == text)
        let model = try #require(ARN(parsing: "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0"))
        #expect(model.account.isEmpty && model.resource == "foundation-model/amazon.nova-lite-v1:0")
    }

    @Test(arguments: ["", "arn:aws:bedrock", "arn:aws:bedrock:us-east-1:123456789012:", "urn:aws:s:r:a:x", "arn::bedrock:r:a:x", "arn:aws::r:a:x"])
    func invalidArnsAreRejected(text: String) {
        #expect(ARN(parsing: text) == nil)
    }

    @Test func accountContextBuildsArns() {
        let context = AccountContext()
        #expect(context.accountId == "123456789012" && context.region == "us-east-1")
        #expect(context.arn(service: "bedrock", resource: "custom-model/x").description
            == "arn:aws:bedrock:us-east-1:123456789012:custom-model/x")
        #expect(AccountContext(region: "cn-north-1").partition == "aws-cn")
        #expect(AccountContext(region: "us-gov-west-1").partition == "aws-us-gov")
    }
}
