import BedrockAPI

/// A resource a scenario's `resources` section makes when the scenario is put in force:
/// the input of the Create operation that makes it through the API, validated against the
/// API model when the file is read, so a seed is refused with its line before anything runs.
public struct ResourceSeed: Sendable {
    /// The `resources` key it was listed under (`provisioned_throughputs`).
    public let kind: String
    public let key: OperationKey
    public let input: ShapeValue
    /// The name it is made under, so a scenario put in force again leaves it be.
    public let name: String?
    /// Where it was written, for refusals of the Create call itself.
    let place: ScenarioError

    /// A refusal of this seed, naming its line.
    public func refusal(_ problem: String) -> ScenarioError {
        var error = place
        error.problem = problem
        return error
    }
}

extension ResourceSeed {
    /// How one seedable kind is made and recognised.
    public struct Kind: Sendable {
        public let key: OperationKey
        /// The stored resource type the operation makes (as in its ARN).
        public let resourceType: String
        /// The input member that names the resource.
        public let nameMember: String
    }

    /// The kinds a scenario can seed, each made by its Create operation.
    public static let kinds: [String: Kind] = [
        "provisioned_throughputs": Kind(
            key: OperationKey(service: "bedrock", operation: "CreateProvisionedModelThroughput"), resourceType: "provisioned-model",
            nameMember: "provisionedModelName"),
        "guardrails": Kind(
            key: OperationKey(service: "bedrock", operation: "CreateGuardrail"), resourceType: "guardrail", nameMember: "name"),
        "custom_models": Kind(
            key: OperationKey(service: "bedrock", operation: "CreateCustomModel"), resourceType: "custom-model", nameMember: "modelName"),
        "knowledge_bases": Kind(
            key: OperationKey(service: "bedrock-agent", operation: "CreateKnowledgeBase"), resourceType: "knowledge-base", nameMember: "name"),
        "agents": Kind(
            key: OperationKey(service: "bedrock-agent", operation: "CreateAgent"), resourceType: "agent", nameMember: "agentName"),
    ]

    /// The kinds the emulator cannot seed yet; named so the refusal says so rather than "unknown key".
    static let pending: [String] = []

    /// Reads the seeds listed under one kind, validating each as its Create operation's input.
    static func parse(_ node: ScenarioNode, kind: String, model: APIModel) throws(ScenarioError) -> [ResourceSeed] {
        guard let seedable = kinds[kind] else {
            throw node.error("seeding \(kind) is not supported yet; create them through the API at the start of the test")
        }
        guard let service = model.service(seedable.key.service), let operation = service.operations[seedable.key.operation],
            let inputShape = operation.input
        else {
            throw node.error("the API model has no \(seedable.key.operation)")
        }
        var seeds: [ResourceSeed] = []
        for item in try node.list() {
            guard case .map = item.value else { throw item.error("expected the \(seedable.key.operation) input as a mapping") }
            let json = try item.json()
            let input: ShapeValue
            do throws(BedrockError) {
                input = try ShapeDecoder(service: service).decode(json, as: inputShape, path: "")
                try Validator(service: service).validate(input, as: inputShape)
            } catch {
                throw item.error("not a valid \(seedable.key.operation) input: \(error.message)")
            }
            seeds.append(ResourceSeed(kind: kind, key: seedable.key, input: input, name: input[seedable.nameMember]?.stringValue, place: item.error("")))
        }
        return seeds
    }
}
