import EmulatorCore
import FakeModels

/// The knowledge base operations of bedrock-agent: knowledge bases, data sources, ingestion
/// jobs and directly ingested documents, registered together.
public enum KnowledgeBaseFamily {
    public static func register(into registry: inout OperationRegistry, environment: EmulatorEnvironment, catalog: ModelCatalog) {
        KnowledgeBaseOperations.register(into: &registry, environment: environment, catalog: catalog)
        DataSourceOperations.register(into: &registry, environment: environment)
        IngestionJobOperations.register(into: &registry, environment: environment, catalog: catalog)
        KnowledgeBaseDocumentOperations.register(into: &registry, environment: environment, catalog: catalog)
    }
}
