import Foundation

/// Scripted trainees for one scenario, read from `Fixtures/plays/<scenario-id>.play`:
///
/// ```
/// // comments
/// trainee good -> resolved
///   reply: first reply
///   reply: second reply
/// trainee poor -> left-rude
///   reply: …
/// ```
struct TraineeScript: Sendable {
  struct Trainee: Sendable {
    var name: String
    /// The ending the script must reach.
    var ending: String
    var replies: [String]
    var line: Int
  }

  var path: String
  var trainees: [Trainee] = []
  var problems: [String] = []

  init(path: String) {
    self.path = path
    guard let data = FileManager.default.contents(atPath: path) else {
      problems.append("cannot read \(path)")
      return
    }
    let text = String(decoding: data, as: UTF8.self)
    for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("//") { continue }
      if line.hasPrefix("trainee ") {
        let parts = line.dropFirst("trainee ".count).components(separatedBy: "->").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
          problems.append("\(path):\(index + 1): expected 'trainee NAME -> ENDING'")
          continue
        }
        trainees.append(Trainee(name: parts[0], ending: parts[1], replies: [], line: index + 1))
      } else if line.hasPrefix("reply:") {
        guard !trainees.isEmpty else {
          problems.append("\(path):\(index + 1): 'reply:' before any 'trainee'")
          continue
        }
        trainees[trainees.count - 1].replies.append(line.dropFirst("reply:".count).trimmingCharacters(in: .whitespaces))
      } else {
        problems.append("\(path):\(index + 1): expected 'trainee NAME -> ENDING' or 'reply: TEXT'")
      }
    }
  }
}
