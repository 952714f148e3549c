/// The knowledge base resources the agent control plane makes and the agent runtime
/// queries, named once so both read the same rows.
extension ResourceCollection {
    /// Knowledge bases (`knowledge-base/<id>`), stored as `KnowledgeBase` values.
    public static func knowledgeBases(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock-agent", type: "knowledge-base", shape: "KnowledgeBase", environment: environment)
    }

    /// Data sources of knowledge bases, stored as `DataSource` values.
    public static func dataSources(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock-agent", type: "data-source", shape: "DataSource", environment: environment)
    }

    /// Ingestion jobs of data sources, stored as `IngestionJob` values.
    public static func ingestionJobs(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock-agent", type: "ingestion-job", shape: "IngestionJob", environment: environment)
    }
}
