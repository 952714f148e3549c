import BedrockAPI
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// File-system checks that keep every object inside `root`, symbolic links included.
extension ObjectStore {
    /// Refuses `components` (relative to root) if the deepest part that already exists
    /// resolves, through symbolic links, to a place outside root.
    ///
    /// Checking the deepest existing part suffices: every part below it is created by this
    /// store as a plain folder or file. A dangling link is refused outright, since writing
    /// through it would create its target wherever that is.
    func checkContained(_ components: [String], uri: String) throws {
        let outside = BedrockError.validation("The S3 URI \(uri) resolves to a location outside the object store.")
        guard kind(of: root.path) != nil else { return }
        guard let resolvedRoot = realPath(root.path) else { throw outside }
        var path = root.path
        var deepest: String?
        for component in components {
            path += "/" + component
            guard kind(of: path) != nil else { break }
            deepest = path
        }
        guard let deepest else { return }
        guard let resolved = realPath(deepest),
              resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot == "/" ? "/" : resolvedRoot + "/")
        else { throw outside }
    }

    /// Whether `url` is a regular file (following links, which `checkContained` has vetted).
    func isRegularFile(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// The keys of all regular files below `bucketPath/relative`, without following links.
    func objectKeys(bucketPath: String, relative: String) -> [String] {
        let folder = relative.isEmpty ? bucketPath : bucketPath + "/" + relative
        guard kind(of: folder) == .directory,
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
        else { return [] }
        return names.flatMap { name -> [String] in
            let key = relative + name
            switch kind(of: folder + "/" + name) {
            case .directory: return objectKeys(bucketPath: bucketPath, relative: key + "/")
            case .file: return [key]
            case .other, nil: return []
            }
        }
    }

    /// What sits at `path`, without following a final link; nil if nothing does.
    private func kind(of path: String) -> EntryKind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .other
        }
    }

    private func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// The kinds of directory entry the object store tells apart.
private enum EntryKind {
    case directory, file, other
}
