/// Reads the speech level off the last word (어절) of a Korean sentence.
///
/// Surface rules only (no morphological analyser): the formal endings fuse ㅂ into the syllable
/// before 니다/니까, the polite ones end in 요/죠, and 반말 is recognised only from endings that
/// cannot be anything else at the end of a sentence. Ambiguous endings (cut-off connectives, a
/// 반말 ending found in the middle of a sentence) become `.weakInformal`, which counts only
/// when nothing else in the reply is honorific; nouns and particles become `.fragment`.
public enum KoreanEndings {
  typealias Word = ArraySlice<UInt32>

  /// The level a word shows when it ends a sentence (`final`) or sits inside one.
  static func classify(_ word: Word, final: Bool) -> SentenceLevel {
    guard let last = word.last, Hangul.isSyllable(last) else { return .fragment }
    let n = word.count
    // A title glued to the ending, as chat types it: '감사합니다고객님' is '감사합니다' + '고객님'.
    if n >= 5, last == KoreanSentenceClassifier.nim, let title = S.gluedTitles.first(where: { word.hasSuffix($0) }) {
      return classify(word.dropLast(title.count), final: final)
    }
    let prev: UInt32? = n >= 2 ? word[word.endIndex - 2] : nil
    let prevTail = prev.map(Hangul.tail) ?? -1

    // 하십시오체
    if n >= 3, word.hasSuffix(S.nida) || word.hasSuffix(S.nikka) || word.hasSuffix(S.nidang) {
      let before = Hangul.tail(word[word.endIndex - 3])
      if before == Hangul.Tail.bieup || before == Hangul.Tail.mieum { return .formal }
    }
    // Spoken contractions of -습니다/-습니까/-합니다: 보겠슴다, 있슴까, 감사함다 (casual, not 반말).
    if n >= 2, last == S.da || last == S.kka, let prev, prev == S.seum || (prev == S.ham && last == S.da && n >= 3) {
      return .formal
    }
    if word.hasSuffix(S.sipsio) || word.hasSuffix(S.sipsiyo) || word.hasSuffix(S.sipsyo) || word.hasSuffix(S.sijiyo)
      || word.hasSuffix(S.soseo)
    {
      return .formal
    }
    // 하오체
    if n >= 3, word.hasSuffix(S.sida), Hangul.tail(word[word.endIndex - 3]) == Hangul.Tail.bieup { return .hao }
    if word.hasSuffix(S.sio) || word.hasSuffix(S.guryeo) { return .hao }
    // -소 after 있/없/았/었/겠 or an adjective stem (했소, 하였소, 없소, 좋소) and -이오 after a noun
    // (것이오); 주소, 취소, 바이오 are nouns.
    if n >= 2, last == S.so, let prev, prevTail == Hangul.Tail.ssangSiot || prevTail == S.tailBieupSiot || S.beforeHaoSo.contains(prev) {
      return .hao
    }
    if n >= 3, last == S.o, prev == S.i, !word.hasSuffix(S.bio) { return .hao }
    // 해요체
    if last == S.yo {
      if n == 1 || word.endsInNoun(S.yoNouns) { return .fragment }
      return .polite
    }
    if last == S.jyo { return .polite }
    if S.cutesyYo.contains(last), let prev, S.beforeCutesyYo.contains(prev) { return .polite }

    // 반말 and connectives
    switch last {
    case S.da:
      if n == 1 || S.daNouns.contains(where: { word.elementsEqual($0) }) { return .fragment }
      if n >= 3, S.daParticles.contains(where: { word.hasSuffix($0) }) { return .fragment }
      return .informal
    case S.ya:
      // -아야/-어야 (해야, 가야, 봐야) is a connective; 거야, 뭐야, 금지야 are the 반말 copula.
      if word.endsInNoun(S.yaNouns) { return .fragment }
      if let prev, Hangul.tail(prev) == 0, S.infinitiveVowels.contains(Hangul.vowel(prev)),
        !S.beforeCopulaYa.contains(prev), !(n == 2 && S.pronounsBeforeYa.contains(prev))
      {
        return .weakInformal
      }
      return .informal
    case S.ni:
      if word.endsInNoun(S.niNouns) { return .fragment }
      return final ? .informal : .weakInformal
    case S.nya:
      return .informal
    case S.kka:
      if prevTail == Hangul.Tail.rieul { return final ? .informal : .weakInformal }
      return .weakInformal
    case S.rae:
      // '늦길래 확인해 봤어요': the connective -길래 (since), not the question -ㄹ래, unless it ends the sentence.
      if !final && word.count >= 2 && word.hasSuffix(S.gillae) { return .fragment }
      if prevTail == Hangul.Tail.rieul || word.elementsEqual(S.geurae) { return .informal }
      return .fragment
    case S.dae:
      if prevTail == Hangul.Tail.ssangSiot || (prev.map { S.beforeHearsayDae.contains($0) } ?? false) { return .informal }
      return .fragment
    case S.ji:
      if word.hasSuffix(S.kkaji) || word.endsInNoun(S.jiNouns) { return .fragment }
      if prevTail == Hangul.Tail.ssangSiot { return .informal }
      if prevTail == Hangul.Tail.nieun || prevTail == Hangul.Tail.rieul || prev == S.neun || prev == S.deon {
        return .weakInformal
      }
      return final ? .informal : .weakInformal
    case S.ja:
      if let prev, S.beforePropositiveJa.contains(prev), n >= 2 { return .informal }
      if word.hasSuffix(S.haja) { return .weakInformal }
      return .fragment
    case S.ne:
      if n == 1 { return .neutral }
      if word.hasSuffix(S.dongne) { return .fragment }
      // No native stem starts with ㄹ (두음법칙), so 르네, 리네 are loanwords and names, not 흐르네.
      if n == 2, let first = word.first, Hangul.isSyllable(first), Hangul.lead(first) == Hangul.Lead.rieul { return .fragment }
      return .informal
    case S.ge:
      // An adjective on ㄹ takes the adverb -게 with no change ('길게 누르세요', '힘들게 하셨네요'):
      // it looks like the promise -ㄹ게, which an adjective cannot make.
      if word.endsInNoun(S.rieulAdverbs) { return .fragment }
      if prevTail == Hangul.Tail.rieul { return .informal }
      if word.endsInNoun(S.geNouns) { return .fragment }
      return .weakInformal
    case S.ma:
      return n == 1 || word.hasSuffix(S.jima) ? .informal : .fragment
    case S.ryeom:
      return .informal
    case S.na:
      if word.hasSuffix(S.kkana) || word.hasSuffix(S.gena) || word.hasSuffix(S.guna) || word.hasSuffix(S.kkuna) {
        return .informal
      }
      if prevTail == Hangul.Tail.ssangSiot || (final && (prev.map { S.beforeQuestionNa.contains($0) } ?? false)) {
        return final ? .informal : .weakInformal
      }
      return .fragment
    case S.jom:
      return n == 1 ? .weakInformal : .fragment
    case S.gil:
      return n >= 2 ? .weakInformal : .fragment
    case S.ham, S.doem, S.eum, S.im:
      // Nominal endings (있음, 궁금함, 접수됨): clipped, 반말-like when nothing else is honorific.
      return n >= 2 && !word.endsInNoun(S.eumNouns) ? .weakInformal : .fragment
    case S.gun:
      if let prev, prevTail == Hangul.Tail.ssangSiot || S.beforeGun.contains(prev) { return .informal }
      return .fragment
    case S.go:
      if let prev, S.verbalBeforeConnective.contains(prev) || prevTail == Hangul.Tail.ssangSiot { return .weakInformal }
      return .fragment
    case S.seo:
      if let prev, S.contracted.contains(prev) || prev == S.a || prev == S.eo || prev == S.yeo { return .weakInformal }
      return .fragment
    case S.myeon:
      if let prev, S.verbalBeforeConnective.contains(prev) || prevTail == Hangul.Tail.ssangSiot { return .weakInformal }
      return .fragment
    default:
      break
    }
    if word.hasSuffix(S.janha) || word.hasSuffix(S.geodeun) || word.hasSuffix(S.eottae) { return .informal }
    if word.hasSuffix(S.neunde) || word.hasSuffix(S.eunde) || word.hasSuffix(S.deonde)
      || (last == S.de && prevTail == Hangul.Tail.nieun)
    {
      return .weakInformal
    }
    if word.hasSuffix(S.jiman) || S.connectiveSuffixes.contains(where: { word.hasSuffix($0) }) { return .weakInformal }

    // -아/-어 contractions (해, 돼, 줘, 있어, 기다려 …): 반말 at the end of a sentence only.
    if isContractedPredicate(word) { return final ? .informal : .weakInformal }
    return .fragment
  }

  /// True when the word ends in a fused -아/-어 form that is a verb, not a noun or particle.
  static func isContractedPredicate(_ word: Word) -> Bool {
    guard let last = word.last else { return false }
    let n = word.count
    let prev: UInt32? = n >= 2 ? word[word.endIndex - 2] : nil
    if S.contracted.contains(last) {
      if last == S.hae, word.endsInNoun(S.haeNouns) || S.isHaeWord(word) { return false }
      if last == S.ryeo, word.endsInNoun(S.ryeoNouns) { return false }
      if last == S.wo, word.endsInNoun(S.woNouns) { return false }
      if last == S.ppa, n >= 2, prev == S.a || prev == S.o { return false }
      return true
    }
    switch last {
    case S.eo:
      // After an open syllable, -어 stays uncontracted only in a few verbs (되어, 쉬어, 바뀌어);
      // otherwise it is a noun or loanword (미디어, 스토어, 아이디어).
      guard let prev, !S.beforeNounEo.contains(prev) else { return false }
      return Hangul.tail(prev) > 0 || prev == S.doe || Hangul.vowel(prev) == Hangul.Vowel.wi
    case S.a:
      guard let prev else { return false }
      return Hangul.tail(prev) > 0 && !S.beforeNounA.contains(prev)
    case S.ra:
      guard let prev else { return false }
      return !S.beforeNounRa.contains(prev)
    case S.nae:
      guard let prev else { return false }
      return S.beforeVerbNae.contains(prev)
    case S.ga:
      // -ㄴ가 / -는가 questions (하게체, 반말 in service speech); 가 alone is the verb "go", and so
      // are the common compound verbs built on it (들어가, 돌아가, 가져가). Listed, because a noun
      // ending in 어 or 아 takes the subject 가 too (단어가, 아시아가).
      if n == 1 || S.compoundGoVerbs.contains(where: { word.hasSuffix($0) }) { return true }
      guard let prev else { return false }
      return Hangul.tail(prev) == Hangul.Tail.nieun || prev == S.neun || prev == S.deon
    case S.wa:
      // 와 alone is the verb "come"; so are 나와 and the compound verbs built on 오다 (들어와, 돌아와,
      // 빠져나와). Two-syllable words must be the verb itself: 하나와, 회사와, 오키나와 end in the
      // particle 와 ("and", "with").
      if n == 1 { return true }
      if n == 2 { return S.comeVerbs.contains { word.elementsEqual($0) } }
      return S.comeVerbs.contains { $0.count >= 3 && word.hasSuffix($0) }
    case S.seo, S.sa:
      return n == 1
    default:
      return false
    }
  }

  /// True when a word can end a sentence that has no punctuation after it: an honorific ending,
  /// or a 반말 ending that is never a connective. Used to split unpunctuated chat replies.
  static func endsSentenceWithoutPunctuation(_ word: Word) -> Bool {
    guard let last = word.last, Hangul.isSyllable(last), S.possibleFinalSyllable[Int(last - Hangul.syllableBase)] else {
      return false
    }
    // "-ㄴ데요" with no punctuation after it is a softened connective far more often than a
    // final ending: "죄송한데요 그건 어렵습니다", "확인해 봤는데요 배송이 늦어지고 있어요".
    if word.count >= 3 && word.hasSuffix(S.deyo) { return false }
    let level = classify(word, final: true)
    if level.isHonorific { return true }
    guard level == .informal, let last = word.last else { return false }
    let prev: UInt32? = word.count >= 2 ? word[word.endIndex - 2] : nil
    let prevTail = prev.map(Hangul.tail) ?? -1
    switch last {
    case S.da:
      return prevTail == Hangul.Tail.ssangSiot || prevTail == Hangul.Tail.nieun || prev == S.i || prev == S.eops
        || prev == S.iss
    // 야 after 에, 제 or 서 is the particle 'only then' ('오늘에야 확인했습니다', '그제야', '나서야'), not the copula.
    case S.ya: return !(word.count >= 2 && word.endsInNoun(S.yaParticleEndings))
    case S.nya, S.ja, S.dae: return true
    // -길래 with more words after it is the connective 'since' ('배송이 늦길래 확인해 봤어요').
    case S.rae: return !(word.count >= 2 && word.hasSuffix(S.gillae))
    case S.ge: return prevTail == Hangul.Tail.rieul && !word.endsInNoun(S.rieulAdverbs)
    case S.ne: return word.count >= 2
    default:
      return word.hasSuffix(S.janha) || word.hasSuffix(S.geodeun) || word.hasSuffix(S.guna)
    }
  }

  /// True when a word continues the previous one (auxiliary verb, dependent noun, quotative),
  /// so no sentence boundary falls between them.
  static func continuesPrevious(_ word: Word) -> Bool {
    guard let first = word.first else { return false }
    if S.continuationPrefixes.contains(where: { word.starts(with: $0) }) { return true }
    guard S.continuationSyllables.contains(first) else { return false }
    return !S.nounsStartingLikeAuxiliaries.contains(where: { word.starts(with: $0) })
  }

  /// Interjections that make up a whole sentence.
  static func interjectionLevel(_ sentence: Word) -> SentenceLevel? {
    if S.neutralInterjections.contains(where: { sentence.elementsEqual($0) }) { return .neutral }
    if S.informalInterjections.contains(where: { sentence.elementsEqual($0) }) { return .informal }
    return nil
  }
}

// MARK: - Tables

/// Scalar spellings of the endings and word lists used above (built once).
enum S {
  /// Syllables that can end a sentence without punctuation (a quick filter before `classify`).
  static let possibleFinalSyllable: [Bool] = {
    var table = [Bool](repeating: false, count: 11172)
    for syllable in "다까요죠오야냐자래대게네아든나당쇼서용여염욤려".unicodeScalars {
      table[Int(syllable.value - Hangul.syllableBase)] = true
    }
    return table
  }()

  static func w(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
  // The single syllables below are written as constants (`0xB2E4 /* 다 */`): a global built from a
  // string is initialised lazily, and `classify` reads dozens of them per word. `SpeechLevelTests`
  // checks every constant against the syllable in its comment.
  static func set(_ s: String) -> ScalarSet { ScalarSet(s.unicodeScalars.map(\.value)) }
  static func list(_ s: String) -> [[UInt32]] { s.split(separator: " ").map { w(String($0)) } }

  static let nida = w("니다"), nikka = w("니까"), nidang = w("니당"), sipsio = w("십시오"), sipsiyo = w("십시요")
  static let so: UInt32 = 0xC18C /* 소 */, bio = w("바이오"), beforeHaoSo = set("좋않같많싫옳")
  static let tailBieupSiot = 18  // ㅄ (없소)
  static let sijiyo = w("시지요"), soseo = w("소서"), sida = w("시다"), sio = w("시오"), guryeo = w("구려")
  static let kkaji = w("까지"), haja = w("하자"), dongne = w("동네"), geurae = w("그래"), gillae = w("길래")
  static let janha = w("잖아"), geodeun = w("거든"), guna = w("구나"), jiman = w("지만"), deyo = w("데요")
  static let neunde = w("는데"), eunde = w("은데"), deonde = w("던데")

  static let doe: UInt32 = 0xB418 /* 되 */, eottae = w("어때"), kkuna = w("꾸나")
  static let ham: UInt32 = 0xD568 /* 함 */, doem: UInt32 = 0xB428 /* 됨 */, eum: UInt32 = 0xC74C /* 음 */, im: UInt32 = 0xC784 /* 임 */
  static let eumNouns = list("다음 마음 처음 싸움 얼음 웃음 울음 모음 질음 걸음 믿음 죽음 수임 책임 모임 임 게임 이름 요금 기능 확인됨")
  static let yaNouns = list("분야 평야 광야 야 호야")
  static let pronounsBeforeYa = set("나너저그이")
  static let daParticles = list("보다 마다")
  static let sipsyo = w("십쇼"), jima = w("지마"), kkana = w("까나"), gena = w("게나")
  static let ryeom: UInt32 = 0xB834 /* 렴 */, na: UInt32 = 0xB098 /* 나 */, jom: UInt32 = 0xC880 /* 좀 */, gil: UInt32 = 0xAE38 /* 길 */, sa: UInt32 = 0xC0AC /* 사 */
  static let infinitiveVowels: Set<Int> = [Hangul.Vowel.a, Hangul.Vowel.eo, Hangul.Vowel.ae, Hangul.Vowel.yeo,
    Hangul.Vowel.wa, Hangul.Vowel.wo, Hangul.Vowel.wae]
  static let beforeCopulaYa = set("거뭐걔쟤얘")
  static let beforeQuestionNa = set("있없되않하가오보시")
  static let seum: UInt32 = 0xC2B4 /* 슴 */
  static let yo: UInt32 = 0xC694 /* 요 */, jyo: UInt32 = 0xC8E0 /* 죠 */, da: UInt32 = 0xB2E4 /* 다 */, ya: UInt32 = 0xC57C /* 야 */, ni: UInt32 = 0xB2C8 /* 니 */, nya: UInt32 = 0xB0D0 /* 냐 */, kka: UInt32 = 0xAE4C /* 까 */
  static let rae: UInt32 = 0xB798 /* 래 */, dae: UInt32 = 0xB300 /* 대 */, ji: UInt32 = 0xC9C0 /* 지 */, ja: UInt32 = 0xC790 /* 자 */, ne: UInt32 = 0xB124 /* 네 */, ge: UInt32 = 0xAC8C /* 게 */, ma: UInt32 = 0xB9C8 /* 마 */
  static let gun: UInt32 = 0xAD70 /* 군 */, go: UInt32 = 0xACE0 /* 고 */, seo: UInt32 = 0xC11C /* 서 */, myeon: UInt32 = 0xBA74 /* 면 */, de: UInt32 = 0xB370 /* 데 */, neun: UInt32 = 0xB294 /* 는 */, deon: UInt32 = 0xB358 /* 던 */
  static let hae: UInt32 = 0xD574 /* 해 */, ryeo: UInt32 = 0xB824 /* 려 */, wo: UInt32 = 0xC6CC /* 워 */, ppa: UInt32 = 0xBE60 /* 빠 */, eo: UInt32 = 0xC5B4 /* 어 */, a: UInt32 = 0xC544 /* 아 */, ra: UInt32 = 0xB77C /* 라 */
  static let nae: UInt32 = 0xB0B4 /* 내 */, ga: UInt32 = 0xAC00 /* 가 */, wa: UInt32 = 0xC640 /* 와 */, o: UInt32 = 0xC624 /* 오 */, i: UInt32 = 0xC774 /* 이 */, eops: UInt32 = 0xC5C6 /* 없 */, iss: UInt32 = 0xC788 /* 있 */
  static let yeo: UInt32 = 0xC5EC /* 여 */
  static let comeVerbs = list("나와 사와 들어와 돌아와 찾아와 올라와 내려와 건너와 가져와 데려와 따라와 걸어와 다가와 넘어와 놀러와 빠져나와 튀어나와 흘러나와")
  static let gluedTitles = list("고객님 회원님")
  static let compoundGoVerbs = list("들어가 넘어가 돌아가 찾아가 올라가 내려가 건너가 가져가 데려가 따라가 걸어가 살아가 나아가 다가가")

  static let cutesyYo = set("용여염욤")
  static let beforeCutesyYo = set("해세네게래까어아에예죠데군나가지케께셔워려줘봐돼요")
  static let yoNouns = list("필요 중요 주요 개요 수요 소요 강요 동요 요요 월요 화요 목요 금요 토요 일요 사요일")
  static let daNouns = list("바다 모다 베란다 판다 마다 다다 사다")
  static let niNouns = list("어머니 할머니 언니 머니 치니 보니하니 이니셜")
  static let jiNouns = list(
    "배송지 주소지 목적지 도착지 출발지 소재지 거주지 이미지 페이지 메시지 여지 의지 취지 요지 지지 유지 방지 금지 중지 정지 폐지 통지 고지 인지 표지 부지 대지 양지 휴지 잡지 편지 수신지")
  static let beforeHearsayDae = set("한는란된간온린")
  static let beforePropositiveJa = set("보가먹놀쉬찾읽씻두있시오나타자서내말")
  static let geNouns = list("가게 무게 게")
  static let yaParticleEndings = list("에야 제야 서야")
  /// Adverbs of adjectives on ㄹ (길다, 힘들다, 낯설다) and 알게 (알게 되다): not the promise -ㄹ게.
  static let rieulAdverbs = list("길게 멀게 달게 힘들게 둥글게 가늘게 드물게 거칠게 낯설게 서툴게 알게")
  static let beforeGun = set("렇하이았었였겠")
  static let verbalBeforeConnective = set("하되있없주오가받알내보시겠리르드으이다라우지")
  static let connectiveSuffixes = list("려고 으려 도록 다가 거나 든지 듯이 느라 으니 라서 어서 아서")
  static let contracted = set("해돼줘봐셔쳐켜혀펴눠꿔둬놔겨떠싸퍼뻐꺼써져워려빠파커")
  /// Nouns ending in 해 that no 하다 verb ends in, so a longer word ending in one is a compound
  /// noun too (재산손해, 자연재해).
  static let haeNouns = list("손해 방해 이해 오해 침해 재해 폐해 양해 올해 새해 매해 그해 저해 곡해 살해")
  /// Postpositions written as one word after a particle (에 대해, 을 통해, 로 인해): a noun only alone
  /// or straight after the particle, as 확인해, 반대해 and 소통해 are 반말 verbs.
  static let haePostpositions = list("통해 대해 관해 의해 인해 위해")
  static let particlesBeforePostposition = set("에를을로게와과서")
  /// Nouns ending in 해 that common 하다 verbs also end in (사용해, 제공해, 설치해, 충분해, 발견해,
  /// 전화해, 회피해): a noun only when they are the whole word.
  static let haeWholeWordNouns = list("피해 화해 견해 치해 공해 독해 난해 분해 용해")
  /// True when a word ending in 해 is one of the postpositions or whole-word nouns above.
  static func isHaeWord(_ word: ArraySlice<UInt32>) -> Bool {
    if haeWholeWordNouns.contains(where: { word.elementsEqual($0) }) { return true }
    for postposition in haePostpositions where word.hasSuffix(postposition) {
      if word.count == postposition.count { return true }
      if particlesBeforePostposition.contains(word[word.endIndex - postposition.count - 1]) { return true }
    }
    return false
  }
  static let ryeoNouns = list("고려 배려 우려 염려 격려 장려 권려")
  static let woNouns = list("파워 타워 샤워 스워")
  static let beforeNounEo = set("국단영용언문상연붕잉숭등징방본불독노")
  static let beforeNounA = set("시니리디비피")
  static let beforeNounRa = set("나메페오그라")
  static let beforeVerbNae = set("보지꺼끝뎌해겨혀려")

  /// After a sentence-final ending, these start a quotative (…했다 하더라도, …할게 없어).
  static let continuationSyllables = set("하해했할한합싶없있되돼됩될된됐")
  static let nounsStartingLikeAuxiliaries = list("하루 해당 한번 한 합계 해결 해외 할인 한국 해피 하단 하자 한도 할부 해지 되도록 된장")
  static let continuationPrefixes = list("라고 라는 라며 라면서 고요 구요 마자 라구")
  static let neutralInterjections = list("네 예 넵 넹 네네 예예 넵넵 아니요 아뇨 아니오")
  static let informalInterjections = list("응 어 엉 웅 그래 아니 안녕 고마워 미안 알았어 오키 오케이 ㅇㅇ ㅇㅋ 콜")
}

extension ArraySlice where Element == UInt32 {
  /// True when the word ends in one of the nouns; a one-syllable noun must be the whole word.
  @inline(__always) func endsInNoun(_ nouns: [[UInt32]]) -> Bool {
    nouns.contains { count == $0.count ? elementsEqual($0) : ($0.count > 1 && hasSuffix($0)) }
  }

  @inline(__always) func hasSuffix(_ suffix: [UInt32]) -> Bool {
    guard count >= suffix.count else { return false }
    // The last syllables first: most words a suffix is tested on end differently.
    guard let last = suffix.last else { return true }
    guard self[endIndex - 1] == last else { return false }
    var i = endIndex - suffix.count
    for s in suffix {
      if self[i] != s { return false }
      i += 1
    }
    return true
  }
}

/// A small set of scalars looked up without hashing: one bit per Hangul syllable (U+AC00…U+D7A3),
/// a short list for anything else.
struct ScalarSet: Sendable {
  private let bits: [UInt64]
  private let others: [UInt32]

  init(_ scalars: [UInt32]) {
    var bits = [UInt64](repeating: 0, count: Int(Hangul.syllableLast - Hangul.syllableBase) / 64 + 1)
    var others: [UInt32] = []
    for v in scalars {
      if Hangul.isSyllable(v) {
        let k = Int(v - Hangul.syllableBase)
        bits[k >> 6] |= 1 << UInt64(k & 63)
      } else if !others.contains(v) {
        others.append(v)
      }
    }
    self.bits = bits
    self.others = others
  }

  @inline(__always) func contains(_ v: UInt32) -> Bool {
    if Hangul.isSyllable(v) {
      let k = Int(v - Hangul.syllableBase)
      return bits[k >> 6] & (1 << UInt64(k & 63)) != 0
    }
    return others.contains(v)
  }
}
