import BedrockAPI
import Foundation

extension Scenario {
    /// The resource counts `quotas.resources` can limit today.
    static let resourceQuotas = [
        "custom_models", "provisioned_model_units", "guardrails", "guardrail_versions", "agents", "knowledge_bases",
        "application_inference_profiles",
    ]

    static let keys = ["seed", "clock", "accounts", "models", "quotas", "responses", "jobs", "lambdas", "resources"]

    /// Parses a scenario document against the API `model`: a rule can raise only errors a
    /// client can parse, and a seeded resource must be a valid input of its Create operation.
    public static func parse(_ text: String, source: String, model: APIModel) throws(ScenarioError) -> Scenario {
        let errorStatuses = model.errorStatuses
        let root = try ScenarioNode.parse(text, file: source)
        let fields = try root.fields(keys)
        var scenario = Scenario(source: source, text: text)
        if let seed = fields["seed"] { scenario.seed = UInt64(try seed.int()) }
        if let clock = fields["clock"] { scenario.clock = try parseClock(clock) }
        if let accounts = fields["accounts"] {
            for item in try accounts.list() {
                let account = try item.fields(["access_key_id", "secret_access_key", "account_id"])
                let accountNode = try account.required("account_id")
                let accountId = try accountNode.string()
                guard accountId.count == 12, accountId.allSatisfy(\.isASCII), accountId.allSatisfy(\.isNumber) else {
                    throw accountNode.error("an account id is 12 digits, not `\(accountId)`")
                }
                scenario.accounts[try account.required("access_key_id").string()] = AccountKey(
                    accountId: accountId, secretAccessKey: try account["secret_access_key"]?.string())
            }
        }
        if let models = fields["models"] {
            scenario.models = try models.list().map { node throws(ScenarioError) in try ModelPolicy(node) }
        }
        if let quotas = fields["quotas"] {
            let quotaFields = try quotas.fields(["mode", "models", "concurrent_jobs", "resources"])
            if let resources = quotaFields["resources"] {
                let limits = try resources.fields(Self.resourceQuotas)
                for pair in limits.pairs { scenario.resourceLimits[pair.key] = try pair.node.int() }
            }
            if let concurrent = quotaFields["concurrent_jobs"] {
                guard case .map(let pairs) = concurrent.value else { throw concurrent.error("expected a mapping of job type to a count, e.g. {batch_inference: 2}") }
                for pair in pairs {
                    guard JobTiming.enforcedConcurrency.contains(pair.key) else {
                        throw ScenarioNode.keyError(pair, "concurrent jobs can be limited for \(JobTiming.enforcedConcurrency.joined(separator: ", ")), not `\(pair.key)`")
                    }
                    scenario.concurrentJobs[pair.key] = try pair.node.int()
                }
            }
            scenario.quotaMode = try quotaFields["mode"].map { node throws(ScenarioError) in RuntimeQuotas.Mode(rawValue: try node.choice(["off", "aws"]))! }
            // Per-model limits here are the same entries `models` takes, listed after them.
            if let models = quotaFields["models"] {
                scenario.models += try models.list().map { node throws(ScenarioError) in try ModelPolicy(node) }
            }
        }
        if let responses = fields["responses"] {
            for (index, node) in try responses.list().enumerated() {
                scenario.responses.append(try ResponseRule(node, index: index, knownErrors: errorStatuses))
            }
        }
        if let jobs = fields["jobs"] {
            guard case .map(let pairs) = jobs.value else { throw jobs.error("expected a mapping of job type to its timing") }
            for pair in pairs { scenario.jobs[pair.key] = try JobTiming(pair.node, type: pair.key) }
        }
        if let lambdas = fields["lambdas"] {
            scenario.lambdas = try lambdas.list().map { node throws(ScenarioError) in try LambdaRule(node) }
        }
        if let resources = fields["resources"] { try scenario.parseResources(resources, model: model) }
        return scenario
    }

    static func parseClock(_ node: ScenarioNode) throws(ScenarioError) -> ClockSetting {
        if case .scalar = node.value {
            return try node.choice(["system", "virtual"]) == "system" ? .system : .virtual(start: nil)
        }
        let fields = try node.fields(["mode", "start"])
        let mode = try fields["mode"]?.choice(["system", "virtual"]) ?? "virtual"
        let start = try fields["start"]?.date()
        if mode == "system" {
            if let given = fields["start"] { throw given.error("`start` needs mode: virtual") }
            return .system
        }
        return .virtual(start: start)
    }

    /// Objects for the local object store, and resources made through their Create operations.
    mutating func parseResources(_ node: ScenarioNode, model: APIModel) throws(ScenarioError) {
        let kinds = ResourceSeed.kinds.keys.sorted() + ResourceSeed.pending
        let fields = try node.fields(["objects"] + kinds)
        for kind in kinds {
            if let given = fields[kind] { seeds += try ResourceSeed.parse(given, kind: kind, model: model) }
        }
        objects = try Self.parseObjects(fields["objects"])
    }

    static func parseObjects(_ node: ScenarioNode?) throws(ScenarioError) -> [SeededObject] {
        var objects: [SeededObject] = []
        for item in try node?.list() ?? [] {
            let object = try item.fields(["uri", "text", "base64", "json"])
            let uriNode = try object.required("uri")
            let location: S3Location
            do {
                location = try S3Location(parsing: try uriNode.string())
            } catch let error as BedrockError {
                throw uriNode.error(error.message)
            } catch {
                throw uriNode.error("expected an s3://bucket/key URI")
            }
            // A folder cannot hold bytes; say so here rather than fail when the scenario is put in force.
            if location.key.isEmpty || location.key.hasSuffix("/") {
                throw uriNode.error("\(location) names a folder; give the object's key, e.g. s3://\(location.bucket)/\(location.key)data.jsonl")
            }
            let given = ["text", "base64", "json"].filter { object[$0] != nil }
            guard given.count == 1 else { throw item.error("give exactly one of text, base64 or json") }
            let data: Data
            switch given[0] {
            case "text": data = Data(try object.required("text").string().utf8)
            case "json": data = Data(JSONWriter.write(try object.required("json").json()))
            default:
                let encoded = try object.required("base64")
                guard let decoded = Data(base64Encoded: try encoded.string()) else { throw encoded.error("not valid base64") }
                data = decoded
            }
            objects.append(SeededObject(location: location, data: data))
        }
        return objects
    }
}
