import BedrockAPI
import EmulatorCore
import FakeModels

/// The one public Marketplace offer the emulator shows for each model: deterministic ids and
/// token, so a token listed once is accepted by CreateFoundationModelAgreement ever after.
struct ModelOffer: Sendable {
    let model: FoundationModel

    var offerId: String { "offer-" + digest("offer") }
    var offerToken: String { "emulator-offer-token-" + digest("token") + "-" + digest("offer-token") }

    /// The offer as ListFoundationModelAgreementOffers lists it.
    var value: ShapeValue {
        [
            "offerId": .string(offerId), "offerToken": .string(offerToken),
            "termDetails": [
                "usageBasedPricingTerm": [
                    "rateCard": [
                        ["dimension": "InputTokenCount", "price": "0.00", "unit": "1K tokens", "description": "Input tokens (the emulator charges nothing)"],
                        ["dimension": "OutputTokenCount", "price": "0.00", "unit": "1K tokens", "description": "Output tokens (the emulator charges nothing)"],
                    ],
                ],
                "legalTerm": ["url": .string("https://aws.amazon.com/legal/bedrock/third-party-models/")],
                "supportTerm": ["refundPolicyDescription": "Refunds are not offered for usage-based pricing."],
            ],
        ]
    }

    /// 12 hex digits of FNV-1a over the model id and a salt.
    func digest(_ salt: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in (salt + "/" + model.modelId).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String((String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(12))
    }
}
