/// Decoding transcript bytes: invalid UTF-8 is replaced with U+FFFD and counted, never fatal.
enum UTF8Repair {
  /// The text of `bytes`, and how many invalid sequences were replaced with U+FFFD.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, repairs: Int) {
    if isASCII(bytes) { return (String(decoding: bytes, as: UTF8.self), 0) }
    if let text = String(validating: bytes, as: UTF8.self) { return (text, 0) }
    let text = String(decoding: bytes, as: UTF8.self)
    return (text, max(1, replacementCount(in: text) - replacementCount(in: bytes)))
  }

  static func decode(_ bytes: ArraySlice<UInt8>) -> (text: String, repairs: Int) {
    bytes.withUnsafeBufferPointer { decode($0) }
  }

  /// True when every byte is ASCII (checked eight bytes at a time).
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let count = bytes.count
    var i = 0
    let raw = UnsafeRawPointer(base)
    while i + 8 <= count {
      if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
      i += 8
    }
    while i < count {
      if base[i] >= 0x80 { return false }
      i += 1
    }
    return true
  }

  /// How many U+FFFD characters a text holds.
  static func replacementCount(in text: String) -> Int {
    var count = 0
    for scalar in text.unicodeScalars where scalar.value == 0xFFFD { count += 1 }
    return count
  }

  /// How many encoded U+FFFD (EF BF BD) sequences the bytes already held.
  static func replacementCount(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    var i = 0
    while i + 2 < bytes.count {
      if bytes[i] == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBD { count += 1; i += 3 } else { i += 1 }
    }
    return count
  }

  /// The error entry message for a repaired line.
  static func message(repairs: Int) -> String {
    "invalid UTF-8: \(repairs) byte sequence\(repairs == 1 ? "" : "s") replaced with U+FFFD (the record was scored with the replacements)"
  }
}
