import CoachDiagnostics
import CoachGuidelines
import Foundation

@testable import CoachScenarios

/// Paths and shared loads for the scenario tests.
enum TestSupport {
  /// The checkout root, from this file's path.
  static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let scenarios = root.appendingPathComponent("Scenarios")
  static let guidelines = root.appendingPathComponent("Guidelines")

  /// The real guideline packs (loaded once; they are immutable values). `COACH_GUIDELINES`
  /// points the tests at another folder, as it does for `coach` (e.g. to try a pack in progress).
  static let library: GuidelineLibrary = GuidelineLibrary.load(
    directories: [ProcessInfo.processInfo.environment["COACH_GUIDELINES"].flatMap { $0.isEmpty ? nil : $0 } ?? guidelines.path])

  /// The tiny pack the lint fixtures check rule ids against (stable while the real packs change).
  static let fixtureLibrary: GuidelineLibrary = GuidelineLibrary.load(directories: [fixtures.appendingPathComponent("guidelines").path])

  /// The bundled scenarios, linted against the real packs.
  static let bundled: ScenarioCatalog = ScenarioCatalog.load(directory: scenarios.path, guidelines: library)

  /// Files of a fixture folder with an extension, sorted.
  static func fixtureFiles(_ folder: String, ext: String) -> [URL] {
    let dir = fixtures.appendingPathComponent(folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { $0.hasSuffix("." + ext) }.sorted().map { dir.appendingPathComponent($0) }
  }
}

extension Diagnostic {
  /// `line:column: severity: message [code]`, then its notes, as the lint fixtures write them:
  /// a location in `file` is `line:column`, one in another file `name:line:column`.
  func fixtureLines(file: String) -> [String] {
    func render(_ d: Diagnostic) -> String {
      var text = ""
      if let location = d.location {
        if location.path != file { text += URL(fileURLWithPath: location.path).lastPathComponent + ":" }
        text += "\(location.line):\(location.column): "
      }
      text += "\(d.severity.rawValue): \(d.message)"
      if !d.code.isEmpty { text += " [\(d.code)]" }
      return text
    }
    return [render(self)] + notes.map(render)
  }
}
