import Testing
@testable import CoachStore

@Suite("Where the store lives")
struct StoreLocationTests {
  @Test("--store PATH wins over everything")
  func explicitWins() {
    let path = StoreLocation.resolve(
      explicit: "/x/mine.sqlite", environment: ["COACH_STORE": "/y/env.sqlite", "XDG_DATA_HOME": "/z", "HOME": "/h"])
    #expect(path == "/x/mine.sqlite")
  }

  @Test("COACH_STORE comes next")
  func environmentVariable() {
    let path = StoreLocation.resolve(explicit: nil, environment: ["COACH_STORE": "/y/env.sqlite", "XDG_DATA_HOME": "/z"])
    #expect(path == "/y/env.sqlite")
  }

  @Test("then $XDG_DATA_HOME/replycoach/progress.sqlite")
  func xdgDataHome() {
    #expect(StoreLocation.resolve(explicit: "", environment: ["XDG_DATA_HOME": "/z/data/", "HOME": "/h"])
      == "/z/data/replycoach/progress.sqlite")
  }

  @Test("a relative XDG_DATA_HOME is ignored, as the XDG spec says")
  func relativeXDGIgnored() {
    #expect(StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "data", "HOME": "/home/mj"])
      == "/home/mj/.local/share/replycoach/progress.sqlite")
  }

  @Test("else $HOME/.local/share/replycoach/progress.sqlite")
  func homeFallback() {
    #expect(StoreLocation.resolve(explicit: nil, environment: ["HOME": "/home/민지"])
      == "/home/민지/.local/share/replycoach/progress.sqlite")
  }
}
