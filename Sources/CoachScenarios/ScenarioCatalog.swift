import CoachDiagnostics
import CoachGuidelines
import CoachText
import Foundation

/// The scenarios of a folder (or a list of files), parsed and linted together.
///
/// A broken file never stops the others loading: its problems are in ``diagnostics`` and it is
/// left out of ``scenarios``, which holds only lint-clean scenarios the engine can play.
///
/// ```swift
/// let folder = ScenarioCatalog.defaultDirectory()!
/// let catalog = ScenarioCatalog.load(directory: folder, guidelines: try GuidelineLibrary.loadDefault())
/// for scenario in catalog.scenarios { print(scenario.id, scenario.title) }
/// ```
public struct ScenarioCatalog: Sendable {
  /// Lint-clean scenarios, sorted by language (Korean first) and id.
  public private(set) var scenarios: [Scenario] = []
  /// Every problem of every file, sorted by file, line and column.
  public private(set) var diagnostics: [Diagnostic] = []
  /// The files read, in the order they were read.
  public private(set) var files: [String] = []

  public init() {}

  /// The bundled `Scenarios/` folder (`COACH_SCENARIOS` overrides), from any working directory.
  public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    ResourceLocator.locate(folder: "Scenarios", environmentVariable: "COACH_SCENARIOS", environment: environment)
  }

  /// Every `.scenario` file under `directory` (all depths), sorted by path.
  public static func scenarioFiles(in directory: String) -> [String] {
    let fm = FileManager.default
    guard let enumerator = fm.enumerator(atPath: directory) else { return [] }
    var files: [String] = []
    while let relative = enumerator.nextObject() as? String {
      if relative.hasSuffix(".scenario") { files.append((directory as NSString).appendingPathComponent(relative)) }
    }
    return files.sorted()
  }

  /// Loads every `.scenario` file under `directory`.
  /// - Parameter guidelines: the packs rule ids are checked against (`nil` skips that check).
  public static func load(directory: String, guidelines: GuidelineLibrary?) -> ScenarioCatalog {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      var catalog = ScenarioCatalog()
      catalog.diagnostics = [.error("missing-directory", "scenario folder '\(directory)' does not exist", at: nil)]
      return catalog
    }
    return load(files: scenarioFiles(in: directory), guidelines: guidelines)
  }

  /// Loads the given files (in this order, for "first defined here").
  public static func load(files: [String], guidelines: GuidelineLibrary?) -> ScenarioCatalog {
    var catalog = ScenarioCatalog()
    var inputs: [(path: String, data: Data)] = []
    for path in files {
      catalog.files.append(path)
      guard let data = FileManager.default.contents(atPath: path) else {
        catalog.diagnostics.append(.error("unreadable-file", "cannot read '\(path)'", at: nil))
        continue
      }
      inputs.append((path, data))
    }
    catalog.add(inputs, guidelines: guidelines)
    return catalog
  }

  /// Parses and lints scenario texts given in memory (tests, editors).
  public static func load(sources: [(path: String, text: String)], guidelines: GuidelineLibrary?) -> ScenarioCatalog {
    var catalog = ScenarioCatalog()
    catalog.files = sources.map(\.path)
    catalog.add(sources.map { ($0.path, Data($0.text.utf8)) }, guidelines: guidelines)
    return catalog
  }

  private mutating func add(_ inputs: [(path: String, data: Data)], guidelines: GuidelineLibrary?) {
    let linter = ScenarioLinter(library: guidelines)
    var firstDefinition: [String: SourceLocation] = [:]
    var found: [Scenario] = []
    for input in inputs {
      var parsed = ScenarioParser.parse(data: input.data, path: input.path)
      linter.lint(&parsed)
      if let id = parsed.id {
        if let first = firstDefinition[id.value] {
          parsed.diagnostics.append(
            .error("duplicate-scenario", "duplicate scenario id '\(id.value)'", at: id.location, notes: [.note("first defined here", at: first)]))
        } else {
          firstDefinition[id.value] = id.location
        }
      }
      diagnostics += parsed.diagnostics
      if let scenario = parsed.scenario() { found.append(scenario) }
    }
    diagnostics = diagnostics.sortedByLocation()
    scenarios = found.sorted { ($0.language.sortKey, $0.id) < ($1.language.sortKey, $1.id) }
  }

  public var hasErrors: Bool { diagnostics.hasErrors }

  /// The scenario with this id.
  public func scenario(_ id: String) -> Scenario? { scenarios.first { $0.id == id } }

  /// Scenarios that train `category` in `language`, easiest first, leaving out those in `excluding`
  /// (e.g. ones the trainee has just played) unless nothing else is left.
  public func recommended(for category: Category, language: Language, excluding: Set<String> = []) -> [Scenario] {
    let matching = scenarios.filter { $0.language == language && $0.trains.contains(category) }
    let fresh = matching.filter { !excluding.contains($0.id) }
    let pool = fresh.isEmpty ? matching : fresh
    return pool.sorted { a, b in
      let ai = a.trains.firstIndex(of: category)!, bi = b.trains.firstIndex(of: category)!
      return (a.difficulty, ai, a.id) < (b.difficulty, bi, b.id)
    }
  }
}

extension Language {
  fileprivate var sortKey: Int { Language.allCases.firstIndex(of: self)! }
}
