/// A turn's time, parsed by hand (no `DateFormatter`: it is slow and locale-dependent).
///
/// Accepted forms: ISO 8601 / RFC 3339 date-times (`2024-05-01T10:02:03Z`, `+09:00` offsets,
/// a space instead of `T`, fractional seconds; without an offset the time is taken as UTC),
/// a date-time without seconds (`2024-05-01 10:02`), a time of day (`10:02`, `10:02:03`), and
/// Unix time in seconds or milliseconds (a number).
public struct Timestamp: Sendable, Hashable, CustomStringConvertible {
  /// Seconds since 1970-01-01T00:00:00Z, or since midnight for a time of day.
  public var seconds: Double
  /// True when only the time of day was given (differences wrap around midnight).
  public var isTimeOfDay: Bool

  public init(seconds: Double, isTimeOfDay: Bool = false) {
    self.seconds = seconds
    self.isTimeOfDay = isTimeOfDay
  }

  public var description: String { isTimeOfDay ? "\(seconds)s of day" : "\(seconds)s" }

  /// Seconds from `earlier` to `self`; `nil` when the two cannot be compared or time runs
  /// backwards (a time of day that runs backwards is taken to cross midnight).
  public func seconds(since earlier: Timestamp) -> Double? {
    guard isTimeOfDay == earlier.isTimeOfDay else { return nil }
    var delta = seconds - earlier.seconds
    if delta < 0 && isTimeOfDay { delta += 86_400 }
    return delta >= 0 ? delta : nil
  }

  /// Parses a time as written; `nil` when it is none of the accepted forms.
  public init?(parsing text: some StringProtocol) {
    var bytes = Array(text.utf8)
    while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
    while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
    guard !bytes.isEmpty else { return nil }
    guard let value = bytes.withUnsafeBufferPointer({ Timestamp.parse($0) }) else { return nil }
    self = value
  }

  /// Parses a time from UTF-8 bytes (surrounding spaces allowed).
  init?(bytes: UnsafeBufferPointer<UInt8>) {
    var lo = 0, hi = bytes.count
    while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
    while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
    guard lo < hi else { return nil }
    guard let value = Timestamp.parse(UnsafeBufferPointer(rebasing: bytes[lo..<hi])) else { return nil }
    self = value
  }

  /// Unix time from a JSON number: seconds, or milliseconds when it is implausibly large.
  public init(unix value: Double) {
    self.init(seconds: value > 100_000_000_000 ? value / 1000 : value)
  }

  private static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Timestamp? {
    var scanner = Scanner(b: b)
    let n = b.count
    // Time of day: H:MM or HH:MM[:SS[.fff]].
    if n >= 4 && n <= 15 && (b[1] == 58 || b[2] == 58) {
      guard let h = scanner.digits(b[1] == 58 ? 1 : 2), scanner.take(58), let m = scanner.digits(2) else { return nil }
      var s = 0.0
      if scanner.take(58) {
        guard let whole = scanner.digits(2) else { return nil }
        s = Double(whole) + scanner.fraction()
      }
      guard scanner.i == n, h < 24, m < 60, s < 61 else { return nil }
      return Timestamp(seconds: Double(h * 3600 + m * 60) + s, isTimeOfDay: true)
    }
    // Date-time: YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|±HH[:]MM]; also YYYY/MM/DD.
    if n >= 10 && (b[4] == 45 || b[4] == 47) {
      let separator = b[4]
      guard let year = scanner.digits(4), scanner.take(separator), let month = scanner.digits(2), scanner.take(separator),
        let day = scanner.digits(2), (1...12).contains(month), (1...31).contains(day)
      else { return nil }
      var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
      if scanner.i == n { return Timestamp(seconds: seconds) }
      guard scanner.take(84) || scanner.take(32) || scanner.take(116) else { return nil }
      guard let h = scanner.digits(2), scanner.take(58), let m = scanner.digits(2), h < 24, m < 60 else { return nil }
      seconds += Double(h * 3600 + m * 60)
      if scanner.take(58) {
        guard let s = scanner.digits(2), s < 61 else { return nil }
        seconds += Double(s) + scanner.fraction()
      }
      if scanner.take(90) || scanner.take(122) {
        // UTC
      } else if scanner.i < n, b[scanner.i] == 43 || b[scanner.i] == 45 {
        let sign: Double = b[scanner.i] == 45 ? -1 : 1
        scanner.i += 1
        guard let oh = scanner.digits(2) else { return nil }
        _ = scanner.take(58)
        let om = scanner.digits(2) ?? 0
        seconds -= sign * Double(oh * 3600 + om * 60)
      }
      guard scanner.i == n else { return nil }
      return Timestamp(seconds: seconds)
    }
    // A plain number: Unix time.
    var dots = 0
    for byte in b {
      if byte == 46 { dots += 1 } else if byte < 48 || byte > 57 { return nil }
    }
    guard dots <= 1, let value = Double(String(decoding: b, as: UTF8.self)) else { return nil }
    return Timestamp(unix: value)
  }

  private struct Scanner {
    let b: UnsafeBufferPointer<UInt8>
    var i = 0

    @inline(__always)
    mutating func digits(_ count: Int) -> Int? {
      guard i + count <= b.count else { return nil }
      var value = 0
      for k in i..<(i + count) {
        let d = Int(b[k]) &- 48
        guard d >= 0 && d <= 9 else { return nil }
        value = value * 10 + d
      }
      i += count
      return value
    }

    @inline(__always)
    mutating func take(_ byte: UInt8) -> Bool {
      if i < b.count && b[i] == byte {
        i += 1
        return true
      }
      return false
    }

    mutating func fraction() -> Double {
      guard take(46) || take(44) else { return 0 }
      var scale = 0.1, value = 0.0
      while i < b.count, b[i] >= 48 && b[i] <= 57 {
        value += Double(b[i] - 48) * scale
        scale /= 10
        i += 1
      }
      return value
    }
  }
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
  let y = month <= 2 ? year - 1 : year
  let era = (y >= 0 ? y : y - 399) / 400
  let yoe = y - era * 400
  let mp = (month + 9) % 12
  let doy = (153 * mp + 2) / 5 + day - 1
  let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
  return era * 146_097 + doe - 719_468
}
