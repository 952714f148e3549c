/// How the evaluator recognises each of botocore's `GuardrailPiiEntityType`s: a pattern per
/// type, in the order overlaps are settled (an earlier type keeps a span a later one also
/// matches). Types whose values look like any number (accounts, passports, PINs) are found
/// only after their keyword, so ordinary numbers never trip them.
enum GuardrailPIIPatterns {
    /// A keyword (case-insensitive), an optional `is`/`:`/`#`/`=`, then the captured value.
    static func after(_ keywords: String, _ value: String) -> String {
        "(?i:\\b(?:\(keywords)))\\s*(?:is\\s+|[:#=]\\s*)?(\(value))(?![A-Za-z0-9])"
    }

    static let table: [(type: String, pattern: TextPattern)] = [
        ("EMAIL", TextPattern("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}")),
        ("URL", TextPattern("\\b(?:https?://|www\\.)[^\\s<>\"]*[^\\s<>\".,;:!?)]")),
        ("AWS_ACCESS_KEY", TextPattern("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b")),
        ("AWS_SECRET_KEY", TextPattern("(?<![A-Za-z0-9/+])(?=[A-Za-z0-9/+]*[0-9])(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*[A-Z])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")),
        ("CREDIT_DEBIT_CARD_NUMBER", TextPattern("(?<![0-9])(?:[0-9][ -]?){12,18}[0-9](?![0-9])")),
        ("CREDIT_DEBIT_CARD_CVV", TextPattern(after("cvv2?|cvc|card security code|security code", "[0-9]{3,4}"))),
        ("CREDIT_DEBIT_CARD_EXPIRY", TextPattern("(?<![0-9/])(?:0[1-9]|1[0-2])/(?:20[0-9]{2}|[0-9]{2})(?![0-9/])")),
        ("US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER", TextPattern("(?<![0-9-])9[0-9]{2}-(?:5[0-9]|6[0-5]|7[0-9]|8[0-8]|9[0-24-9])-[0-9]{4}(?![0-9-])")),
        ("US_SOCIAL_SECURITY_NUMBER", TextPattern("(?<![0-9-])(?!000|666|9[0-9]{2})[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}(?![0-9-])")),
        ("UK_NATIONAL_HEALTH_SERVICE_NUMBER", TextPattern(after("nhs(?: number| no\\.?)?", "[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}"))),
        ("UK_NATIONAL_INSURANCE_NUMBER", TextPattern("\\b[A-CEGHJ-PR-TW-Z]{2} ?[0-9]{2} ?[0-9]{2} ?[0-9]{2} ?[A-D]\\b")),
        ("UK_UNIQUE_TAXPAYER_REFERENCE_NUMBER", TextPattern(after("utr(?: number)?|unique taxpayer reference(?: number)?", "[0-9]{5} ?[0-9]{5}"))),
        ("CA_HEALTH_NUMBER", TextPattern(after("health card(?: number)?|ohip(?: number)?|health number", "[0-9]{4}[ -]?[0-9]{3}[ -]?[0-9]{3}(?:[ -]?[A-Z]{2})?"))),
        ("CA_SOCIAL_INSURANCE_NUMBER", TextPattern("(?<![0-9-])[0-9]{3}[ -][0-9]{3}[ -][0-9]{3}(?![0-9]|[ -][0-9])")),
        ("PHONE", TextPattern("(?<![0-9+])(?:\\+?1[ .-]?)?(?:\\([0-9]{3}\\) ?|[0-9]{3}[ .-])[0-9]{3}[ .-][0-9]{4}(?![0-9])")),
        ("IP_ADDRESS", TextPattern("(?<![0-9.])(?:(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(?![0-9]|\\.[0-9])")),
        ("MAC_ADDRESS", TextPattern("\\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\\b")),
        ("SWIFT_CODE", TextPattern("\\b[A-Z]{4}(?:US|GB|DE|FR|CA|CH|JP|CN|IN|AU|NL|IT|ES|SG|HK|IE|BE|SE|NO|DK)[A-Z0-9]{2}(?:[A-Z0-9]{3})?\\b")),
        ("INTERNATIONAL_BANK_ACCOUNT_NUMBER", TextPattern("\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b")),
        ("VEHICLE_IDENTIFICATION_NUMBER", TextPattern("\\b(?=[A-HJ-NPR-Z0-9]*[0-9])(?=[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z])[A-HJ-NPR-Z0-9]{17}\\b")),
        ("US_BANK_ROUTING_NUMBER", TextPattern(after("routing(?: number| no\\.?)?|aba(?: number)?", "[0-9]{9}"))),
        ("US_BANK_ACCOUNT_NUMBER", TextPattern(after("bank account(?: number| no\\.?)?|account(?: number| no\\.?)|acct\\.?", "[0-9]{8,17}"))),
        ("US_PASSPORT_NUMBER", TextPattern(after("passport(?: number| no\\.?)?", "[A-Z]?[0-9]{8,9}"))),
        ("DRIVER_ID", TextPattern(after("driver'?s? licen[cs]e(?: number| no\\.?| id)?|driver id", "[A-Z0-9][A-Z0-9-]{4,19}"))),
        ("LICENSE_PLATE", TextPattern(after("licen[cs]e plate(?: number)?|plate number", "[A-Z0-9][A-Z0-9-]{1,7}"))),
        ("PASSWORD", TextPattern(after("password|passwd|passcode", "[^\\s]*[^\\s.,;!?]"))),
        ("USERNAME", TextPattern(after("user ?name|login|user id", "[A-Za-z0-9._-]{3,}"))),
        ("PIN", TextPattern(after("pin(?: number| code)?", "[0-9]{4,6}"))),
        ("AGE", TextPattern("\\b[0-9]{1,3}(?= ?(?:years? old|yrs? old|-year-old))|(?i:\\bage[ds]?\\b:?)\\s*([0-9]{1,3})\\b")),
        ("ADDRESS", TextPattern("\\b[0-9]{1,5} (?:[A-Z][a-z]+ ){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl)\\b\\.?(?:,? (?:[A-Z][a-z]+ ?){1,3},? [A-Z]{2} [0-9]{5})?")),
        ("NAME", TextPattern("\\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\\.? [A-Z][a-z]+(?: [A-Z][a-z]+)?|(?i:\\bmy name is|\\bi am called|\\bnamed)\\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)")),
    ]

    /// Luhn's checksum, which every real card number passes.
    static func passesLuhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (position, digit) in digits.reversed().enumerated() {
            if position % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return digits.count >= 13 && sum % 10 == 0
    }
}
