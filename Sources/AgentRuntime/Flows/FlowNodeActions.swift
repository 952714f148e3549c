import BedrockAPI
import EmulatorCore
import FakeModels
import Foundation
import Runtime

/// Runs a flow's calling nodes for one InvokeFlow or StartFlowExecution: prompts and
/// knowledge-base answers through `ModelCall` (so scenarios and quotas apply), retrieval
/// from the knowledge base index as Retrieve does, Lambda functions through `FlowLambda`,
/// Storage and Retrieval nodes on the local object store, and deterministic answers for
/// Agent, Lex and InlineCode nodes (the emulator runs no agents, bots or code here).
struct FlowNodeActions: FlowNodeRunner {
    let environment: EmulatorEnvironment
    let request: OperationRequest

    func run(_ node: FlowDefinition.Node, inputs: [String: ShapeValue]) async throws -> (outputs: [String: ShapeValue], action: FlowStep.Action?) {
        let settings = node.settings ?? .map([:])
        let output = node.outputs.first?.name
        switch node.type {
        case "Prompt":
            return try await prompt(settings, inputs: inputs, output: output ?? "modelCompletion")
        case "KnowledgeBase":
            return try await knowledgeBase(settings, inputs: inputs)
        case "LambdaFunction":
            let arn = settings["lambdaArn"]?.stringValue ?? ""
            let response = try FlowLambda.result(functionArn: arn, input: inputs, environment: environment)
            return ([output ?? "functionResponse": response], FlowStep.Action(service: "lambda", operation: "Invoke", request: .map(inputs), response: response))
        case "Storage":
            return try store(settings, inputs: inputs, output: output ?? "s3Uri")
        case "Retrieval":
            return try retrieve(settings, inputs: inputs, output: output ?? "s3Content")
        case "Agent":
            return try await agent(settings, inputs: inputs, output: output ?? "agentResponse")
        case "Lex":
            let text = inputs["inputText"]?.stringValue ?? ""
            let intent = ShapeValue.string(Self.intent(of: text))
            return ([output ?? "predictedIntent": intent], FlowStep.Action(service: "lex", operation: "RecognizeText", request: ["text": .string(text)], response: intent))
        case "InlineCode":
            return ([output ?? "response": .map(inputs)], nil)
        default:
            throw BedrockError.validation("Node \(node.name) has type \(node.type), which the emulator does not run.")
        }
    }

    /// A Lex bot's predicted intent: the input's first word, capitalised, as `<Word>Intent`.
    static func intent(of text: String) -> String {
        let word = text.split(whereSeparator: { !$0.isLetter }).first.map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() } ?? "Fallback"
        return "\(word)Intent"
    }

    func prompt(_ settings: ShapeValue, inputs: [String: ShapeValue], output: String) async throws -> (outputs: [String: ShapeValue], action: FlowStep.Action?) {
        var source = settings["sourceConfiguration"]?["inline"] ?? .map([:])
        if let arn = settings["sourceConfiguration"]?["resource"]?["promptArn"]?.stringValue {
            let prompt = try await ResourceCollection.prompt(arn, version: nil, account: request.context.account, environment: environment)
            let variants = prompt.value["variants"]?.listValue ?? []
            let wanted = prompt.value["defaultVariant"]?.stringValue
            source = variants.first { $0["name"]?.stringValue == wanted } ?? variants.first ?? .map([:])
        }
        let template = source["templateConfiguration"] ?? .map([:])
        var chat = ChatRequest()
        if let text = template["text"]?["text"]?.stringValue {
            chat.messages = [ChatMessage(role: .user, content: [.text(PromptVariables.render(text, inputs))])]
        } else if let conversation = template["chat"] {
            chat.system = (conversation["system"]?.listValue ?? []).compactMap { $0["text"]?.stringValue }.map { PromptVariables.render($0, inputs) }
            chat.messages = (conversation["messages"]?.listValue ?? []).map { message in
                let text = (message["content"]?.listValue ?? []).compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
                return ChatMessage(role: message["role"]?.stringValue == "assistant" ? .assistant : .user, content: [.text(PromptVariables.render(text, inputs))])
            }
        }
        let inference = source["inferenceConfiguration"]?["text"]
        chat.maxTokens = inference?["maxTokens"]?.intValue
        chat.temperature = inference?["temperature"]?.doubleValue
        chat.topP = inference?["topP"]?.doubleValue
        chat.stopSequences = inference?["stopSequences"]?.listValue?.compactMap(\.stringValue) ?? []
        guard let modelId = source["modelId"]?.stringValue, !modelId.isEmpty else {
            throw BedrockError.validation("The prompt node has no modelId. Give the inline prompt a modelId, or use a prompt resource whose variant names one.")
        }
        let reply = try await ModelCall(environment: environment).reply(to: chat, modelId: modelId, request: request)
        let text = reply.result.text
        let action = FlowStep.Action(
            service: "bedrock", operation: "Converse",
            request: ["modelId": .string(modelId), "messages": .list(chat.messages.map { ["role": .string($0.role.rawValue), "content": .list([["text": .string($0.text)]])] })],
            response: [
                "output": ["message": ["role": "assistant", "content": .list([["text": .string(text)]])]],
                "usage": ["inputTokens": .integer(Int64(reply.result.inputTokens)), "outputTokens": .integer(Int64(reply.result.outputTokens))],
            ])
        return ([output: .string(text)], action)
    }

    func knowledgeBase(_ settings: ShapeValue, inputs: [String: ShapeValue]) async throws -> (outputs: [String: ShapeValue], action: FlowStep.Action?) {
        let query = inputs["retrievalQuery"]?.stringValue ?? ""
        let retriever = KnowledgeBaseRetriever(environment: environment)
        let knowledgeBase = try await retriever.knowledgeBase(settings["knowledgeBaseId"]?.stringValue ?? "", account: request.context.account)
        let hits = try await retriever.retrieve(from: knowledgeBase, query: query, configuration: ["numberOfResults": settings["numberOfResults"] ?? 5])
        let results: ShapeValue = .list(hits.map { KnowledgeBaseRetriever.reference($0.chunk) })
        guard let modelId = settings["modelId"]?.stringValue else {
            let action = FlowStep.Action(service: "bedrock-agent-runtime", operation: "Retrieve", request: ["retrievalQuery": ["text": .string(query)]], response: results)
            return (["retrievalResults": results], action)
        }
        let passages = hits.map(\.chunk.text).joined(separator: "\n\n")
        let chat = ChatRequest(
            system: ["Answer the question using only these search results:\n\(passages)"],
            messages: [ChatMessage(role: .user, content: [.text(query)])], maxTokens: settings["inferenceConfiguration"]?["text"]?["maxTokens"]?.intValue)
        let reply = try await ModelCall(environment: environment).reply(to: chat, modelId: modelId, request: request)
        let action = FlowStep.Action(
            service: "bedrock-agent-runtime", operation: "RetrieveAndGenerate", request: ["input": ["text": .string(query)]],
            response: ["output": ["text": .string(reply.result.text)]])
        return (["outputText": .string(reply.result.text)], action)
    }

    func store(_ settings: ShapeValue, inputs: [String: ShapeValue], output: String) throws -> (outputs: [String: ShapeValue], action: FlowStep.Action?) {
        let uri = try objectUri(settings, key: inputs["objectKey"])
        let content = inputs["content"] ?? .null
        let text = content.stringValue ?? ShapeEncoder.document(content).jsonText
        try environment.objects.write(uri, Data(text.utf8))
        return ([output: .string(uri)], FlowStep.Action(service: "s3", operation: "PutObject", request: ["uri": .string(uri)], response: ["uri": .string(uri)]))
    }

    func retrieve(_ settings: ShapeValue, inputs: [String: ShapeValue], output: String) throws -> (outputs: [String: ShapeValue], action: FlowStep.Action?) {
        let uri = try objectUri(settings, key: inputs["objectKey"])
        guard (try? environment.objects.exists(uri)) == true else {
            throw BedrockError.resourceNotFound("The Retrieval node found no object at \(uri). Put the object there (or store it with a Storage node) first.")
        }
        let text = String(decoding: try environment.objects.read(uri), as: UTF8.self)
        return ([output: .string(text)], FlowStep.Action(service: "s3", operation: "GetObject", request: ["uri": .string(uri)], response: .string(text)))
    }

    func objectUri(_ settings: ShapeValue, key: ShapeValue?) throws -> String {
        guard let bucket = settings["serviceConfiguration"]?["s3"]?["bucketName"]?.stringValue, let key = key?.stringValue, !key.isEmpty else {
            throw BedrockError.validation("The node needs serviceConfiguration.s3.bucketName and a non-empty objectKey input.")
        }
        return "s3://\(bucket)/\(key)"
    }
}
