import CoachGuidelines
import CoachText
import Foundation

/// `coach-bench evaluator [MB]`: builds a mixed Korean/English corpus of realistic replies
/// (default 50 MB), scores every reply with both full packs on one core, and prints replies/s,
/// MB/s and peak memory (VmHWM).
func runEvaluatorBenchmark(_ arguments: [String]) throws {
  let megabytes = arguments.first.flatMap(Int.init) ?? 50
  let loadStart = DispatchTime.now()
  let library = try GuidelineLibrary.loadDefault()
  let loadSeconds = Double(DispatchTime.now().uptimeNanoseconds - loadStart.uptimeNanoseconds) / 1e9
  let evaluator = Evaluator(library: library)
  let corpus = BenchmarkCorpus.replies(totalBytes: megabytes * 1_000_000)
  let bytes = corpus.reduce(0) { $0 + $1.text.utf8.count }
  // Warm up.
  for reply in corpus.prefix(2000) { _ = evaluator.evaluate(reply.text, context: reply.context) }
  let start = DispatchTime.now()
  var checksum = 0
  for reply in corpus { checksum &+= evaluator.evaluate(reply.text, context: reply.context).overall }
  let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  print("evaluator benchmark (release build expected; one core)")
  print(String(format: "  packs        %d rules, %d phrases, loaded in %.0f ms", library.rules.count,
    library.packs.values.reduce(0) { $0 + $1.phraseCount }, loadSeconds * 1000))
  print(String(format: "  replies      %d (%.1f MB, %d%% Korean)", corpus.count, Double(bytes) / 1e6, BenchmarkCorpus.koreanShare))
  print(String(format: "  time         %.2f s", seconds))
  print(String(format: "  throughput   %.0f replies/s, %.1f MB/s", Double(corpus.count) / seconds, Double(bytes) / 1e6 / seconds))
  print("  peak memory  \(peakMemory())  (includes the corpus held in memory)")
  print("  checksum     \(checksum)")
}

/// Peak resident set size of this process (VmHWM).
func peakMemory() -> String {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "unknown" }
  return status.split(separator: "\n").first { $0.hasPrefix("VmHWM") }.map { String($0.dropFirst(6)).trimmingCharacters(in: .whitespaces) } ?? "unknown"
}

/// A deterministic corpus of customer-service replies built from phrase pieces.
enum BenchmarkCorpus {
  static let koreanShare = 50

  struct Reply {
    var text: String
    var context: EvaluationContext
  }

  static let koPieces = [
    "김민수 고객님, 안녕하세요.", "주문하신 상품이 늦게 도착해서 많이 답답하셨겠어요.", "배송이 지연되어 불편을 드려 정말 죄송합니다.",
    "확인해 보니 택배사 물류센터에서 분류가 늦어지고 있습니다.", "오늘 오후 6시까지 다시 발송하고 송장 번호를 문자로 보내 드리겠습니다.",
    "환불을 원하시면 3영업일 안에 처리해 드릴 수 있습니다.", "불편한 점을 자세히 알려 주셔서 감사합니다.", "다른 궁금한 점이 있으면 언제든 말씀해 주세요.",
    "지금 앱에서 정상적으로 보이시나요?", "죄송하지만 규정상 환불은 불가합니다.", "고객님이 주소를 잘못 입력하셨네요.", "환불은 안 돼.",
    "확인 후 연락드릴게요.", "그런 불만은 처음입니다.", "익일 중 회신 예정입니다.", "불편하셨다면 죄송합니다.", "알겠습니다.",
    "커피 나오셨습니다.", "잠시만 기다려 주세요.", "이번 주 금요일까지 교환 상품을 보내 드릴게요.",
  ]
  static let enPieces = [
    "Hi Sarah,", "I'm so sorry your order arrived late.", "That must be really frustrating after waiting all week.",
    "Thank you for letting us know and for your patience.", "I've issued a full refund today; you'll see it within 3 business days.",
    "I'll email you the tracking number by 5 pm.", "Is there anything else I can help you with?", "Sorry for any inconvenience.",
    "Unfortunately our policy doesn't allow refunds.", "You should have read the terms.", "Please calm down.", "Noted.",
    "We will get back to you as soon as possible.", "Pursuant to our terms, we are unable to commence a reimbursement.",
    "NO ONE ELSE HAS COMPLAINED!!!", "Did that fix the problem?", "You can choose a replacement or a refund.",
    "Thanks for your feedback.", "Our team will look into it.", "Let me check that for you right now.",
  ]
  static let koCustomers = ["배송이 왜 이렇게 늦어요? 벌써 세 번째 문의예요!", "앱에서 결제 내역을 어떻게 보는지 모르겠어요.", "상품이 파손돼서 왔어요."]
  static let enCustomers = ["Where is my order?! This is the third time I'm asking.", "I don't understand how to reset my password.", "The item arrived broken."]

  static func replies(totalBytes: Int) -> [Reply] {
    var state: UInt64 = 0x9E3779B97F4A7C15
    func next() -> Int {
      state &+= 0x9E3779B97F4A7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
      z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
      return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
    }
    var out: [Reply] = []
    var bytes = 0
    while bytes < totalBytes {
      let korean = next() % 100 < koreanShare
      let pieces = korean ? koPieces : enPieces
      let count = 2 + next() % 4
      let text = (0..<count).map { _ in pieces[next() % pieces.count] }.joined(separator: " ")
      let customers = korean ? koCustomers : enCustomers
      let context = EvaluationContext(
        customerMessage: next() % 3 == 0 ? nil : customers[next() % customers.count],
        customerName: korean ? "김민수" : "Sarah Lee", companyAtFault: next() % 2 == 0)
      out.append(Reply(text: text, context: context))
      bytes += text.utf8.count
    }
    return out
  }
}

/// `coach-bench stages`: time each stage of the evaluator separately on the same corpus.
func runStageBenchmark(_ arguments: [String]) throws {
  let megabytes = arguments.first.flatMap(Int.init) ?? 2
  let library = try GuidelineLibrary.loadDefault()
  let evaluator = Evaluator(library: library)
  let corpus = BenchmarkCorpus.replies(totalBytes: megabytes * 1_000_000)
  // CPU time of this thread, best of three (steadier than wall time on a shared machine).
  func time(_ label: String, _ body: () -> Int) {
    var best = Double.infinity
    var checksum = 0
    for _ in 0..<3 {
      let start = threadCPUSeconds()
      checksum = body()
      best = min(best, threadCPUSeconds() - start)
    }
    print(String(format: "  %-28@ %7.2f µs/reply  (%d)", label as NSString, best * 1e6 / Double(corpus.count), checksum))
  }
  time("normalise") { corpus.reduce(0) { $0 &+ NormalizedText($1.text).view.count } }
  time("text analysis") { corpus.reduce(0) { $0 &+ TextAnalysis($1.text).sentences.count } }
  time("evaluate, no context") { corpus.reduce(0) { $0 &+ evaluator.evaluate($1.text).overall } }
  time("evaluate, with context") { corpus.reduce(0) { $0 &+ evaluator.evaluate($1.text, context: $1.context).overall } }
  let evaluations = corpus.map { evaluator.evaluate($0.text, context: $0.context) }
  time("JSON only") { evaluations.reduce(0) { $0 &+ $1.jsonObject().utf8.count } }
  print("  findings per reply: \(Double(evaluations.reduce(0) { $0 + $1.findings.count }) / Double(evaluations.count))")
}

/// `coach-bench profile-evaluate`: only evaluation with context, for a profiler.
func runProfileEvaluate(_ arguments: [String]) throws {
  let library = try GuidelineLibrary.loadDefault()
  let evaluator = Evaluator(library: library)
  let corpus = BenchmarkCorpus.replies(totalBytes: (arguments.first.flatMap(Int.init) ?? 4) * 1_000_000)
  var checksum = 0
  for _ in 0..<3 { for reply in corpus { checksum &+= evaluator.evaluate(reply.text, context: reply.context).overall } }
  print(checksum)
}

/// `coach-bench profile-json`: only JSON writing of precomputed evaluations, for a profiler.
func runProfileJSON(_ arguments: [String]) throws {
  let evaluator = Evaluator(library: try GuidelineLibrary.loadDefault())
  let corpus = BenchmarkCorpus.replies(totalBytes: 1_000_000)
  let evaluations = corpus.map { evaluator.evaluate($0.text, context: $0.context) }
  var total = 0
  for _ in 0..<20 { for e in evaluations { total &+= e.jsonObject().utf8.count } }
  print(total)
}

/// `coach-bench big [MB]`: one huge reply (the 10 MB bad-input case), timed.
func runBigReply(_ arguments: [String]) throws {
  let megabytes = arguments.first.flatMap(Int.init) ?? 10
  let evaluator = Evaluator(library: try GuidelineLibrary.loadDefault())
  let sentence = "배송이 늦어져 불편을 드려 죄송합니다. Sorry for the delay! "
  let text = String(repeating: sentence, count: megabytes * 1_000_000 / sentence.utf8.count)
  let start = DispatchTime.now()
  let e = evaluator.evaluate(text, context: .init(companyAtFault: true))
  let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  print(String(format: "one %d MB reply: %.2f s, %d findings, peak %@", megabytes, seconds, e.findings.count, peakMemory()))
}

/// CPU seconds used by the calling thread.
func threadCPUSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// `coach-bench count [N]`: evaluates N replies once (for instruction-counting profilers).
func runCount(_ arguments: [String]) throws {
  let library = try GuidelineLibrary.loadDefault()
  let evaluator = Evaluator(library: library)
  let corpus = BenchmarkCorpus.replies(totalBytes: (arguments.first.flatMap(Int.init) ?? 2000) * 153)
  var checksum = 0
  for reply in corpus { checksum &+= evaluator.evaluate(reply.text, context: reply.context).overall }
  print(corpus.count, checksum)
}
