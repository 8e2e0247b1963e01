import Synchronization
import Testing
@testable import CoachTerminal

/// A clock the test moves by hand.
final class ManualClock: Sendable {
  private let elapsed = Mutex(Duration.zero)
  func advance(_ duration: Duration) { elapsed.withLock { $0 += duration } }
  var now: @Sendable () -> Duration { { [self] in self.elapsed.withLock { $0 } } }
}

@Suite("Progress bar")
struct ProgressBarTests {
  @Test("Writes nothing when stderr is not a terminal")
  func disabled() {
    let output = CapturedOutput()
    let bar = ProgressBar(total: 100, output: output, isEnabled: false)
    for _ in 0..<100 { bar.advance() }
    bar.update(completed: 50)
    bar.finish()
    #expect(output.text.isEmpty)
    #expect(!bar.isEnabled)
  }

  @Test("Redraws in place at most once per interval, and at the total")
  func throttled() {
    let output = CapturedOutput()
    let clock = ManualClock()
    let bar = ProgressBar(total: 10, label: "scoring", output: output, isEnabled: true, columns: 60, now: clock.now)
    bar.advance()  // first update draws
    bar.advance()  // same instant: skipped
    #expect(output.text.components("\r") == 1)
    clock.advance(.milliseconds(50))
    bar.advance()
    #expect(output.text.components("\r") == 1)
    clock.advance(.milliseconds(60))
    bar.advance()  // 110 ms after the first draw
    #expect(output.text.components("\r") == 2)
    bar.update(completed: 10)  // the total is always drawn
    #expect(output.text.components("\r") == 3)
    #expect(output.text.hasSuffix("100%  10 / 10\u{1B}[K"))
    bar.finish()
    #expect(output.text.hasSuffix("\r\u{1B}[K"))
    let before = output.text
    bar.advance()
    bar.finish()
    #expect(output.text == before)
  }

  @Test("Lines fit the terminal; counters without a total; bytes with units")
  func lines() {
    let bar = ProgressBar(total: 2_700, label: "transcripts.jsonl", output: CapturedOutput(), isEnabled: true, columns: 70)
    let line = bar.line(completed: 1_234)
    #expect(line.hasPrefix("transcripts.jsonl "))
    #expect(line.hasSuffix(" 45%  1,234 / 2,700"))
    #expect(displayWidth(line) <= 69)
    let narrow = ProgressBar(total: 100, label: "아주 긴 파일 이름입니다.jsonl", output: CapturedOutput(), isEnabled: true, columns: 20)
    #expect(displayWidth(narrow.line(completed: 50)) <= 19)
    let counter = ProgressBar(total: nil, unit: .records("replies"), output: CapturedOutput(), isEnabled: true, columns: 80)
    #expect(counter.line(completed: 1_234_567) == "1,234,567 replies")
    let bytes = ProgressBar(total: nil, unit: .bytes, output: CapturedOutput(), isEnabled: true, columns: 80)
    #expect(bytes.line(completed: 1_234_567) == "1.2 MB")
    #expect(formatBytes(999) == "999 B")
    #expect(formatBytes(1_000) == "1.0 kB")
    #expect(formatBytes(999_999) == "1.0 MB")
    #expect(groupedDigits(-1_000) == "-1,000")
  }

  @Test("Safe to call from many threads; the total is drawn once reached")
  func concurrent() async {
    let output = CapturedOutput()
    let bar = ProgressBar(total: 8_000, output: output, isEnabled: true, columns: 80, now: { .zero })
    await withTaskGroup(of: Void.self) { group in
      for _ in 0..<8 {
        group.addTask { for _ in 0..<1_000 { bar.advance() } }
      }
    }
    #expect(output.text.hasSuffix("8,000 / 8,000\u{1B}[K"))
    bar.finish()
  }

  @Test("A label cannot smuggle escape sequences")
  func safeLabel() {
    let bar = ProgressBar(total: nil, label: "evil\u{1B}[2J", output: CapturedOutput(), isEnabled: true, columns: 80)
    #expect(!bar.line(completed: 1).contains("\u{1B}"))
  }
}

extension String {
  fileprivate func components(_ separator: Character) -> Int {
    filter { $0 == separator }.count
  }
}
