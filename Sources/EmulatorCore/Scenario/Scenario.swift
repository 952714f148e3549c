import BedrockAPI
import Foundation

/// A parsed scenario file: what the emulator's models say and how the emulator behaves.
public struct Scenario: Sendable {
    /// Which clock the scenario asks for; only honoured at start.
    public enum ClockSetting: Sendable, Equatable {
        case system
        case virtual(start: Date?)
    }

    /// An access key the scenario knows: its account, and its secret for strict auth.
    public struct AccountKey: Sendable, Equatable {
        public var accountId: String
        public var secretAccessKey: String?
    }

    /// An object to put in the local object store.
    public struct SeededObject: Sendable, Equatable {
        public var location: S3Location
        public var data: Data
    }

    /// Where it came from (a path, or `admin` for a PUT) and its text as written.
    public var source: String
    public var text: String
    public var seed: UInt64 = 0
    public var clock: ClockSetting?
    public var accounts: [String: AccountKey] = [:]
    public var models: [ModelPolicy] = []
    /// `aws` turns on the catalog's per-model quotas; nil leaves the command line's choice.
    public var quotaMode: RuntimeQuotas.Mode?
    /// How many jobs of each type (`batch_inference`, ...) may run at once per account.
    public var concurrentJobs: [String: Int] = [:]
    /// How many of each resource (`custom_models`, `provisioned_model_units`) an account may have.
    public var resourceLimits: [String: Int] = [:]
    public var responses: [ResponseRule] = []
    public var jobs: [String: JobTiming] = [:]
    /// What Lambda functions (agent action groups, flow nodes) return, first match wins.
    public var lambdas: [LambdaRule] = []
    public var objects: [SeededObject] = []
    /// Resources made through their Create operations when the scenario is put in force.
    public var seeds: [ResourceSeed] = []

    /// The empty scenario: the fake models answer for themselves.
    public static func none() -> Scenario { Scenario(source: "none", text: "") }
}
