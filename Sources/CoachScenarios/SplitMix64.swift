/// A small deterministic pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014).
///
/// The dialogue engine uses it to pick a customer line among a node's variants, so the same
/// seed always gives the same conversation on every platform and Swift version (unlike
/// `SystemRandomNumberGenerator`, or the standard library's `random(in:using:)`, whose
/// algorithm is not specified). Its whole state is one `UInt64`, so it is saved with the
/// dialogue state.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable, Codable {
  public private(set) var state: UInt64

  public init(seed: UInt64) {
    state = seed
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in `0..<count` (`count` > 0), by plain modulo so the choice is fixed forever.
  public mutating func index(below count: Int) -> Int {
    precondition(count > 0, "nothing to choose from")
    return Int(next() % UInt64(count))
  }

  // Stored as a decimal string: JSON readers outside Swift lose precision above 2^53.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let value = UInt64(text) else {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "generator state '\(text)' is not a UInt64")
    }
    state = value
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(String(state))
  }
}
