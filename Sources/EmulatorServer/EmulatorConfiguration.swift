import EmulatorCore
import Foundation
import Logging

/// How to run the emulator; the executable's flags fill it in.
public struct EmulatorConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port.
    public var port = 4566
    /// Where state persists; nil keeps everything in memory.
    public var stateDirectory: URL?
    public var scenarioFile: URL?
    /// Reload the scenario file when it changes.
    public var watchScenario = false
    public var auth: AuthMode = .lenient
    public var logLevel: Logger.Level = .info
    /// nil: the system clock (or the scenario's choice); a date: a virtual clock starting then.
    public var virtualClockStart: Date?
    /// Whether the command line chose the clock, which then wins over the scenario's.
    public var clockChosen = false
    /// Runtime quotas: off, or the user guide's per-model defaults.
    public var quotas: RuntimeQuotas.Mode = .off

    public init() {}
}
