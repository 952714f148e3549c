/// Why a job's input was refused when its work ran (a missing file, a malformed line), in
/// the words its failure message gives.
struct JobRefusal: Error {
    let message: String

    init(_ message: String) { self.message = message }
}
