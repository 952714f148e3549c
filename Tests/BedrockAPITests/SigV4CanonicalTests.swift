import Testing
@testable import BedrockAPI

/// The canonical URI, query and headers, case by case.
@Suite struct SigV4CanonicalTests {
    @Test(arguments: [
        ("", "/"),
        ("/", "/"),
        ("//", "/"),
        ("/./", "/"),
        ("/example/..", "/"),
        ("/example1/example2/../..", "/"),
        ("/./example", "/example"),
        ("//example//", "/example/"),
        ("/a/b/../c", "/a/c"),
        ("/example space/", "/example%20space/"),
        ("/%E1%88%B4", "/%25E1%2588%25B4"),
        ("/-._~", "/-._~"),
    ])
    func canonicalURI(raw: String, expected: String) {
        #expect(SigV4Verifier.canonicalURI(raw) == expected)
    }

    @Test func canonicalQuerySortsByNameThenValueAndReencodes() {
        #expect(SigV4Verifier.canonicalQuery("b=2&a=z&a=y&c", excludingSignature: false) == "a=y&a=z&b=2&c=")
        #expect(SigV4Verifier.canonicalQuery("k=%7e%41&%C3%A4=1", excludingSignature: false) == "%C3%A4=1&k=~A")
        #expect(SigV4Verifier.canonicalQuery("Z=1&a=1", excludingSignature: false) == "Z=1&a=1")
        #expect(SigV4Verifier.canonicalQuery("", excludingSignature: false) == "")
        #expect(SigV4Verifier.canonicalQuery("a=1&X-Amz-Signature=ff", excludingSignature: true) == "a=1")
        #expect(SigV4Verifier.canonicalQuery("a=1&X-Amz-Signature=ff", excludingSignature: false) == "X-Amz-Signature=ff&a=1")
        #expect(SigV4Verifier.canonicalQuery("bad=%zz%4", excludingSignature: false) == "bad=%25zz%254")
    }

    @Test func canonicalHeadersJoinRepeatsAndTrim() {
        let request = SigV4Tests.request("GET", "/", headers: [
            ("My-Header1", "value2"), ("Host", "example.amazonaws.com"), ("my-header1", "  value2 "),
            ("MY-HEADER1", "value1"), ("My-Header2", "\"a   b   c\""),
        ])
        let canonical = SigV4Verifier.canonicalRequest(request, signedHeaders: ["my-header2", "host", "my-header1"])
        #expect(canonical == """
            GET
            /

            host:example.amazonaws.com
            my-header1:value2,value2,value1
            my-header2:"a b c"

            host;my-header1;my-header2
            \(SigV4Tests.emptyHash)
            """)
    }
}
