import BedrockAPI
import EmulatorCore

/// GenerateQuery: TEXT_TO_SQL over a SQL knowledge base, answered by `SQLQueryWriter` from
/// the knowledge base's stored `sqlKnowledgeBaseConfiguration`, as one `REDSHIFT_SQL` query.
public enum GenerateQueryOperations {
    static let service = "bedrock-agent-runtime"

    /// Registers GenerateQuery.
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment) {
        let retriever = KnowledgeBaseRetriever(environment: environment)

        registry.register(service, "GenerateQuery") { request in
            let input = request.input
            let transformation = input["transformationConfiguration"]?["textToSqlConfiguration"]
            guard let arn = transformation?["knowledgeBaseConfiguration"]?["knowledgeBaseArn"]?.stringValue else {
                throw BedrockError.validation("transformationConfiguration.textToSqlConfiguration.knowledgeBaseConfiguration.knowledgeBaseArn is required for TEXT_TO_SQL.")
            }
            let knowledgeBase = try await retriever.knowledgeBase(arn, account: request.context.account)
            let configuration = knowledgeBase.value["knowledgeBaseConfiguration"]
            guard configuration?["type"] == "SQL" else {
                let type = configuration?["type"]?.stringValue ?? "unknown"
                throw BedrockError.validation(
                    "The knowledge base \(knowledgeBase.id) is of type \(type). GenerateQuery needs a knowledge base of type SQL (a structured data store).")
            }
            let question = input["queryGenerationInput"]?["text"]?.stringValue ?? ""
            let sql = SQLQueryWriter(configuration: configuration?["sqlKnowledgeBaseConfiguration"]).sql(for: question)
            return OperationOutput(["queries": [["type": "REDSHIFT_SQL", "sql": .string(sql)]]])
        }
    }
}
