import BedrockAPI
import EmulatorCore
import Foundation

extension AdminAPI {
    /// `GET /_emulator/clock`: `{"mode": "system" | "virtual", "now": ISO-8601}`.
    func clockState() -> EncodedResponse {
        Self.json(200, ["mode": .string(clock is VirtualClock ? "virtual" : "system"), "now": .string(Timestamp.iso8601(clock.now()))])
    }

    /// `POST /_emulator/clock` with `{"advance": seconds}` or `{"set": ISO-8601}`: moves the
    /// virtual clock forward, then runs what fell due, so the answer comes after the effects.
    func moveClock(_ body: Data?) async -> EncodedResponse {
        guard let virtual = clock as? VirtualClock else {
            return Self.json(409, ["message": "The emulator runs on the system clock, which it cannot move. Start it with --clock virtual."], errorType: "ConflictException")
        }
        guard let body, let request = try? JSONParser.parse(body), case .object = request else {
            return Self.badRequest("Send a JSON object: {\"advance\": seconds} or {\"set\": \"2026-01-01T00:00:00Z\"}.")
        }
        if let seconds = request["advance"]?.doubleValue {
            guard virtual.advance(by: seconds) else { return Self.badRequest("advance must be a number of seconds, zero or more.") }
        } else if let text = request["set"]?.stringValue {
            guard let date = Timestamp.parseISO8601(text) else { return Self.badRequest("set must be an ISO-8601 time, such as 2026-01-01T00:00:00Z.") }
            guard virtual.set(date) else {
                return Self.badRequest("The virtual clock only moves forward; it is already at \(Timestamp.iso8601(virtual.now())).")
            }
        } else {
            return Self.badRequest("Send {\"advance\": seconds} or {\"set\": \"2026-01-01T00:00:00Z\"}.")
        }
        await environment.dueWork.run()
        return clockState()
    }
}
