/// The model resources the control plane makes and the runtime invokes, named once so both
/// read the same rows.
extension ResourceCollection {
    /// Custom models made by customization jobs (`custom-model/<base model>/<id>`).
    public static func customModels(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock", type: "custom-model", shape: "GetCustomModelResponse", environment: environment)
    }

    /// Provisioned throughput (`provisioned-model/<id>`).
    public static func provisionedModels(_ environment: EmulatorEnvironment) -> ResourceCollection {
        ResourceCollection(service: "bedrock", type: "provisioned-model", shape: "GetProvisionedModelThroughputResponse", environment: environment)
    }
}
