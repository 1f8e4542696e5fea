/* Wraps Material's search worker to prepare each query the way its language's
 * index was built, as the index's config says (scripts/helpcentre/search_index.py
 * writes it; scripts/helpcentre_tools/search_model.py models the same steps):
 *
 * - A stemmed index ("stemmer" in config.pipeline, e.g. English): Material
 *   appends "*" to every term and lunr skips its pipeline for wildcard terms,
 *   so "locked*" never meets the indexed stem "lock". Each plain term goes
 *   through lunr's trimmer, stop-word filter and stemmer.
 * - A segmented index (config.segment_words, e.g. Chinese): Material cuts a
 *   run of Han characters against the index vocabulary, but gives up on the
 *   whole run when its first character starts no word. Here runs are cut by
 *   forward maximum matching against the same vocabulary, dropping characters
 *   that start no word and lunr.zh's stop words, so "收国外汇款要手续费吗"
 *   becomes "国外 汇款 手续费".
 *
 * - A folding index (config.fold): a query typed in the other Chinese script
 *   is first folded into the index's, character by character with a map of
 *   only the characters the index uses, then by the conversion overrides'
 *   phrases, so 賬戶被鎖 finds 账户被锁 and 账户 finds 帳戶.
 *
 * - Pinyin on a segmented index: the index has the pinyin of every title and
 *   keyword (`chongzhi`, `shoujihao`); a query of several Latin words also
 *   gets them joined, so `shouji hao` finds 手机号 too. The characters of a
 *   query that no word of the index covers are read (config.homophones: the
 *   common characters under the syllables of those pinyin words) and their
 *   pinyin words added, so a slip of the input method, 体现 for 提现 or 帐好
 *   for 账号, finds the page by its sound.
 *
 * Loaded as the search worker by the helpcentre plugin (postprocess.py),
 * with ?material=<Material's worker file> beside it. */
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g
const HAN_ONLY = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/
const MAX_WORD = 8
const ZH_STOP_WORDS = new Set(("的 一 不 在 人 有 是 为 為 以 于 於 上 他 而 后 後 之 来 來 及 了 因 下 可 到 由 这 這 与 與 也 此 但 并 並 个 個 其 已 无 無 小 我 们 們 起 最 再 今 去 好 只 又 或 很 亦 某 把 那 你 乃 它 吧 被 比 别 趁 当 當 从 從 得 打 凡 儿 兒 尔 爾 该 該 各 给 給 跟 和 何 还 還 即 几 幾 既 看 据 據 距 靠 啦 另 么 麽 每 嘛 拿 哪 您 凭 憑 且 却 卻 让 讓 仍 啥 如 若 使 谁 誰 虽 雖 随 隨 同 所 她 哇 嗡 往 些 向 沿 哟 喲 用 咱 则 則 怎 曾 至 致 着 著 诸 諸 自").split(" "))

let stems = false
let segments = false
let fold = null
let vocabulary = new Set()
let pinyinWords = new Set()
let readings = new Map()
const MAX_PINYIN_WORD = 30
let corrections = []
let typoTolerance = 0
let latinWords = []
let latinStems = []
const LONG_QUERY_TERMS = 6
// Numbers, codes and lone letters (what is left of a masked name or address: J*** S***, z***@).
const NOT_A_WORD = /\d|^[A-Za-z]$/
// Words, numbers and codes of a Latin query, without the punctuation around
// them: "failed." is "failed", "isn't" and "500.00" stay whole.
const LATIN_WORD = /[A-Za-z0-9]+(?:['.][A-Za-z0-9]+)*/g
const EXACT_BOOST = 2
const WORD_END = "\u3007"

/* The tokens of every field of every page that pass `keep`, as Material's
 * tokenizer splits them (tags removed, the index's separator). */
function indexTokens(index, keep) {
  const separator = new RegExp(index.config.separator, "g")
  const tokens = new Set()
  for (const doc of index.docs)
    for (const field of Object.keys(index.config.fields)) {
      const value = doc[field]
      if (typeof value !== "string")
        continue
      for (const token of value.replace(/<[^>]*>/g, " ").split(separator))
        if (keep.test(token))
          tokens.add(token)
    }
  return tokens
}

function buildVocabulary(index) {
  return indexTokens(index, HAN_ONLY)
}

function segmentChinese(query) {
  return query.replace(HAN_RUN, run => {
    const words = longestWords(run).filter(word => vocabulary.has(word) && !ZH_STOP_WORDS.has(word))
    return ` ${words.join(" ")} `
  }).replace(/\s+/g, " ").trim()
}

/* A run of Han characters cut by forward maximum matching: at each
 * character the longest word of the vocabulary, or the character alone. */
function longestWords(run) {
  const words = []
  for (let i = 0; i < run.length;) {
    let length = Math.min(MAX_WORD, run.length - i)
    while (length > 1 && !vocabulary.has(run.slice(i, i + length)))
      length--
    words.push(run.slice(i, i + length))
    i += length
  }
  return words
}

function stem(word) {
  let token = new lunr.Token(word.toLowerCase(), {})
  for (const fn of [lunr.trimmer, lunr.stopWordFilter, lunr.stemmer]) {
    token = token && fn(token)
    if (!token)
      return ""
  }
  return token.toString()
}

function stemEnglish(query) {
  let corrected = false
  const terms = (query.match(LATIN_WORD) || []).map(part => {
    if (!/^[A-Za-z]/.test(part))
      return { text: part }
    const stemmed = stem(part)
    if (stemmed && typoTolerance && /^[A-Za-z]+$/.test(part) && part.length >= typoTolerance && !matchesAny(stemmed)) {
      const guesses = [...new Set(wordsOneEditFrom(part.toLowerCase()).map(stem).filter(Boolean))]
      if (guesses.length) {
        corrected = true
        return { text: guesses.join(" "), guess: true }
      }
    }
    return { text: stemmed, stemmed: true }
  }).filter(term => term.text)
  return withoutCodes(terms, term => term.text).map(term => corrected && term.stemmed ? `${term.text}*^${EXACT_BOOST}` : term.text).join(" ")
}

function matchesAny(stemmed) {
  return latinStems.some(indexed => indexed.startsWith(stemmed))
}

/* Optimal string alignment distance of exactly one: one letter inserted,
 * deleted, replaced, or two neighbours swapped. */
function oneEditApart(a, b) {
  if (a === b || Math.abs(a.length - b.length) > 1)
    return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i])
    i++
  if (a.length === b.length)
    return a.slice(i + 1) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2))
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

function wordsOneEditFrom(word) {
  return latinWords.filter(known => oneEditApart(word, known))
}

function buildLatinWords(index) {
  return [...new Set([...indexTokens(index, /^[A-Za-z]{2,}$/)].map(word => word.toLowerCase()))].sort()
}

function correctionPattern(typed) {
  const escaped = typed.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
  return /^[A-Za-z0-9]/.test(typed)
    ? new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, "gi")
    : new RegExp(escaped, "g")
}

function correct(query) {
  for (const [pattern, means] of corrections)
    query = query.replace(pattern, means)
  return query
}

function withoutCodes(terms, text = term => term) {
  if (terms.length < LONG_QUERY_TERMS)
    return terms
  const words = terms.filter(term => !NOT_A_WORD.test(text(term)))
  return words.length ? words : terms
}

function foldScript(query) {
  let folded = Array.from(query, char => fold.chars[char] || char).join("")
  for (const [wrong, right] of fold.phrases)
    folded = folded.split(wrong).join(right)
  return folded
}

function cutPinyin(query) {
  const tokens = query.split(" ")
  const cuts = tokens.map(token => {
    const word = token.toLowerCase()
    if (!/^[a-z]+$/.test(word))
      return null
    if (pinyinWords.has(word))
      return [word]
    const words = []
    for (let i = 0; i < word.length;) {
      let length = Math.min(MAX_PINYIN_WORD, word.length - i)
      while (length > 1 && !pinyinWords.has(word.slice(i, i + length)))
        length--
      if (pinyinWords.has(word.slice(i, i + length)))
        words.push(word.slice(i, i + length))
      i += length
    }
    return words
  })
  if (!cuts.some(found => found && found.length))
    return query
  return tokens.map((token, i) => cuts[i] === null ? token : cuts[i].join(" "))
    .filter(Boolean).join(" ").trim()
}

/* The pinyin words read in the characters of a query that no word of the
 * index covers (cut as segmentChinese cuts), so a slip of a pinyin input
 * method (体现 typed, 提现 meant) finds the page by its sound. */
function homophonePinyin(query) {
  const found = []
  for (const run of query.match(HAN_RUN) || []) {
    let syllables = []
    for (const piece of [...longestWords(run), ""]) {
      if (piece.length === 1 && readings.has(piece)) {
        syllables.push(readings.get(piece))
        continue
      }
      found.push(...pinyinWordsIn(syllables))
      syllables = []
    }
  }
  return found
}

/* The longest pinyin words of two syllables or more, left to right. */
function pinyinWordsIn(syllables) {
  const words = []
  for (let i = 0; i < syllables.length - 1;) {
    let end = Math.min(syllables.length, i + MAX_WORD)
    while (end > i + 1 && !pinyinWords.has(syllables.slice(i, end).join("")))
      end--
    if (end > i + 1) {
      words.push(syllables.slice(i, end).join(""))
      i = end
    } else {
      i++
    }
  }
  return words
}

function joinPinyin(query) {
  const words = query.trim().split(/\s+/)
  return /^[A-Za-z]+(\s+[A-Za-z]+)+$/.test(query.trim()) ? `${query} ${words.join("").toLowerCase()}` : query
}

/* What customers type or paste is text, never lunr's query syntax: the
 * masked digits of a bank message (尾号****1234, 王**) were wildcards that
 * matched every word, a leading "-" excluded the word after it. */
function literal(query) {
  return query.replace(/[*~^]/g, " ").replace(/(^|\s)[+-]+/g, "$1")
}

function prepare(query) {
  query = literal(query)
  if (fold)
    query = foldScript(query)
  query = correct(query)
  if (stems)
    return stemEnglish(query) || query
  if (segments)
    // Joined first: `shouji hao` is also `shoujihao`, before `hao` alone is dropped as no word of the index.
    return cutPinyin(joinPinyin(withoutCodes((segmentChinese(query) || query).split(" ")).concat(homophonePinyin(query))
      .map(word => HAN_ONLY.test(word) && word.length > 1 ? word + WORD_END : word).join(" ")))
  return query
}

addEventListener("message", ev => {
  const message = ev.data
  if (message.type === 0 /* SETUP */) {
    stems = (message.data.config.pipeline || []).includes("stemmer")
    segments = Boolean(message.data.config.segment_words)
    fold = message.data.config.fold || null
    vocabulary = segments ? buildVocabulary(message.data) : new Set()
    pinyinWords = new Set(message.data.docs.flatMap(doc => (doc.pinyin || "").split(" ").filter(Boolean)))
    readings = new Map(Object.entries(message.data.config.homophones || {})
      .flatMap(([syllable, chars]) => Array.from(chars, char => [char, syllable])))
    corrections = (message.data.config.corrections || []).map(([typed, means]) => [correctionPattern(typed), means])
    typoTolerance = stems ? message.data.config.typo_tolerance || 0 : 0
    latinWords = typoTolerance ? buildLatinWords(message.data) : []
    latinStems = [...new Set(latinWords.map(stem).filter(Boolean))]
  } else if (message.type === 2 /* QUERY */) {
    message.data = prepare(message.data)
  }
})

importScripts(new URL(self.location.href).searchParams.get("material"))
