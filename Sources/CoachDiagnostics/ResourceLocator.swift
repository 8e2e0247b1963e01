import Foundation

/// Finds the bundled data folders (`Guidelines/`, `Scenarios/`) from any working directory.
///
/// Order: an explicit path; an environment variable (`COACH_GUIDELINES`, `COACH_SCENARIOS`);
/// the nearest ancestor of the running executable that holds the folder (covers `swift run` and
/// `.build/release/coach`); the nearest ancestor of the current directory; the source checkout
/// this binary was built from.
public enum ResourceLocator {
  public static func locate(
    folder: String, explicit: String? = nil, environmentVariable: String,
    environment: [String: String] = ProcessInfo.processInfo.environment, sourceFile: String = #filePath
  ) -> String? {
    let fm = FileManager.default
    func isDirectory(_ path: String) -> Bool {
      var dir: ObjCBool = false
      return fm.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
    }
    if let explicit { return explicit }
    if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty { return fromEnvironment }
    var starts: [URL] = []
    if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() { starts.append(executable.deletingLastPathComponent()) }
    starts.append(URL(fileURLWithPath: fm.currentDirectoryPath))
    // Sources/CoachDiagnostics/ResourceLocator.swift → the checkout root.
    starts.append(URL(fileURLWithPath: sourceFile).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())
    for start in starts {
      var dir = start.standardizedFileURL
      while true {
        let candidate = dir.appendingPathComponent(folder).path
        if isDirectory(candidate) && fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
          return candidate
        }
        let parent = dir.deletingLastPathComponent()
        if parent.path == dir.path { break }
        dir = parent
      }
    }
    return nil
  }
}
