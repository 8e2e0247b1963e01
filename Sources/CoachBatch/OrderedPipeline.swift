import Foundation

/// Runs a transform on `workers` threads and hands the results to `consume`, on one consumer
/// thread, strictly in submission order. Each worker builds its own transform when it starts
/// (`makeTransform(workerIndex)`), so per-thread state such as an evaluator is possible.
///
/// At most `window` inputs are in flight (queued, being transformed, or done but waiting for an
/// earlier one), so memory stays bounded: `submit` blocks while the window is full.
final class OrderedPipeline<Input: Sendable, Output: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var queue: [(Int, Input)] = []
  private var queueHead = 0
  private var done: [Int: Output] = [:]
  private var submitted = 0
  private var consumed = 0
  private var closed = false
  private let window: Int
  private let makeTransform: @Sendable (Int) -> (Input) -> Output
  private let consume: (Output) -> Void
  private let finished = DispatchGroup()

  convenience init(workers: Int, window: Int, transform: @escaping @Sendable (Input) -> Output, consume: @escaping (Output) -> Void) {
    self.init(workers: workers, window: window, makeTransform: { _ in transform }, consume: consume)
  }

  init(
    workers: Int, window: Int, makeTransform: @escaping @Sendable (Int) -> (Input) -> Output, consume: @escaping (Output) -> Void
  ) {
    self.window = max(1, window)
    self.makeTransform = makeTransform
    self.consume = consume
    for index in 0..<max(1, workers) {
      start(name: "coach-score-\(index)") { [self] in work(index) }
    }
    start(name: "coach-score-writer") { [self] in collect() }
  }

  private func start(name: String, _ body: @escaping @Sendable () -> Void) {
    finished.enter()
    let thread = Thread { [finished] in
      body()
      finished.leave()
    }
    thread.name = name
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// Queues one input; blocks while `window` inputs are in flight.
  func submit(_ input: Input) {
    condition.lock()
    while submitted - consumed >= window { condition.wait() }
    queue.append((submitted, input))
    submitted += 1
    condition.broadcast()
    condition.unlock()
  }

  /// Waits until every submitted input has been consumed, then stops the threads.
  func finish() {
    condition.lock()
    closed = true
    condition.broadcast()
    condition.unlock()
    finished.wait()
  }

  private func work(_ index: Int) {
    let transform = makeTransform(index)
    while true {
      condition.lock()
      while queueHead == queue.count && !closed { condition.wait() }
      if queueHead == queue.count {
        condition.unlock()
        return
      }
      let (sequence, input) = queue[queueHead]
      queueHead += 1
      if queueHead > 64 && queueHead * 2 > queue.count {
        queue.removeFirst(queueHead)
        queueHead = 0
      }
      condition.unlock()
      let output = transform(input)
      condition.lock()
      done[sequence] = output
      condition.broadcast()
      condition.unlock()
    }
  }

  private func collect() {
    while true {
      condition.lock()
      while done[consumed] == nil && !(closed && consumed == submitted) { condition.wait() }
      guard let output = done.removeValue(forKey: consumed) else {
        condition.unlock()
        return
      }
      condition.unlock()
      consume(output)
      condition.lock()
      consumed += 1
      condition.broadcast()
      condition.unlock()
    }
  }
}
