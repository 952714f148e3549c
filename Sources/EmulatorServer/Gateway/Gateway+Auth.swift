import BedrockAPI
import EmulatorCore
import Foundation

extension Gateway {
    /// Who is calling: the access key that signed the request and the account and region
    /// it maps to. Region comes from the signing scope, as on AWS.
    struct Caller {
        let accessKeyId: String?
        let account: AccountContext
    }

    func authenticate(_ request: HTTPRequestParts) throws(BedrockError) -> Caller {
        // Only a signature check needs the body's hash; lenient mode reads the scope alone.
        var strict = false
        if case .strict = auth { strict = true }
        let signed = SigV4Request(
            method: request.method, rawPath: request.rawPath, rawQuery: request.rawQuery, headers: request.headers,
            payloadHash: strict ? SigV4Request.payloadHash(body: request.body, headers: request.headers) : "")
        guard let authorization = try SigV4Authorization.parse(signed) else {
            if case .strict = auth {
                throw BedrockError(
                    code: "AccessDeniedException", status: 403,
                    message: "Missing Authentication Token: sign the request with AWS Signature Version 4.")
            }
            return Caller(accessKeyId: nil, account: defaultAccount)
        }
        let scenarioKey = scenario?.account(forAccessKey: authorization.accessKeyId)
        if case .strict(let secrets) = auth {
            guard let secret = scenarioKey?.secretAccessKey ?? secrets[authorization.accessKeyId] else { throw SigV4Verifier.unrecognizedClient() }
            try SigV4Verifier.checkTime(authorization, now: clock.now())
            try SigV4Verifier.verify(signed, authorization: authorization, secretAccessKey: secret)
        }
        let accountId = scenarioKey?.accountId ?? accounts[authorization.accessKeyId] ?? defaultAccount.accountId
        return Caller(
            accessKeyId: authorization.accessKeyId,
            account: AccountContext(accountId: accountId, region: authorization.region))
    }
}
