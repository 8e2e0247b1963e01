import CoachBatch
import CoachGuidelines
import CoachText
import Foundation

#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// `coach-bench batch [--mb N] [--small-mb N] [--dir DIR] [--coach PATH] [--runs jobs,…]`
///
/// Generates (deterministically) mixed Korean/English conversation JSONL — realistic replies
/// from varied templates, names and lengths, with a few bad records — at `--small-mb` (10) and
/// `--mb` (100) MB, then runs the release `coach score` binary on each as a child process with
/// `--jobs 1` and `--jobs 2` and prints MB/s, records/s and the child's peak RSS (from `wait4`).
/// It also times, in this process and on one core, the pipeline's own stages without the
/// evaluator (reading, decoding, writing) so the evaluator's share of the time is visible.
func runBatchBenchmark(_ arguments: [String]) throws {
  var megabytes = 100, smallMegabytes = 10
  var directory = NSTemporaryDirectory() + "coach-bench-batch"
  var coachPath = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("coach").path
  var jobsList = [1, 2]
  var stagesOnly = false
  var index = 0
  func value() -> String {
    index += 1
    guard index < arguments.count else {
      print("missing value for \(arguments[index - 1])")
      exit(64)
    }
    return arguments[index]
  }
  while index < arguments.count {
    switch arguments[index] {
    case "--mb": megabytes = Int(value()) ?? megabytes
    case "--small-mb": smallMegabytes = Int(value()) ?? smallMegabytes
    case "--dir": directory = value()
    case "--coach": coachPath = value()
    case "--runs": jobsList = value().split(separator: ",").compactMap { Int($0) }
    case "--in-process-only": jobsList = []
    case "--scaling":
      try runScalingCheck(megabytes: smallMegabytes, directory: directory)
      return
    case "--stages-only":
      jobsList = []
      stagesOnly = true
    default:
      print("usage: coach-bench batch [--mb N] [--small-mb N] [--dir DIR] [--coach PATH] [--runs 1,2] [--in-process-only]")
      exit(64)
    }
    index += 1
  }
  try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  if !coachPath.contains("/release/") { print("warning: \(coachPath) is not a release build; figures will be low") }

  var corpora: [(path: String, bytes: Int, records: Int)] = []
  for size in [smallMegabytes, megabytes] where size > 0 {
    let path = directory + "/conversations-\(size)mb.jsonl"
    let started = Date()
    let (bytes, records) = try BatchCorpus.cached(path: path, bytes: size * 1_000_000)
    corpora.append((path, bytes, records))
    print(String(format: "corpus  %@  %.1f MB, %d records (generated in %.1f s)", path, Double(bytes) / 1e6, records, Date().timeIntervalSince(started)))
  }
  print("machine  \(ProcessInfo.processInfo.activeProcessorCount) cores; load average \(loadAverage())")

  // 1. The pipeline without the evaluator, in process, one core.
  var evaluatorCPU: Double?
  if let corpus = corpora.last {
    print("\npipeline stages without the evaluator (in process, one thread, \(String(format: "%.0f", Double(corpus.bytes) / 1e6)) MB):")
    let canned = cannedEvaluation()
    let stub: ReplyEvaluating = { _, context, id in
      var e = canned
      e.id = id
      e.language = context.language ?? .ko
      return e
    }
    print("  (CPU time of this process, so other load on the machine matters less; MB/s per CPU second)")
    var t = cpuSeconds()
    var items = 0
    try TranscriptFile.forEach(in: .file(corpus.path)) { _ in items += 1 }
    let readSeconds = cpuSeconds() - t
    print(String(format: "  read + split + decode JSONL      %6.2f s  %7.1f MB/s  (%d items)", readSeconds, Double(corpus.bytes) / 1e6 / readSeconds, items))
    for format in [OutputFormat.jsonl, .csv, .html] {
      t = cpuSeconds()
      let sink = CountingSink()
      _ = try BatchScorer(evaluate: stub, options: BatchOptions(jobs: 1, format: format)).run([.file(corpus.path)], to: sink)
      let seconds = cpuSeconds() - t
      print(String(format: "  + stub scoring + write %-5@      %6.2f s  %7.1f MB/s  (output %.0f MB)", format.rawValue, seconds, Double(corpus.bytes) / 1e6 / seconds, Double(sink.count) / 1e6))
    }
    if stagesOnly { return }
    // The evaluator alone on the same agent turns (with their contexts), one thread.
    let library = try GuidelineLibrary.loadDefault()
    let evaluator = Evaluator(library: library)
    let log = CallLog()
    // Record the exact calls coach score makes (contexts depend on earlier verdicts), then replay.
    let scorer = ConversationScorer { reply, context, id in
      log.calls.append((reply, context))
      return evaluator.evaluate(reply, context: context, id: id)
    }
    let sample = try TranscriptFile.items(of: .file(corpora.first!.path))
    for item in sample {
      switch item {
      case .conversation(let c, _): _ = scorer.score(c)
      case .reply(let r, _): _ = scorer.score(r)
      case .error: break
      }
    }
    t = cpuSeconds()
    var checksum = 0
    let calls = log.calls
    for (reply, context) in calls { checksum &+= evaluator.evaluate(reply, context: context).overall }
    let evaluatorSeconds = cpuSeconds() - t
    evaluatorCPU = evaluatorSeconds
    let sampleBytes = corpora.first!.bytes
    print(String(format: "  evaluator alone on the %.0f MB corpus's %d agent turns: %.2f s = %.1f MB of input/s (checksum %d)",
      Double(sampleBytes) / 1e6, calls.count, evaluatorSeconds, Double(sampleBytes) / 1e6 / evaluatorSeconds, checksum))
  }

  // 2. The release binary as a child process.
  guard !jobsList.isEmpty else { return }
  print("\ncoach score (child process, --format jsonl, output to /dev/null):")
  print("  input     jobs   wall s    MB/s   records/s   peak RSS    CPU s   MB per CPU s")
  var results: [String: Double] = [:]
  var shareLine: String?
  for corpus in corpora {
    for jobs in jobsList {
      let run = try runChild(coachPath, ["score", corpus.path, "--jobs", String(jobs), "--format", "jsonl", "--out", "/dev/null"])
      let mbps = Double(corpus.bytes) / 1e6 / run.seconds
      results["\(corpus.bytes)-\(jobs)"] = mbps
      if jobs == 1, corpus.path == corpora.first?.path, let evaluatorCPU {
        shareLine = String(format: "  evaluator share of coach score's CPU time (%.0f MB, --jobs 1): %.0f%% (%.2f of %.2f CPU s)",
          Double(corpus.bytes) / 1e6, 100 * evaluatorCPU / run.cpuSeconds, evaluatorCPU, run.cpuSeconds)
      }
      print(String(format: "  %5.0f MB  %4d  %7.2f  %6.1f  %10.0f  %7.1f MB  %7.2f  %6.1f   (exit %d)", Double(corpus.bytes) / 1e6, jobs, run.seconds, mbps,
        Double(corpus.records) / run.seconds, Double(run.maxRSSKilobytes) / 1024, run.cpuSeconds, Double(corpus.bytes) / 1e6 / run.cpuSeconds, run.status))
    }
  }
  if let shareLine { print(shareLine) }
  if let large = corpora.last, let one = results["\(large.bytes)-1"], let two = results["\(large.bytes)-2"] {
    print(String(format: "  speed-up 2 jobs / 1 job at %.0f MB: %.2f×", Double(large.bytes) / 1e6, two / one))
  }
  if let large = corpora.last {
    let run = try runChild(coachPath, ["score", large.path, "--jobs", String(jobsList.max() ?? 2), "--format", "html", "--out", "/dev/null"])
    print(String(format: "  %5.0f MB  %4d  %7.2f  %6.1f  %10.0f  %7.1f MB   (--format html, exit %d)", Double(large.bytes) / 1e6, jobsList.max() ?? 2,
      run.seconds, Double(large.bytes) / 1e6 / run.seconds, Double(large.records) / run.seconds, Double(run.maxRSSKilobytes) / 1024, run.status))
  }
}

/// The evaluator calls a stand-in saw (one thread).
final class CallLog: @unchecked Sendable {
  var calls: [(String, EvaluationContext)] = []
}

/// Counts the output instead of keeping it.
final class CountingSink: ByteSink {
  var count = 0
  func write(_ bytes: [UInt8]) throws(OutputError) { count += bytes.count }
  func flush() throws(OutputError) {}
}

/// A typical evaluation (two findings), so the stub pipeline writes realistic output.
func cannedEvaluation() -> Evaluation {
  let findings = [
    Finding(rule: "ko.apology.owned", category: .apology, kind: .strength, severity: .info, start: 4, end: 12, excerpt: "드려 죄송합니다",
      message: "무엇이 잘못됐는지 밝히고 책임지는 사과입니다.", suggestion: nil, points: 100),
    Finding(rule: "ko.apology.non-apology", category: .apology, kind: .issue, severity: .warning, start: 0, end: 6, excerpt: "불편하셨다면",
      message: "조건을 붙이거나 유감만 표하는 사과는 책임을 피하는 말로 들립니다.", suggestion: "배송이 늦어져 불편을 드려 죄송합니다.", points: -40),
  ]
  let categories = Category.allCases.map { c in CategoryResult(score: c == .apology ? 60 : c == .tone ? 100 : nil, detected: c == .apology) }
  return Evaluation(id: nil, language: .ko, overall: 80, speechLevel: .formal, categories: categories, findings: findings)
}

struct ChildRun {
  var seconds: Double
  var maxRSSKilobytes: Int
  var status: Int32
  /// User + system CPU time of the child.
  var cpuSeconds: Double
}

/// User + system CPU time of this process so far.
func cpuSeconds() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

/// Runs a program (stdin and stderr /dev/null) and measures it: wall time, CPU time from
/// `wait4`, and peak RSS as the child's own `VmHWM` in `/proc/PID/status`, read every 10 ms
/// while it runs. (`wait4`'s `ru_maxrss` is no good here: Linux carries the parent's high-water
/// mark over into a child made by fork/exec, so it would report this benchmark's own memory.)
func runChild(_ path: String, _ arguments: [String]) throws -> ChildRun {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
  let argv = ([path] + arguments).map { strdup($0) } + [nil]
  defer { for p in argv { free(p) } }
  var pid: pid_t = 0
  let started = DispatchTime.now()
  let spawned = posix_spawn(&pid, path, &actions, nil, argv, environ)
  guard spawned == 0 else { throw NSError(domain: "coach-bench", code: Int(spawned), userInfo: [NSLocalizedDescriptionKey: "cannot run \(path): \(String(cString: strerror(spawned)))"]) }
  var status: Int32 = 0
  var usage = rusage()
  var peak = 0
  while true {
    peak = max(peak, highWaterMark(pid))
    let done = wait4(pid, &status, WNOHANG, &usage)
    if done == pid { break }
    if done < 0 && errno != EINTR { break }
    usleep(10_000)
  }
  let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
  let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
  return ChildRun(seconds: seconds, maxRSSKilobytes: peak, status: exitStatus, cpuSeconds: cpu)
}

/// `VmHWM` of a running process in kB (0 when it cannot be read).
func highWaterMark(_ pid: pid_t) -> Int {
  guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
  for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
    return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") ?? 0
  }
  return 0
}

func loadAverage() -> String {
  (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)).map { $0.split(separator: " ").prefix(3).joined(separator: " ") } ?? "?"
}

/// Deterministic mixed Korean/English transcripts.
enum BatchCorpus {
  struct Random {
    var state: UInt64
    mutating func next() -> Int {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
    }
    mutating func below(_ n: Int) -> Int { next() % n }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
  }

  static let koAgents = ["김민수", "이지은", "박서준", "최유나", "정하늘", "강도윤", "윤서연", "임재현", "한소희", "오세훈", "서지민", "신예린", "권태호", "황보라", "송민재", "조아라", "배준호", "문채원", "장우진", "유하린"]
  static let enAgents = ["Sarah Lee", "James Park", "Emily Chen", "Michael Brown", "Olivia Kim", "Daniel Smith", "Grace Jung", "Ryan Cho", "Hannah Moore", "David Yoon", "Sophie Clark", "Lucas Han", "Mia Wright", "Noah Baek", "Chloe Davis", "Ethan Shin", "Ava Lim", "Jacob Seo", "Zoe Hall", "Leo Kang"]
  static let koCustomers = ["김지훈", "이수진", "박민지", "최현우", "정다은", "강민호", "윤지영", "장서윤", "임도현", "한예진"]
  static let enCustomers = ["Alex Turner", "Jordan Reyes", "Priya Patel", "Tom Walsh", "Nina Ortiz", "Sam Fischer", "Kate Murphy", "Omar Haddad"]
  static let koProducts = ["무선 이어폰", "겨울 패딩", "전기포트", "러닝화", "노트북 거치대", "공기청정기 필터", "유아용 카시트", "캠핑 의자"]
  static let enProducts = ["wireless earbuds", "winter jacket", "kettle", "running shoes", "laptop stand", "air purifier filter", "car seat", "camping chair"]

  static let koCustomerLines = [
    "{product} 주문했는데 배송이 왜 이렇게 늦어요? 벌써 {days}일째예요!", "주문번호 {order}인데 아직도 배송 준비중이라고 나와요.",
    "받은 {product}가 파손돼서 왔어요. 어떻게 해야 하나요?", "환불 신청한 지 {days}일이 지났는데 아직 입금이 안 됐어요.",
    "앱에서 결제 내역을 어떻게 보는지 모르겠어요.", "색상이 주문한 거랑 달라요. 교환 가능한가요?", "세 번째 문의인데 아무도 답을 안 주네요. 정말 화가 나요.",
    "쿠폰이 적용이 안 돼요. 확인 좀 해 주세요.", "배송지를 잘못 입력했어요. 바꿀 수 있을까요?", "감사합니다. 그럼 기다릴게요.", "네 알겠습니다.",
    "아니 그게 말이 돼요? 지난번에도 똑같았잖아요.", "혹시 오늘 안에 출고 가능할까요?",
  ]
  static let koAgentPieces: [[String]] = [
    ["{customer} 고객님, 안녕하세요.", "안녕하세요, 고객님.", "문의 주셔서 감사합니다.", "안녕하세요. 상담원 {agent}입니다."],
    ["많이 답답하셨겠어요.", "기다리시느라 많이 불편하셨겠습니다.", "속상하셨을 마음 충분히 이해합니다.", ""],
    ["배송이 지연되어 불편을 드려 정말 죄송합니다.", "불편을 드려 죄송합니다.", "불편하셨다면 죄송합니다.", "저희 실수로 다른 상품이 발송되었습니다. 사과드립니다.", "", ""],
    ["확인해 보니 택배사 물류센터에서 분류가 늦어지고 있습니다.", "주문번호 {order} 확인해 보니 어제 출고되었습니다.", "고객님이 주소를 잘못 입력하셨네요.",
      "시스템 점검으로 처리가 지연되었습니다.", "규정상 환불은 불가합니다.", "익일 중 회신 예정입니다."],
    ["오늘 오후 {hour}시까지 다시 발송하고 송장 번호를 문자로 보내 드리겠습니다.", "환불은 {days}영업일 안에 처리해 드리겠습니다.",
      "교환 상품을 이번 주 금요일까지 보내 드릴게요.", "확인 후 연락드릴게요.", "잠시만 기다려 주세요.", "지금 바로 쿠폰을 다시 발급해 드렸습니다."],
    ["다른 궁금한 점이 있으시면 언제든 말씀해 주세요.", "좋은 하루 보내세요.", "이용해 주셔서 감사합니다.", "", "알겠습니다."],
  ]
  static let enCustomerLines = [
    "Where is my {product}?! I ordered it {days} days ago.", "Order {order} still says 'preparing'. What's going on?",
    "The {product} arrived broken. What do I do now?", "I asked for a refund {days} days ago and still nothing.",
    "I don't understand how to reset my password.", "This is the third time I'm asking. Really annoyed.", "The coupon code doesn't work at checkout.",
    "Can I change the delivery address?", "Thanks, I'll wait then.", "OK.", "Honestly this is ridiculous, same thing happened last month.",
  ]
  static let enAgentPieces: [[String]] = [
    ["Hi {customer},", "Hello, thanks for reaching out.", "Hi there,", "Good morning {customer}, this is {agent}."],
    ["That must be really frustrating after waiting all week.", "I completely understand how annoying this is.", "", ""],
    ["I'm so sorry your order arrived late.", "Sorry for any inconvenience.", "I'm sorry if you were upset.", "We made a mistake with your order and I apologise.", "", ""],
    ["I checked and the parcel left our warehouse yesterday.", "Our courier is running behind because of the holidays.", "You should have read the terms.",
      "Pursuant to our terms, we are unable to commence a reimbursement.", "Order {order} shows a delivery failure.", "Our system shows the refund was approved."],
    ["I've issued a full refund today; you'll see it within {days} business days.", "I'll email you the tracking number by {hour} pm.",
      "I've sent a replacement that arrives on Friday.", "We will get back to you as soon as possible.", "Please calm down.", "Let me check that for you right now."],
    ["Is there anything else I can help you with?", "Have a great day!", "Thanks for your patience.", "", "Noted."],
  ]

  static func fill(_ template: String, _ r: inout Random, customer: String, agent: String, ko: Bool) -> String {
    var text = template
    if text.contains("{customer}") { text = text.replacingOccurrences(of: "{customer}", with: ko ? String(customer) : String(customer.split(separator: " ")[0])) }
    if text.contains("{agent}") { text = text.replacingOccurrences(of: "{agent}", with: agent) }
    if text.contains("{product}") { text = text.replacingOccurrences(of: "{product}", with: r.pick(ko ? koProducts : enProducts)) }
    if text.contains("{order}") { text = text.replacingOccurrences(of: "{order}", with: String(100_000 + r.below(900_000))) }
    if text.contains("{days}") { text = text.replacingOccurrences(of: "{days}", with: String(2 + r.below(12))) }
    if text.contains("{hour}") { text = text.replacingOccurrences(of: "{hour}", with: String(2 + r.below(7))) }
    return text
  }

  static func agentReply(_ r: inout Random, ko: Bool, customer: String, agent: String, first: Bool, last: Bool) -> String {
    let pieces = ko ? koAgentPieces : enAgentPieces
    var parts: [String] = []
    for (slot, options) in pieces.enumerated() {
      if slot == 0 && !first && !r.chance(15) { continue }
      if slot == 5 && !last && !r.chance(10) { continue }
      if slot == 3 && r.chance(30) { parts.append(fill(r.pick(options), &r, customer: customer, agent: agent, ko: ko)) }
      let piece = fill(r.pick(options), &r, customer: customer, agent: agent, ko: ko)
      if !piece.isEmpty { parts.append(piece) }
    }
    if ko && r.chance(3) { parts.append(r.pick(["환불은 안 돼.", "그건 고객님 잘못이야.", "기다려."])) }
    if parts.isEmpty { parts.append(ko ? "확인해 보겠습니다." : "Let me check.") }
    return parts.joined(separator: r.chance(10) ? "\n" : " ")
  }

  /// The corpus at `path`, generated unless a previous run left it there (with its counts
  /// in `path.meta`).
  static func cached(path: String, bytes target: Int) throws -> (Int, Int) {
    let meta = path + ".meta"
    if let text = try? String(contentsOfFile: meta, encoding: .utf8) {
      let numbers = text.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
      if numbers.count == 2, regularFileSize(path) == numbers[0] { return (numbers[0], numbers[1]) }
    }
    let (bytes, records) = try write(path: path, bytes: target)
    try "\(bytes) \(records)\n".write(toFile: meta, atomically: true, encoding: .utf8)
    return (bytes, records)
  }

  /// Writes about `bytes` bytes of JSONL; returns the bytes written and the record count.
  static func write(path: String, bytes target: Int) throws -> (Int, Int) {
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteUnknown) }
    defer { try? handle.close() }
    var r = Random(state: 0x5EED_0F_C0AC4)
    var written = 0, records = 0
    var buffer: [UInt8] = []
    var epoch = 1_714_550_400  // 2024-05-01T08:00:00Z
    while written < target {
      var line: String
      let ko = r.chance(50)
      let agent = r.pick(ko ? koAgents : enAgents)
      let customer = r.pick(ko ? koCustomers : enCustomers)
      let roll = r.below(1000)
      records += 1
      if roll < 2 {
        line = "{\"id\":\"broken-\(records)\",\"turns\":[{\"role\":\"customer\",\"text\":\"unterminated"
      } else if roll < 4 {
        line = "{\"id\":\"c\(records)\",\"turns\":[{\"role\":\"bot\",\"text\":\"자동 응답입니다.\"},{\"role\":\"customer\",\"text\":\"hello?\"},{\"role\":\"agent\",\"text\":\"Hi, how can I help?\"}]}"
      } else if roll < 200 {
        let text = agentReply(&r, ko: ko, customer: customer, agent: agent, first: true, last: r.chance(50))
        line = "{\"id\":\"r\(records)\",\"text\":\(jsonLiteral(text)),\"language\":\"\(ko ? "ko" : "en")\",\"customer\":\(jsonLiteral(fill(r.pick(ko ? koCustomerLines : enCustomerLines), &r, customer: customer, agent: agent, ko: ko))),\"customer_name\":\(jsonLiteral(customer)),\"company_at_fault\":\(r.chance(50)),\"agent\":\(jsonLiteral(agent))}"
      } else {
        let agentTurns = 1 + r.below(4)
        var turns: [String] = []
        epoch += 30 + r.below(600)
        var time = epoch
        for k in 0..<agentTurns {
          let customerTurns = k == 0 ? 1 : r.below(3)
          for _ in 0..<customerTurns {
            time += 10 + r.below(120)
            turns.append("{\"role\":\"customer\",\"text\":\(jsonLiteral(fill(r.pick(ko ? koCustomerLines : enCustomerLines), &r, customer: customer, agent: agent, ko: ko))),\"time\":\"\(iso(time))\"}")
          }
          time += 20 + r.below(r.chance(10) ? 3600 : 400)
          let reply = agentReply(&r, ko: ko, customer: customer, agent: agent, first: k == 0, last: k == agentTurns - 1)
          turns.append("{\"role\":\"agent\",\"text\":\(jsonLiteral(reply)),\"time\":\"\(iso(time))\"}")
        }
        line = "{\"id\":\"c\(records)\",\"agent\":\(jsonLiteral(agent)),\"customer_name\":\(jsonLiteral(customer)),\"company_at_fault\":\(r.chance(40)),\"turns\":[\(turns.joined(separator: ","))]}"
      }
      buffer.append(contentsOf: line.utf8)
      if roll >= 4 && roll < 6 {
        // Invalid UTF-8 inside a reply record's text.
        buffer.removeLast(line.utf8.count)
        let broken = "{\"id\":\"u\(records)\",\"text\":\"배송이 \u{1}\u{1} 늦어 죄송합니다.\"}"
        var bytes = Array(broken.utf8)
        if let i = bytes.firstIndex(of: 1) { bytes[i] = 0xFF; bytes[i + 1] = 0xC3 }
        buffer.append(contentsOf: bytes)
      }
      buffer.append(0x0A)
      if buffer.count >= 1 << 20 {
        handle.write(Data(buffer))
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
      }
    }
    handle.write(Data(buffer))
    written += buffer.count
    return (written, records)
  }

  static func iso(_ epoch: Int) -> String {
    let days = epoch / 86_400, seconds = epoch % 86_400
    // Civil from days (Howard Hinnant).
    let z = days + 719_468
    let era = z / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    return "\(y)-\(two(m))-\(two(d))T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
  }

  static func jsonLiteral(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}

/// `coach-bench batch --scaling`: the evaluator on two threads, sharing one `Evaluator` or each
/// with its own (loaded separately), against one thread — shows whether sharing the packs
/// between threads costs (reference-count traffic on shared rule data).
func runScalingCheck(megabytes: Int, directory: String) throws {
  let path = directory + "/conversations-\(megabytes)mb.jsonl"
  _ = try BatchCorpus.cached(path: path, bytes: megabytes * 1_000_000)
  let shared = Evaluator(library: try GuidelineLibrary.loadDefault())
  var calls: [(String, EvaluationContext)] = []
  for item in try TranscriptFile.items(of: .file(path)) {
    switch item {
    case .conversation(let c, _):
      for turn in c.turns where turn.role == .agent { calls.append((turn.text, EvaluationContext(customerName: c.customerName, companyAtFault: c.companyAtFault))) }
    case .reply(let r, _): calls.append((r.text, EvaluationContext(customerMessage: r.customerMessage, companyAtFault: r.companyAtFault)))
    case .error: break
    }
  }
  let work = calls
  func timed(_ label: String, threads: Int, evaluators: [Evaluator]) {
    let start = DispatchTime.now()
    let cpu0 = cpuSeconds()
    DispatchQueue.concurrentPerform(iterations: threads) { t in
      var sum = 0
      var i = t
      while i < work.count {
        sum &+= evaluators[t].evaluate(work[i].0, context: work[i].1).overall
        i += threads
      }
      if sum == 42 { print("") }
    }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    print(String(format: "  %@: wall %6.2f s  CPU %6.2f s  %5.1f MB/s", label, wall, cpuSeconds() - cpu0, Double(megabytes) / wall))
  }
  print("evaluator scaling on \(work.count) replies (\(megabytes) MB corpus); load average \(loadAverage())")
  timed("1 thread", threads: 1, evaluators: [shared])
  timed("2 threads, one shared Evaluator", threads: 2, evaluators: [shared, shared])
  let own = [Evaluator(library: try GuidelineLibrary.loadDefault()), Evaluator(library: try GuidelineLibrary.loadDefault())]
  timed("2 threads, an Evaluator each (packs loaded twice)", threads: 2, evaluators: own)
  func batch(_ label: String, _ scorer: BatchScorer) throws {
    let start = DispatchTime.now()
    let cpu0 = cpuSeconds()
    _ = try scorer.run([.file(path)], to: CountingSink())
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    print(String(format: "  %@: wall %6.2f s  CPU %6.2f s  %5.1f MB/s", label, wall, cpuSeconds() - cpu0, Double(megabytes) / wall))
  }
  try batch("BatchScorer jobs 1", BatchScorer(evaluator: shared, options: BatchOptions(jobs: 1)))
  try batch("BatchScorer jobs 2, shared evaluator", BatchScorer(evaluator: shared, options: BatchOptions(jobs: 2)))
  let directories = shared.library.directories
  try batch("BatchScorer jobs 2, evaluator per worker", BatchScorer(evaluatorForWorker: { index in
    index == 0 ? shared : Evaluator(library: GuidelineLibrary.load(directories: directories))
  }, options: BatchOptions(jobs: 2)))
}
