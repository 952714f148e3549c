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
    public var auth: AuthMode = .lenient
    public var logLevel: Logger.Level = .info
    /// nil: the system clock; a date: a virtual clock starting then.
    public var virtualClockStart: Date?
    /// Runtime quotas: off, or the user guide's per-model defaults.
    public var quotas: RuntimeQuotas.Mode = .off

    public init() {}
}
