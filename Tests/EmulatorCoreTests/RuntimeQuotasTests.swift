import BedrockAPI
import Foundation
import Testing
@testable import EmulatorCore

@Suite struct RuntimeQuotasTests {
    let account = AccountContext()
    let start = Date(timeIntervalSince1970: 1_767_225_600)

    func admit(_ quotas: RuntimeQuotas, _ limits: QuotaLimits?, reserve: Int = 10, charge: Int = 10, at offset: TimeInterval) -> Bool {
        do {
            try quotas.admit(account: account, model: "m", limits: limits, reserve: reserve, charge: charge, now: start.addingTimeInterval(offset))
            return true
        } catch {
            #expect(error.code == "ThrottlingException" && error.status == 429)
            #expect(error.message == "Too many requests, please wait before trying again.")
            return false
        }
    }

    @Test func requestsPerMinuteSlideWithTheWindow() {
        let quotas = RuntimeQuotas(mode: .aws)
        let limits = QuotaLimits(requestsPerMinute: 2, tokensPerMinute: nil)
        #expect(admit(quotas, limits, at: 0))
        #expect(admit(quotas, limits, at: 30))
        #expect(!admit(quotas, limits, at: 59))
        #expect(admit(quotas, limits, at: 60))  // the first call left the window
        #expect(!admit(quotas, limits, at: 61))
        #expect(admit(quotas, limits, at: 90))
    }

    @Test func tokensAreReservedThenChargedAtWhatWasUsed() {
        let quotas = RuntimeQuotas(mode: .aws)
        let limits = QuotaLimits(requestsPerMinute: nil, tokensPerMinute: 1000)
        // Reserves 900 (input plus max output) but uses 100.
        #expect(admit(quotas, limits, reserve: 900, charge: 100, at: 0))
        #expect(admit(quotas, limits, reserve: 900, charge: 100, at: 1))
        #expect(!admit(quotas, limits, reserve: 900, charge: 100, at: 2))  // 200 used + 900 > 1000
        #expect(quotas.usage(now: start.addingTimeInterval(2)).first?.tokens == 200)
    }

    @Test func noLimitsAdmitEverything() {
        let quotas = RuntimeQuotas()
        for second in 0..<10 { #expect(admit(quotas, nil, at: TimeInterval(second))) }
    }
}
