import Testing

@testable import EmulatorCore

@Suite struct OpenAPIDocumentTests {
    @Test(arguments: [
        #"{"openapi": "3.0.0", "paths": {"/claims": {"get": {}}}}"#,
        "openapi: 3.0.0\npaths:\n  /claims:\n    get: {}\n",
        "openapi: 3.1\npaths:\n  /a: {}\n",
    ])
    func anOpenAPI3DocumentWithPathsIsUsable(text: String) {
        #expect(OpenAPIDocument.problem(in: text) == nil)
    }

    @Test(arguments: [
        ("", "empty"),
        ("{not json", "not valid JSON"),
        ("- a\n- b\n", "mapping"),
        (#"{"swagger": "2.0", "paths": {"/a": {}}}"#, "no `openapi`"),
        (#"{"openapi": "2.0", "paths": {"/a": {}}}"#, "OpenAPI 3"),
        (#"{"openapi": "3.0.0", "paths": {}}"#, "no `paths`"),
        (#"{"openapi": "3.0.0", "paths": {"claims": {}}}"#, "must start with /"),
    ])
    func whatIsWrongWithADocumentIsSaid(text: String, wanted: String) {
        #expect(OpenAPIDocument.problem(in: text)?.contains(wanted) == true)
    }
}
