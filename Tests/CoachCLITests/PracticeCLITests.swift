import CSQLite
import CoachStore
import Foundation
import Testing

/// `coach practice` played through the real executable with piped standard input: what the
/// trainee sees, and what the progress store keeps.
@Suite("coach practice — whole sessions through the real executable")
struct PracticeCLITests {
  /// The customer line printed after the mood meter at the start (the first quoted line).
  func firstCustomerLine(_ output: String) -> String? {
    output.split(separator: "\n").first { $0.hasPrefix("    “") }.map { String($0.dropFirst(4)) }
  }

  @Test("a Korean session: name and scenario asked for, /hint, /help, a multi-line reply, the debrief; then history and a recommendation")
  func koreanSession() throws {
    let space = try CLI.Workspace()
    let store = space.path("store.sqlite")
    let firstReply = Replies.koreanGood[0].components(separatedBy: " 확인해 보니 ")
    let input = "김민지\nlate-delivery-angry\n/hint\n" + firstReply[0] + "\n확인해 보니 " + firstReply[1] + "\n\n/help\n"
      + Replies.piped(Array(Replies.koreanGood.dropFirst()))
    let first = try CLI.run(["practice", "--store", store, "--seed", "11", "--language", "ko"], stdin: input, in: space)
    #expect(first.status == 0, "\(first.stderr)")
    let out = first.stdout
    // Prompts and the menu.
    #expect(out.contains("Your name: 김민지"))
    #expect(out.contains("Welcome, 김민지!"))
    #expect(out.contains("late-delivery-angry") && out.contains("일주일째 '배송 준비 중'인 운동화"))
    #expect(!out.contains("blender-defect-angry"), "--language ko offers Korean scenarios only")
    // The customer, the mood meter, the reply prompt with the turn count.
    #expect(out.contains("김민수 · chat"))
    #expect(out.contains("mood ███████░░░  7/10 angry"))
    #expect(out.contains("reply 1/5 › "))
    // /hint shows the node's hint; /help the input rule.
    #expect(out.contains("먼저 늦어진 것을 분명히 사과하고"))
    #expect(out.contains("It may span several lines; an empty line sends it."))
    // Feedback: bars, evidence quoted, tips with a Korean example phrasing, the mood change.
    #expect(out.contains("Feedback on reply 1"))
    #expect(out.contains("Apology         ████████████  100 ✓"))
    #expect(out.contains("“죄송합니다”"))
    let tip = try #require(out.components(separatedBy: "Tips\n  1. ").dropFirst().first?.split(separator: "\n").first)
    #expect(tip.contains("“") && tip.unicodeScalars.contains { (0xAC00...0xD7A3).contains($0.value) }, "an example phrasing in Korean: \(tip)")
    #expect(out.contains("Mood 7 → 5  calmer"))
    #expect(out.contains("reply 3/5 › "))
    // The debrief.
    #expect(out.contains("Ending: resolved"))
    #expect(out.contains("분명한 사과로 시작해"))
    #expect(out.contains("Your session  (3 replies; mean per category)"))
    #expect(out.contains("Personal best on this scenario: "))
    #expect(out.contains("(your first completed session of it)"))
    #expect(!out.contains("\u{1B}["), "NO_COLOR is set and stdout is a file: no colour")

    // What was stored: the session, every turn with scores and findings, the ending.
    let sessions = try storedSessions(store, trainee: "김민지")
    try #require(sessions.count == 1)
    let session = sessions[0]
    #expect(session.status == .completed)
    #expect(session.scenarioID == "late-delivery-angry")
    #expect(session.seed == 11)
    #expect(session.endingID == "resolved" && session.endingKind == "resolved")
    let turns = try ProgressStore(path: store).turns(sessionID: session.id)
    #expect(turns.map(\.index) == [1, 2, 3])
    #expect(turns[0].reply == firstReply[0] + "\n확인해 보니 " + firstReply[1], "a multi-line reply is stored as one reply")
    #expect(turns[1].reply == Replies.koreanGood[1])
    #expect(turns.allSatisfy { $0.categories.count == 9 })
    #expect(turns[0].categories.first { $0.name == "apology" }?.score == 100)
    let apology = try #require(turns[0].findings.first { $0.category == "apology" && $0.kind == "strength" })
    #expect(turns[0].reply.contains(apology.excerpt))
    #expect(turns[0].speechLevel == "polite")
    #expect(turns[0].customerLine == firstCustomerLine(out).map { String($0.dropFirst().dropLast()) })
    let overall = Int((Double(turns.map(\.overall).reduce(0, +)) / Double(turns.count)).rounded())
    #expect(session.overall == overall)
    #expect(out.contains("Personal best on this scenario: \(overall) (your first completed session of it)"))

    // Same seed, other replies: the same opening line; the debrief compares with the first session.
    let second = try CLI.run(
      ["practice", "--store", store, "--seed", "11", "--trainee", "김민지", "--scenario", "late-delivery-angry"],
      stdin: Replies.piped(Replies.koreanEvasive), in: space)
    #expect(second.status == 0, "\(second.stderr)")
    #expect(firstCustomerLine(second.stdout) == firstCustomerLine(out), "--seed makes the customer's lines reproducible")
    #expect(second.stdout.contains("Welcome back, 김민지: 1 session so far"))
    #expect(second.stdout.contains("Ending: escalated to a supervisor"))
    let secondOverall = try #require(try storedSessions(store, trainee: "김민지").last?.overall)
    #expect(second.stdout.contains("Personal best on this scenario: \(overall)"))
    #expect(second.stdout.contains("Since last time: \(overall) → \(secondOverall) (\(secondOverall - overall))"))

    // With history, the menu marks the scenario for the weakest category; Enter takes it.
    // One reply, then the end of input: the session is abandoned and keeps its reply.
    let third = try CLI.run(
      ["practice", "--store", store, "--trainee", "김민지", "--language", "ko"], stdin: "\n" + Replies.koreanEvasive[0] + "\n", in: space)
    #expect(third.status == 0, "\(third.stderr)")
    #expect(third.stdout.contains("your weakest category is "))
    let marked = try #require(third.stdout.split(separator: "\n").first { $0.hasSuffix("  recommended") })
    let recommended = try #require(marked.split(separator: " ").dropFirst().first.map(String.init))
    #expect(third.stdout.contains("Recommended: \(recommended) trains it."))
    #expect(third.stdout.contains("Stopped (end of input). The session is saved as abandoned with 1 reply."))
    let all = try storedSessions(store, trainee: "김민지")
    #expect(all.count == 3)
    #expect(all.last?.scenarioID == recommended)
    #expect(all.last?.status == .abandoned)
    #expect(all.last?.turnCount == 1)
  }

  @Test("an English session: /retry keeps only the reply finally sent; unknown commands; the default store location")
  func englishSessionWithRetry() throws {
    let space = try CLI.Workspace()
    let good = Replies.englishGood
    let firstLines = good[0].components(separatedBy: " I'm cancelling ")
    let input = Replies.englishJargon + "\n\n/retry\n/retry\n" + firstLines[0] + "\nI'm cancelling " + firstLines[1] + "\n\n/hlep\n"
      + Replies.piped(Array(good.dropFirst()))
    let result = try CLI.run(["practice", "--trainee", "Alex Kim", "--scenario", "charged-twice-angry", "--seed", "5"], stdin: input, in: space)
    #expect(result.status == 0, "\(result.stderr)")
    let out = result.stdout
    #expect(out.contains("Marcus Hill · chat"))
    #expect(out.contains("Tips\n  1. "), "the jargon reply gets tips")
    #expect(out.contains("Answer again. Your new reply replaces reply 1."))
    #expect(out.contains("You are already answering reply 1 again; type your new reply."))
    #expect(out.contains("Feedback on reply 1 (retried)"))
    #expect(out.contains("Unknown command '/hlep'. Did you mean '/help'?"))
    #expect(out.contains("Ending: resolved"))
    #expect(out.contains("Your progress: coach progress --trainee 'Alex Kim'"))

    // No --store: $XDG_DATA_HOME/replycoach/progress.sqlite (the harness points XDG_DATA_HOME into the workspace).
    let store = space.path(".local/share/replycoach/progress.sqlite")
    #expect(FileManager.default.fileExists(atPath: store))
    var info = stat()
    #expect(stat(store, &info) == 0 && info.st_mode & 0o777 == 0o600, "the store is private to its owner")
    let session = try #require(try storedSessions(store, trainee: "Alex Kim").first)
    let turns = try ProgressStore(path: store).turns(sessionID: session.id)
    #expect(turns.map(\.index) == [1, 2, 3])
    #expect(turns[0].reply == firstLines[0] + "\nI'm cancelling " + firstLines[1], "the retried reply replaced the first attempt")
    #expect(!turns.contains { $0.reply == Replies.englishJargon })
    #expect(turns[0].findings.contains { $0.rule.hasPrefix("en.apology.") })
  }

  @Test("a reply in the other language is still scored and saved, with a warning saying why the feedback looks odd")
  func replyInTheOtherLanguage() throws {
    let space = try CLI.Workspace()
    let store = space.path("store.sqlite")
    let input = "I'm so sorry, I'll check your order right now.\n\n/quit\n"
    let result = try CLI.run(
      ["practice", "--store", store, "--trainee", "Alex", "--scenario", "late-delivery-angry", "--seed", "1"], stdin: input, in: space)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("This customer speaks Korean; your reply reads as English. It is scored with the Korean guidelines."))
    #expect(result.stdout.contains("Feedback on reply 1"))
    let raw = try RawSQLite(store)
    #expect(try raw.column("SELECT count(*) FROM turn") == ["1"])
  }

  @Test("SIGKILL mid-session: the store stays intact and holds the turns saved before the kill")
  func killedMidSession() throws {
    let space = try CLI.Workspace()
    let store = space.path("store.sqlite")
    let live = try CLI.Interactive(["practice", "--store", store, "--trainee", "Priya Coach", "--scenario", "blender-defect-angry", "--seed", "3"], in: space)
    live.send(Replies.blenderFirst, "")
    // Turn 1 is saved before the prompt for reply 2 is printed.
    guard live.waitForOutput("reply 2/5 › ") else { return }
    kill(live.process.processIdentifier, SIGKILL)
    live.process.waitUntilExit()
    #expect(live.process.terminationReason == .uncaughtSignal)

    let raw = try RawSQLite(store)
    #expect(try raw.column("PRAGMA integrity_check") == ["ok"])
    #expect(try raw.column("SELECT status FROM session") == ["active"], "a killed session stays active (reported as interrupted)")
    #expect(try raw.column("SELECT reply FROM turn ORDER BY turn_index") == [Replies.blenderFirst])
    #expect(try raw.column("SELECT count(*) FROM turn_score") == ["9"])
  }

  @Test("Ctrl-C (SIGINT) mid-session: exit status 130, the session is marked abandoned, its turns stay")
  func interruptedMidSession() throws {
    let space = try CLI.Workspace()
    let store = space.path("store.sqlite")
    let live = try CLI.Interactive(["practice", "--store", store, "--trainee", "Priya Coach", "--scenario", "blender-defect-angry"], in: space)
    live.send(Replies.blenderFirst, "")
    guard live.waitForOutput("reply 2/5 › ") else { return }
    live.process.interrupt()
    live.process.waitUntilExit()
    #expect(live.process.terminationReason == .exit)
    #expect(live.process.terminationStatus == 130)
    #expect(live.output.contains("Interrupted. The session is saved as abandoned with 1 reply."))
    let session = try #require(try storedSessions(store, trainee: "Priya Coach").first)
    #expect(session.status == .abandoned)
    #expect(session.endedAt != nil)
    #expect(session.turnCount == 1)
  }

  @Test("two practice sessions on one store at the same time: every turn of both is saved")
  func concurrentSessions() throws {
    let space = try CLI.Workspace()
    let store = space.path("shared.sqlite")
    let korean = try CLI.start(
      ["practice", "--store", store, "--trainee", "김민지", "--scenario", "late-delivery-angry", "--seed", "1"],
      stdin: Replies.piped(Replies.koreanGood), in: space, name: "ko")
    let english = try CLI.start(
      ["practice", "--store", store, "--trainee", "Alex Kim", "--scenario", "charged-twice-angry", "--seed", "2"],
      stdin: Replies.piped(Replies.englishGood), in: space, name: "en")
    korean.0.waitUntilExit()
    english.0.waitUntilExit()
    for (process, _, errors) in [korean, english] {
      #expect(process.terminationStatus == 0, "\(String(decoding: (try? Data(contentsOf: errors)) ?? Data(), as: UTF8.self))")
    }
    let opened = try ProgressStore(path: store)
    for (trainee, replies) in [("김민지", Replies.koreanGood), ("Alex Kim", Replies.englishGood)] {
      let sessions = try opened.sessions(trainee: trainee)
      try #require(sessions.count == 1)
      #expect(sessions[0].status == .completed)
      #expect(try opened.turns(sessionID: sessions[0].id).map(\.reply) == replies)
    }
    #expect(try RawSQLite(store).column("PRAGMA integrity_check") == ["ok"])
  }

  @Test("an unknown scenario id is a usage error with a suggestion, and no store is created")
  func unknownScenario() throws {
    let space = try CLI.Workspace()
    let result = try CLI.run(["practice", "--scenario", "late-delivery-angyr", "--store", space.path("s.sqlite")], in: space)
    #expect(result.status == 64)
    #expect(result.stderr.contains("unknown scenario 'late-delivery-angyr'. Did you mean 'late-delivery-angry'?"))
    #expect(!FileManager.default.fileExists(atPath: space.path("s.sqlite")))
  }
}
