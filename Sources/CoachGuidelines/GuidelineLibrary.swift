import CoachDiagnostics
import CoachText
import Foundation

/// The guideline packs in use: the bundled defaults plus any company layers, compiled per language.
///
/// Layers are folders with `ko/` and `en/` subfolders of `.rules` files. A later layer's rule
/// with an existing id replaces it; `disable <id>` switches a rule off; a set with an existing
/// name replaces it. A broken file is reported and skipped; it never stops the others loading.
public struct GuidelineLibrary: Sendable {
  public private(set) var packs: [Language: GuidelinePack] = [:] {
    didSet {
      koreanPack = packs[.ko]
      englishPack = packs[.en]
    }
  }
  /// `packs[.ko]` and `packs[.en]`, kept in step with `packs`: `pack(for:)` runs for every reply,
  /// and a dictionary lookup hashes the key each time.
  private var koreanPack: GuidelinePack?, englishPack: GuidelinePack?
  public private(set) var diagnostics: [Diagnostic] = []
  public private(set) var directories: [String] = []
  public private(set) var fileCount = 0

  public init() {}

  /// Loads the bundled packs (found by `defaultDirectory()`) and then each extra layer.
  public static func loadDefault(extraLayers: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment) throws
    -> GuidelineLibrary
  {
    guard let base = defaultDirectory(environment: environment) else { throw GuidelineError.defaultPacksNotFound }
    return load(directories: [base] + extraLayers)
  }

  /// The bundled `Guidelines/` folder, or `nil` when it cannot be found.
  public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
    ResourceLocator.locate(folder: "Guidelines", environmentVariable: "COACH_GUIDELINES", environment: environment)
  }

  public static func load(directories: [String]) -> GuidelineLibrary {
    var library = GuidelineLibrary()
    library.directories = directories
    var rules: [Language: [GuidelineRule]] = [:]
    var sets: [Language: [PhraseSet]] = [:]
    var ruleOrigin: [String: SourceLocation] = [:]
    let fm = FileManager.default
    for (layer, directory) in directories.enumerated() {
      var isDir: ObjCBool = false
      guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
        library.diagnostics.append(.error("missing-directory", "guideline folder '\(directory)' does not exist", at: nil))
        continue
      }
      var layerIDs: [String: SourceLocation] = [:]
      var layerSets: Set<String> = []
      var foundLanguageFolder = false
      for language in Language.allCases {
        let folder = (directory as NSString).appendingPathComponent(language.rawValue)
        guard fm.fileExists(atPath: folder, isDirectory: &isDir), isDir.boolValue else { continue }
        foundLanguageFolder = true
        let names = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".rules") }.sorted()
        for name in names {
          let path = (folder as NSString).appendingPathComponent(name)
          guard let data = fm.contents(atPath: path) else {
            library.diagnostics.append(.error("unreadable-file", "cannot read '\(path)'", at: nil))
            continue
          }
          library.fileCount += 1
          let file = RuleFileParser.parse(data: data, path: path, language: language)
          library.diagnostics += file.diagnostics
          for set in file.sets {
            if layerSets.contains("\(language.rawValue):\(set.name)") {
              library.diagnostics.append(.error("duplicate-set", "set '\(set.name)' is defined twice in this layer", at: set.block.location))
              continue
            }
            layerSets.insert("\(language.rawValue):\(set.name)")
            sets[language, default: []].removeAll { $0.name == set.name }
            sets[language, default: []].append(set)
          }
          for rule in file.rules {
            if let first = layerIDs[rule.id] {
              library.diagnostics.append(
                .error("duplicate-rule", "rule '\(rule.id)' is defined twice", at: rule.location, notes: [.note("first defined here", at: first)]))
              continue
            }
            layerIDs[rule.id] = rule.location
            if let index = rules[language, default: []].firstIndex(where: { $0.id == rule.id }) {
              rules[language]![index] = rule  // a company layer overrides a default rule
            } else {
              rules[language, default: []].append(rule)
            }
            ruleOrigin[rule.id] = rule.location
          }
          for (id, location) in file.disabled {
            if let index = rules[language, default: []].firstIndex(where: { $0.id == id }) {
              rules[language]!.remove(at: index)
            } else {
              library.diagnostics.append(
                .warning(
                  "unknown-rule", "cannot disable unknown rule '\(id)'", at: location,
                  notes: closestMatch(to: id, among: rules[language, default: []].map(\.id)).map { [.note("did you mean '\($0)'?")] } ?? []))
            }
          }
        }
      }
      if !foundLanguageFolder {
        library.diagnostics.append(
          .error("no-language-folder", "guideline folder '\(directory)' has no 'ko/' or 'en/' subfolder of .rules files", at: nil))
      }
      _ = layer
    }
    // Ids and aliases are unique across both languages.
    var seen: [String: SourceLocation] = [:]
    for rule in Language.allCases.flatMap({ rules[$0] ?? [] }) {
      for name in [rule.id] + rule.aliases {
        if let first = seen[name], first != rule.location {
          library.diagnostics.append(
            .error("duplicate-rule", "rule id or alias '\(name)' is used twice", at: rule.location, notes: [.note("first used here", at: first)]))
        }
        seen[name] = rule.location
      }
    }
    for language in Language.allCases where rules[language] != nil || sets[language] != nil {
      let (pack, diagnostics) = GuidelinePack.compile(language: language, rules: rules[language] ?? [], sets: sets[language] ?? [])
      library.diagnostics += diagnostics
      library.packs[language] = pack
    }
    return library
  }

  public func pack(for language: Language) -> GuidelinePack? {
    switch language {
    case .ko: koreanPack
    case .en: englishPack
    }
  }

  /// Every rule of every language, Korean first, in file order.
  public var rules: [GuidelineRule] { Language.allCases.flatMap { packs[$0]?.rules ?? [] } }

  /// The rule with this id or alias.
  public func rule(_ id: String) -> GuidelineRule? {
    for language in Language.allCases { if let r = packs[language]?.rule(id) { return r } }
    return nil
  }

  public var examples: [RuleExample] { rules.flatMap(\.examples) }

  public var hasErrors: Bool { diagnostics.hasErrors }
}

/// Errors that stop the guideline library from loading at all.
public enum GuidelineError: Error, CustomStringConvertible {
  case defaultPacksNotFound

  public var description: String {
    switch self {
    case .defaultPacksNotFound:
      "cannot find the bundled 'Guidelines/' folder; run coach from its checkout, or set COACH_GUIDELINES to the folder"
    }
  }
}
