import Foundation

/// A JSON value whose objects keep their keys in the order they were written.
///
/// Reports use it instead of `JSONEncoder` for two reasons: the key order is the reading order
/// chosen here, the same in every process (a `Dictionary`'s order changes per process on Linux);
/// and a missing value is written as `null`, not left out.
enum JSONValue {
  case null
  case bool(Bool)
  case integer(Int64)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  /// An integer, or `null`.
  static func integer(_ value: Int?) -> JSONValue {
    value.map { .integer(Int64($0)) } ?? .null
  }

  /// A number (written with at most two decimals), or `null` (also for NaN and infinity).
  static func number(_ value: Double?) -> JSONValue {
    guard let value, value.isFinite else { return .null }
    return .number(value)
  }

  /// A string, or `null`.
  static func string(_ value: String?) -> JSONValue {
    value.map { .string($0) } ?? .null
  }

  /// The JSON text, indented by two spaces per level, without a final newline.
  func serialized() -> String {
    var output = ""
    write(to: &output, indent: "")
    return output
  }

  private func write(to output: inout String, indent: String) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .integer(let value): output += String(value)
    case .number(let value): output += ReportFormatting.number(value, decimals: 2, missing: "null")
    case .string(let value): Self.writeString(value, to: &output)
    case .array(let items):
      guard !items.isEmpty else { output += "[]"; return }
      output += "[\n"
      for (offset, item) in items.enumerated() {
        output += indent + "  "
        item.write(to: &output, indent: indent + "  ")
        output += offset == items.count - 1 ? "\n" : ",\n"
      }
      output += indent + "]"
    case .object(let members):
      guard !members.isEmpty else { output += "{}"; return }
      output += "{\n"
      for (offset, (key, value)) in members.enumerated() {
        output += indent + "  "
        Self.writeString(key, to: &output)
        output += ": "
        value.write(to: &output, indent: indent + "  ")
        output += offset == members.count - 1 ? "\n" : ",\n"
      }
      output += indent + "}"
    }
  }

  private static func writeString(_ value: String, to output: inout String) {
    output += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        output += String(format: "\\u%04x", scalar.value)
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}
