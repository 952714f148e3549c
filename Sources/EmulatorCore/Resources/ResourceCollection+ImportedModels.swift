extension ResourceCollection {
    /// Models brought in by Custom Model Import (`imported-model/<id>`), read by the control
    /// plane that makes them and, later, by the runtime that invokes them.
    public static func importedModels(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock", type: "imported-model", shape: "GetImportedModelResponse", environment: environment)
    }
}
