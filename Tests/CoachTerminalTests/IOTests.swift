import Testing
@testable import CoachTerminal

@Suite("Output sinks and line input")
struct IOTests {
  @Test("CapturedOutput keeps everything written, in order")
  func captured() {
    let output = CapturedOutput()
    output.write("고객: ")
    output.write("배송이 늦어요\n")
    #expect(output.text == "고객: 배송이 늦어요\n")
    output.clear()
    #expect(output.text.isEmpty)
  }

  @Test("ScriptedInput plays its lines, then reports end of input")
  func scripted() {
    let echo = CapturedOutput()
    let input = ScriptedInput(["불편을 드려 죄송합니다", "/quit"], echo: echo)
    #expect(input.remainingCount == 2)
    #expect(input.readLine() == "불편을 드려 죄송합니다")
    #expect(input.readLine() == "/quit")
    #expect(input.readLine() == nil)
    #expect(input.readLine() == nil)
    #expect(echo.text == "불편을 드려 죄송합니다\n/quit\n")
  }

  @Test("Code written against the protocols runs with test doubles")
  func loop() {
    func echoLoop(_ input: some LineInput, _ output: some TextOutput) {
      while true {
        output.write("> ")
        guard let line = input.readLine() else { break }
        output.write(line.uppercased() + "\n")
      }
    }
    let output = CapturedOutput()
    echoLoop(ScriptedInput(["a", "b"]), output)
    #expect(output.text == "> A\n> B\n> ")
  }
}
