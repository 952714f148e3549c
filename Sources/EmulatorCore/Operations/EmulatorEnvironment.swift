import BedrockAPI
import Foundation

/// Everything handlers share: the API model, the state store, tags, the local object
/// store, id generation, the clock and the call journal.
public final class EmulatorEnvironment: Sendable {
    public let model: APIModel
    public let store: Store
    public let tags: TagStore
    public let objects: ObjectStore
    public let ids: IDGenerator
    public let clock: any EmulatorClock
    /// Every call the gateway answered.
    public let journal: Journal
    /// What to run when the virtual clock moves.
    public let dueWork: DueWork
    /// Requests and tokens per minute of the runtime's models.
    public let quotas: RuntimeQuotas
    /// The scenario in force: response rules, model policies, job timings.
    public let scenario: ScenarioEngine
    /// Every job's status history.
    public let jobs: JobLedger
    /// Whether any account may have invocation logging on, so the runtime skips the store
    /// on every call while none has.
    let invocationLogging = ModelInvocationLogging.Presence()

    public init(
        model: APIModel, store: Store, objects: ObjectStore, ids: IDGenerator = IDGenerator(), clock: any EmulatorClock = SystemClock(),
        quotas: RuntimeQuotas = RuntimeQuotas(), scenario: ScenarioEngine = ScenarioEngine()
    ) {
        self.model = model
        self.store = store
        self.tags = TagStore(store: store)
        self.objects = objects
        self.ids = ids
        self.clock = clock
        self.journal = Journal()
        self.dueWork = DueWork()
        self.quotas = quotas
        self.scenario = scenario
        self.jobs = JobLedger()
    }

    /// An environment with in-memory state and a temporary object folder.
    public static func inMemory(
        model: APIModel = .bundled, clock: any EmulatorClock = SystemClock(), quotas: RuntimeQuotas = RuntimeQuotas(),
        scenario: ScenarioEngine = ScenarioEngine()
    ) throws -> EmulatorEnvironment {
        EmulatorEnvironment(
            model: model, store: try Store.inMemory(), objects: .temporary(), clock: clock, quotas: quotas, scenario: scenario)
    }

    /// An environment that keeps `directory/state.sqlite` and `directory/objects/`.
    public static func persistent(
        at directory: URL, model: APIModel = .bundled, clock: any EmulatorClock = SystemClock(), quotas: RuntimeQuotas = RuntimeQuotas(),
        scenario: ScenarioEngine = ScenarioEngine()
    ) throws -> EmulatorEnvironment {
        EmulatorEnvironment(
            model: model, store: try Store.onDisk(directory: directory),
            objects: ObjectStore(root: directory.appendingPathComponent("objects", isDirectory: true)), clock: clock, quotas: quotas,
            scenario: scenario)
    }
}
