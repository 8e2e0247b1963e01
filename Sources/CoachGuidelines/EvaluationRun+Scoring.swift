extension EvaluationRun {
  /// Category scores, `detected`, reasons for unjudged categories, and the capped overall score.
  ///
  /// A judged category starts from its best strength's score (or 100 with none), gains 10 for
  /// each further distinct strength, and loses each issue's penalty (an issue rule takes at most
  /// twice its penalty). A category is judged when it has findings, when a `missing` rule
  /// expects it in this context, or always for tone and plain language. Overall is the weighted
  /// mean of judged categories (a category below 50 counts twice), capped at 40 when there is a
  /// critical issue. A category judged only because an issue fired in it can lower that mean but
  /// never raise it; one judged only because of a strength nobody asked for (a "Thanks!" where no
  /// thanks was owed) can raise it but never lower it.
  func score(id: String?) -> Evaluation {
    // Per-category tallies in one stack buffer: four heap arrays per reply cost more than the scoring.
    withUnsafeTemporaryAllocation(of: Int.self, capacity: 4 * Category.allCases.count) { buffer in
      buffer.initialize(repeating: 0)
      return score(id: id, tallies: Tallies(buffer: buffer))
    }
  }

  /// Per-category counts over a caller-owned buffer of `4 × categories` zeroed integers.
  private struct Tallies {
    let buffer: UnsafeMutableBufferPointer<Int>
    static let count = Category.allCases.count

    /// The best strength score (at least -1, for none) plus one, so that zeroed storage means none.
    subscript(bestPlusOne c: Int) -> Int {
      get { buffer[c] }
      nonmutating set { buffer[c] = newValue }
    }
    subscript(strengthCount c: Int) -> Int {
      get { buffer[Tallies.count + c] }
      nonmutating set { buffer[Tallies.count + c] = newValue }
    }
    subscript(penalty c: Int) -> Int {
      get { buffer[2 * Tallies.count + c] }
      nonmutating set { buffer[2 * Tallies.count + c] = newValue }
    }
    subscript(hasFinding c: Int) -> Bool {
      get { buffer[3 * Tallies.count + c] != 0 }
      nonmutating set { buffer[3 * Tallies.count + c] = newValue ? 1 : 0 }
    }
  }

  private func score(id: String?, tallies: Tallies) -> Evaluation {
    let count = Category.allCases.count
    var critical = false
    // The strengths already counted, as indices in `findings` (a rule found twice in a category
    // is one strength), in a stack buffer: no array of rule ids retained per reply.
    withUnsafeTemporaryAllocation(of: Int.self, capacity: findings.count) { counted in
      counted.initialize(repeating: 0)
      var countedCount = 0
      for i in findings.indices {
        let c = findings[i].category.index
        tallies[hasFinding: c] = true
        if findings[i].kind == .strength {
          // max(best, points) with the best stored one up (zeroed storage is the original -1).
          tallies[bestPlusOne: c] = max(tallies[bestPlusOne: c], findings[i].points + 1)
          let seen = counted[0..<countedCount].contains { k in findings[k].category.index == c && sameRule(findings[k].rule, findings[i].rule) }
          if !seen {
            counted[countedCount] = i
            countedCount += 1
            tallies[strengthCount: c] += 1
          }
        } else {
          tallies[penalty: c] -= findings[i].points
          if findings[i].severity == .critical { critical = true }
        }
      }
      _ = counted.deinitialize()
    }
    var results: [CategoryResult] = []
    results.reserveCapacity(count)
    var weighted = 0.0, weights = 0.0
    // The same mean without the categories judged only because an issue fired in them.
    var baseWeighted = 0.0, baseWeights = 0.0
    // Both again without the categories judged only because of a courtesy nobody asked for
    // (a "Thanks!" at 70 where no thanks was owed): those may raise the overall, not lower it.
    var plainWeighted = 0.0, plainWeights = 0.0, plainBaseWeighted = 0.0, plainBaseWeights = 0.0
    for category in Category.allCases {
      let c = category.index
      let expected = pack.missingRulesByCategory[c].contains { holds(pack.plans[Int($0)]) }
      let alwaysJudged = category == .tone || category == .plainLanguage
      let best = tallies[bestPlusOne: c] - 1
      guard tallies[hasFinding: c] || expected || alwaysJudged else {
        results.append(CategoryResult(score: nil, detected: false, reason: reason(for: category)))
        continue
      }
      let start = best >= 0 ? best : 100
      let bonus = max(0, tallies[strengthCount: c] - 1) * 10
      let score = max(0, min(100, start + bonus - tallies[penalty: c]))
      results.append(CategoryResult(score: score, detected: best >= 0))
      // A failing category (below 50) counts twice: one failure outweighs one success.
      let weight = category.weight * (score < 50 ? 2 : 1)
      weighted += Double(score) * weight
      weights += weight
      if best >= 0 || expected || alwaysJudged {
        baseWeighted += Double(score) * weight
        baseWeights += weight
      }
      let unaskedCourtesy = !expected && !alwaysJudged && best >= 0 && tallies[penalty: c] == 0
      if !unaskedCourtesy {
        plainWeighted += Double(score) * weight
        plainWeights += weight
        if best >= 0 || expected || alwaysJudged {
          plainBaseWeighted += Double(score) * weight
          plainBaseWeights += weight
        }
      }
    }
    // Finding a fault must never raise the score: a category judged only because of its issue
    // (a refusal's ownership at 70 beside a 65 average) may pull the mean down, not up.
    func capped(_ weighted: Double, _ weights: Double, _ baseWeighted: Double, _ baseWeights: Double) -> Double {
      let mean = weights > 0 ? weighted / weights : 0
      return baseWeights > 0 ? min(mean, baseWeighted / baseWeights) : mean
    }
    var mean = capped(weighted, weights, baseWeighted, baseWeights)
    // And a courtesy nobody asked for must never lower it: the better of the mean with and without it.
    if plainWeights > 0 && plainWeights < weights {
      mean = max(mean, capped(plainWeighted, plainWeights, plainBaseWeighted, plainBaseWeights))
    }
    var overall = Int(mean.rounded())
    if critical { overall = min(overall, 40) }
    return Evaluation(
      id: id, language: analysis.language, overall: overall, speechLevel: analysis.speechLevel, categories: results,
      findings: makeFindings())
  }

  /// Whether two rules (indices in the pack) have the same id.
  private func sameRule(_ a: Int32, _ b: Int32) -> Bool {
    a == b || pack.rules[Int(a)].id == pack.rules[Int(b)].id
  }

  func reason(for category: Category) -> String {
    let noCustomer = customerView == nil
    switch category {
    case .empathy:
      return noCustomer ? "no customer message given, so there is no feeling to acknowledge" : "the customer's message shows no feeling to acknowledge"
    case .gratitude:
      return noCustomer ? "no customer message given, so there is nothing to thank for" : "the customer gave no feedback or complaint to thank them for"
    case .apology:
      return "no apology is owed: the company is not marked at fault"
    case .ownership:
      return "nothing went wrong to take ownership of, and no blame or excuse was found"
    case .resolution:
      return noCustomer ? "no customer message given, so there is no request to resolve" : "the customer asked for nothing to resolve"
    case .personalization:
      return "the customer's name is not known and no personalisation was found"
    case .closing:
      return "closing is judged on the final reply of a conversation"
    case .tone, .plainLanguage:
      return "the reply is empty"
    }
  }
}
