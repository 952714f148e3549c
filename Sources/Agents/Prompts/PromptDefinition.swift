import BedrockAPI
import EmulatorCore
import FakeModels

/// The checks AWS makes on what CreatePrompt and UpdatePrompt describe (the variants and
/// the default variant), and the input variables a variant's template declares or implies.
struct PromptDefinition: Sendable {
    /// AWS's limit on a template's input variables (`PromptInputVariablesList`).
    static let variableLimit = 20

    let catalog: ModelCatalog
    let environment: EmulatorEnvironment

    /// The members a prompt's DRAFT stores from the request, checked; each variant's
    /// `inputVariables` filled in from its template when the request leaves them out.
    func members(of input: ShapeValue, account: AccountContext) async throws -> [String: ShapeValue] {
        var members: [String: ShapeValue] = [:]
        for name in ["name", "description", "customerEncryptionKeyArn", "defaultVariant"] { members[name] = input[name] }
        let variants = input["variants"]?.listValue ?? []
        var names: Set<String> = []
        var checked: [ShapeValue] = []
        for variant in variants {
            let name = variant["name"]?.stringValue ?? ""
            guard names.insert(name).inserted else {
                throw BedrockError.validation("The prompt has two variants named \(name). Give each variant its own name.")
            }
            checked.append(try await check(variant, account: account))
        }
        if let defaultVariant = input["defaultVariant"]?.stringValue, !names.contains(defaultVariant) {
            throw BedrockError.validation(
                "The defaultVariant \(defaultVariant) does not name a variant of the prompt. Use the name of one of its variants (\(names.sorted().joined(separator: ", "))).")
        }
        if input["variants"] != nil { members["variants"] = .list(checked) }
        return members
    }

    /// One variant, checked: its template configuration matches its type, its model is one
    /// the emulator knows, and its template's variables are declared (or derived).
    func check(_ variant: ShapeValue, account: AccountContext) async throws -> ShapeValue {
        let name = variant["name"]?.stringValue ?? ""
        let type = variant["templateType"]?.stringValue ?? ""
        let member = type == "CHAT" ? "chat" : "text"
        guard var template = variant["templateConfiguration"]?[member]?.mapValue else {
            throw BedrockError.validation(
                "The variant \(name) has templateType \(type) but no templateConfiguration.\(member). A \(type) variant needs templateConfiguration.\(member).")
        }
        if let modelId = variant["modelId"]?.stringValue { try await checkModel(modelId, variant: name, account: account) }
        let used = Self.variables(inTemplate: .map(template), type: type)
        if let declared = template["inputVariables"]?.listValue {
            let names = declared.compactMap { $0["name"]?.stringValue }
            let undeclared = used.filter { !names.contains($0) }
            if !undeclared.isEmpty {
                throw BedrockError.validation(
                    "The template of variant \(name) uses \(undeclared.map { "{{\($0)}}" }.joined(separator: ", ")) but its inputVariables do not declare \(undeclared.count == 1 ? "it" : "them"). Add \(undeclared.count == 1 ? "it" : "them") to inputVariables.")
            }
        } else {
            guard used.count <= Self.variableLimit else {
                throw BedrockError.validation(
                    "The template of variant \(name) uses \(used.count) variables; a template can have at most \(Self.variableLimit).")
            }
            template["inputVariables"] = .list(used.map { ["name": .string($0)] })
        }
        var checked = variant.mapValue ?? [:]
        checked["templateConfiguration"] = [member: .map(template)]
        return .map(checked)
    }

    /// The `{{variables}}` a template uses: in its text, or in its chat messages and system prompts.
    static func variables(inTemplate template: ShapeValue, type: String) -> [String] {
        var texts: [String] = []
        if type == "CHAT" {
            for message in template["messages"]?.listValue ?? [] {
                texts += (message["content"]?.listValue ?? []).compactMap { $0["text"]?.stringValue }
            }
            texts += (template["system"]?.listValue ?? []).compactMap { $0["text"]?.stringValue }
        } else {
            texts.append(template["text"]?.stringValue ?? "")
        }
        var names: [String] = []
        for name in texts.flatMap(PromptVariables.names(in:)) where !names.contains(name) { names.append(name) }
        return names
    }

    /// A variant's model must be a text model of the catalog (an id, a foundation-model or
    /// inference-profile ARN, a system profile id) or a model resource the emulator issued.
    func checkModel(_ modelId: String, variant: String, account: AccountContext) async throws {
        if let resolved = catalog.resolve(modelId) {
            guard resolved.model.producesText else {
                throw BedrockError.validation(
                    "The model \(modelId) of variant \(variant) does not generate text. Choose a text model for a prompt.")
            }
            return
        }
        if modelId.hasPrefix("arn:"), let record = try await environment.store.resource(arn: modelId),
            record.account == account.accountId, record.region == account.region
        {
            return
        }
        throw BedrockError.validation(
            "The model identifier \(modelId) of variant \(variant) is invalid. Use the id or ARN of a text model (ListFoundationModels), or of an inference profile.")
    }
}
