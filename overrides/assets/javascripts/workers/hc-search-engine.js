/* The search engine of a help-centre page, loaded into its search worker
 * (hc-search-worker.js) only when the reader shows intent. It answers
 * Material's QUERY messages from a lunr index made of only the terms a
 * query needs, fetched as term chunks (scripts/helpcentre/search_shards.py
 * writes them), then fetches the text of the results it shows.
 *
 * 1. Prepare (prepare.<hash>.json, fetched on intent): fold the other
 *    Chinese script, correct, stem English (retrying typos), cut Chinese
 *    against the index's words, add the pinyin words slips sound like, cut
 *    pinyin typed without spaces, drop the codes of long pasted messages;
 *    then Material's segmentation and transform (a trailing * on every term).
 * 2. Fetch the chunks of every term's prefix family, in parallel; each is
 *    checked against the hash in its name. One round trip. A chunk counts
 *    documents page by page; the prepare file's documents per page turn the
 *    count back into lunr's reference (page * stride + section).
 * 3. Rank with lunr on those terms alone: each field vector entry is what
 *    lunr.js's builder computes, and entries for other terms never count in
 *    lunr's similarity, so the ranking is the whole index's. Then Material's
 *    own post-processing (the boost for pages and for query terms matched,
 *    grouping by page, suggestions).
 * 4. Fetch the page fragments of the results shown, in parallel, and
 *    highlight them as Material does. The second round trip.
 *
 * A file gone (a new deploy) reloads the manifest and asks again once;
 * anything else that fails answers with no results and tells the page,
 * which offers a retry (search-status.js). Every query is bounded: at most
 * MAX_CHUNKS chunks and MAX_PAGES fragments, whatever was typed or pasted. */
(function () {
  const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g
  const HAN_ONLY = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/
  const HAN_SCRIPT = /\p{sc=Han}+/gu
  const MAX_WORD = 8
  const MAX_PINYIN_WORD = 30
  const LONG_QUERY_TERMS = 6
  const MAX_TERMS = 48  // what Material renders per result grows with the square of the terms
  const NOT_A_WORD = /\d|^[A-Za-z]$/
  const LATIN_WORD = /[A-Za-z0-9]+(?:['.][A-Za-z0-9]+)*/g
  const EXACT_BOOST = 2
  const WORD_END = "\u3007"
  const GROUP_LENGTH = 2, LATIN_GROUP_LENGTH = 3, LATIN_BEFORE = 0x2E80  // search_shards.py group_length
  const MAX_CHUNKS = 48
  const FORMAT = 2  // search_shards.py FORMAT: the files this engine reads
  const TERMS_FOLDER = "terms/"  // search_shards.py chunk_name
  const MAX_PAGES = 10
  const SETTLE_MS = 60
  const K1 = 1.2, B = 0
  const ZH_STOP_WORDS = new Set(("的 一 不 在 人 有 是 为 為 以 于 於 上 他 而 后 後 之 来 來 及 了 因 下 可 到 由 这 這 与 與 也 此 但 并 並 个 個 其 已 无 無 小 我 们 們 起 最 再 今 去 好 只 又 或 很 亦 某 把 那 你 乃 它 吧 被 比 别 趁 当 當 从 從 得 打 凡 儿 兒 尔 爾 该 該 各 给 給 跟 和 何 还 還 即 几 幾 既 看 据 據 距 靠 啦 另 么 麽 每 嘛 拿 哪 您 凭 憑 且 却 卻 让 讓 仍 啥 如 若 使 谁 誰 虽 雖 随 隨 同 所 她 哇 嗡 往 些 向 沿 哟 喲 用 咱 则 則 怎 曾 至 致 着 著 诸 諸 自").split(" "))

  class Gone extends Error {}

  /* --- query preparation (what the browser does before lunr) -------------- */

  function correctionPattern(typed) {
    const escaped = typed.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    return /^[A-Za-z0-9]/.test(typed)
      ? new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`, "gi")
      : new RegExp(escaped, "g")
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

  function withoutCodes(terms, text = term => term) {
    if (terms.length < LONG_QUERY_TERMS)
      return terms
    const words = terms.filter(term => !NOT_A_WORD.test(text(term)))
    return words.length ? words : terms
  }

  /* What customers type or paste is text, never lunr's query syntax. */
  function literal(query) {
    return query.replace(/[*~^]/g, " ").replace(/(^|\s)[+-]+/g, "$1")
  }

  function joinPinyin(query) {
    const words = query.trim().split(/\s+/)
    return /^[A-Za-z]+(\s+[A-Za-z]+)+$/.test(query.trim()) ? `${query} ${words.join("").toLowerCase()}` : query
  }

  class Preparation {
    constructor(prepare) {
      const words = prepare.words
      this.stems = prepare.pipeline.includes("stemmer")
      this.segments = Boolean(prepare.segment_words)
      this.fold = prepare.fold || null
      this.vocabulary = new Set(words.han)
      this.pinyinWords = new Set(words.pinyin)
      this.readings = new Map(Object.entries(prepare.homophones || {})
        .flatMap(([syllable, chars]) => Array.from(chars, char => [char, syllable])))
      this.corrections = (prepare.corrections || []).map(([typed, means]) => [correctionPattern(typed), means])
      this.typoTolerance = this.stems ? prepare.typo_tolerance || 0 : 0
      this.latinWords = this.typoTolerance ? words.latin : []
      this.latinStems = this.typoTolerance ? [...new Set(this.latinWords.map(stem).filter(Boolean))] : []
    }

    /* Forward maximum matching: at each character the longest word of the index, or the character alone. */
    longestWords(run) {
      const words = []
      for (let i = 0; i < run.length;) {
        let length = Math.min(MAX_WORD, run.length - i)
        while (length > 1 && !this.vocabulary.has(run.slice(i, i + length)))
          length--
        words.push(run.slice(i, i + length))
        i += length
      }
      return words
    }

    segmentChinese(query) {
      return query.replace(HAN_RUN, run => {
        const words = this.longestWords(run).filter(word => this.vocabulary.has(word) && !ZH_STOP_WORDS.has(word))
        return ` ${words.join(" ")} `
      }).replace(/\s+/g, " ").trim()
    }

    stemEnglish(query) {
      let corrected = false
      const terms = (query.match(LATIN_WORD) || []).map(part => {
        if (!/^[A-Za-z]/.test(part))
          return { text: part }
        const stemmed = stem(part)
        if (stemmed && this.typoTolerance && /^[A-Za-z]+$/.test(part) && part.length >= this.typoTolerance &&
            !this.latinStems.some(indexed => indexed.startsWith(stemmed))) {
          const word = part.toLowerCase()
          const guesses = [...new Set(this.latinWords.filter(known => oneEditApart(word, known)).map(stem)
            .filter(Boolean))]
          if (guesses.length) {
            corrected = true
            return { text: guesses.join(" "), guess: true }
          }
        }
        return { text: stemmed, stemmed: true }
      }).filter(term => term.text)
      return withoutCodes(terms, term => term.text)
        .map(term => corrected && term.stemmed ? `${term.text}*^${EXACT_BOOST}` : term.text).join(" ")
    }

    foldScript(query) {
      let folded = Array.from(query, char => this.fold.chars[char] || char).join("")
      for (const [wrong, right] of this.fold.phrases)
        folded = folded.split(wrong).join(right)
      return folded
    }

    cutPinyin(query) {
      const tokens = query.split(" ")
      const cuts = tokens.map(token => {
        const word = token.toLowerCase()
        if (!/^[a-z]+$/.test(word))
          return null
        if (this.pinyinWords.has(word))
          return [word]
        const words = []
        for (let i = 0; i < word.length;) {
          let length = Math.min(MAX_PINYIN_WORD, word.length - i)
          while (length > 1 && !this.pinyinWords.has(word.slice(i, i + length)))
            length--
          if (this.pinyinWords.has(word.slice(i, i + length)))
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

    /* The pinyin words read in the characters no word of the index covers,
     * so a slip of a pinyin input method (体现 for 提现) finds the page. */
    homophonePinyin(query) {
      const found = []
      for (const run of query.match(HAN_RUN) || []) {
        let syllables = []
        for (const piece of [...this.longestWords(run), ""]) {
          if (piece.length === 1 && this.readings.has(piece)) {
            syllables.push(this.readings.get(piece))
            continue
          }
          found.push(...this.pinyinWordsIn(syllables))
          syllables = []
        }
      }
      return found
    }

    pinyinWordsIn(syllables) {
      const words = []
      for (let i = 0; i < syllables.length - 1;) {
        let end = Math.min(syllables.length, i + MAX_WORD)
        while (end > i + 1 && !this.pinyinWords.has(syllables.slice(i, end).join("")))
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

    prepare(query) {
      query = literal(query)
      if (this.fold)
        query = this.foldScript(query)
      for (const [pattern, means] of this.corrections)
        query = query.replace(pattern, means)
      if (this.stems)
        return this.stemEnglish(query) || query
      if (this.segments)
        return this.cutPinyin(joinPinyin(withoutCodes((this.segmentChinese(query) || query).split(" "))
          .concat(this.homophonePinyin(query))
          .map(word => HAN_ONLY.test(word) && word.length > 1 ? word + WORD_END : word).join(" ")))
      return query
    }
  }

  /* --- Material's query handling (integrations/search/query) ----------------- */

  function split(input, separator, fn) {
    separator = new RegExp(separator, "g")
    let match, index = 0
    do {
      match = separator.exec(input)
      const until = match ? match.index : input.length
      if (index < until)
        fn(index, until)
      if (match) {
        index = match.index + match[0].length
        if (match[0].length === 0)
          separator.lastIndex = match.index + 1
      }
    } while (match)
  }

  /* Material's segment(): a run of Han characters cut against the index's words, quirks included. */
  function segment(query, vocabulary) {
    const segments = new Set()
    const wordcuts = new Array(query.length).fill(0)
    for (let i = 0; i < query.length; i++)
      for (let j = i + 1; j < query.length; j++)
        if (vocabulary.has(query.slice(i, j)))
          wordcuts[i] = j - i
    const stack = [0]
    for (let s = stack.length; s > 0;) {
      const p = stack[--s]
      for (let q = 1; q < wordcuts[p]; q++)
        if (wordcuts[p + q] > wordcuts[p] - q) {
          segments.add(query.slice(p, p + q))
          stack[s++] = p + q
        }
      const q = p + wordcuts[p]
      if (wordcuts[q] && q < query.length - 1)
        stack[s++] = q
      segments.add(query.slice(p, q))
    }
    if (segments.has(""))
      return new Set([query])
    return segments
  }

  function transform(query, fn) {
    const parts = query.trim().split(/"([^"]+)"/g)
    const quoted = parts.map((part, i) => i & 1 ? part.replace(/^\b|^(?![^\x00-\x7F]|$)|\s+/g, " +") : part).join("")
    return quoted.replace(/"|(?:^|\s+)[*+\-:^~]+(?=\s+|$)/g, "").split(/\s+/g)
      .flatMap(fn).map(term => /([~^]$)/.test(term) ? `${term}1` : term)
      .map(term => /(^[+-]|[~^]\d+$)/.test(term) ? term : `${term}*`).join(" ")
  }

  function transformSearchQuery(query, separator) {
    return transform(query, part => {
      const terms = []
      const lexer = new lunr.QueryLexer(part)
      lexer.run()
      for (const { type, str: term, start, end } of lexer.lexemes)
        switch (type) {
          case "FIELD":
            if (!["title", "text", "tags"].includes(term))
              part = [part.slice(0, end), " ", part.slice(end + 1)].join("")
            break
          case "TERM":
            split(term, separator, (...range) => {
              terms.push([part.slice(0, start), term.slice(...range), part.slice(end)].join(""))
            })
        }
      return terms
    })
  }

  /* Terms of punctuation or emoji only never match; a message pasted whole
   * (an email thread) is searched by its first MAX_TERMS terms. */
  function firstTerms(query) {
    return query.split(" ").filter(term => /[\p{L}\p{N}]/u.test(term)).slice(0, MAX_TERMS).join(" ")
  }

  function parseSearchQuery(value) {
    const query = new lunr.Query(["title", "text", "tags"])
    new lunr.QueryParser(value, query).parse()
    for (const clause of query.clauses) {
      clause.usePipeline = true
      if (clause.term.startsWith("*")) {
        clause.wildcard = lunr.Query.wildcard.LEADING
        clause.term = clause.term.slice(1)
      }
      if (clause.term.endsWith("*")) {
        clause.wildcard = lunr.Query.wildcard.TRAILING
        clause.term = clause.term.slice(0, -1)
      }
    }
    return query.clauses
  }

  function getSearchQueryTerms(query, terms) {
    const clauses = new Set(query)
    const result = {}
    for (let t = 0; t < terms.length; t++)
      for (const clause of clauses)
        if (terms[t].startsWith(clause.term)) {
          result[clause.term] = true
          clauses.delete(clause)
        }
    for (const clause of clauses)
      if (lunr.stopWordFilter?.(clause.term))
        result[clause.term] = false
    return result
  }

  /* --- Material's tokenizer and highlighting (integrations/search/internal) --- */

  function extract(input, fn) {
    let block = 0, start = 0, end = 0
    for (let stack = 0; end < input.length; end++) {
      if (input.charAt(end) === "<" && end > start) {
        fn(block, 1, start, start = end)
      } else if (input.charAt(end) === ">") {
        if (input.charAt(start + 1) === "/") {
          if (--stack === 0)
            fn(block++, 2, start, end + 1)
        } else if (input.charAt(end - 1) !== "/") {
          if (stack++ === 0)
            fn(block, 0, start, end + 1)
        }
        start = end + 1
      }
    }
    if (end > start)
      fn(block, 1, start, end)
  }

  /* The tokens of a field with Material's position table, for highlighting. */
  function tokenize(input, separator) {
    const tokens = [], table = []
    for (const value of Array.isArray(input) ? input : [input]) {
      const total = table.length
      extract(value, (block, type, start, end) => {
        block += total
        table[block] = table[block] || []
        if (type !== 1) {
          table[block].push(start << 12 | end - start << 2 | type)
          return
        }
        const section = value.slice(start, end)
        split(section, separator, (index, until) => {
          table[block].push(start + index << 12 | until - index << 2 | type)
          tokens.push({ text: section.slice(index, until).toLowerCase(), position: block << 20 | table[block].length - 1 })
        })
      })
    }
    return { tokens, table }
  }

  function highlightAll(inputs, table, positions, full = false) {
    const mapping = [0]
    for (let t = 1; t < table.length; t++) {
      const prev = table[t - 1], next = table[t]
      const p = prev[prev.length - 1] >>> 2 & 0x3FF
      const q = next[0] >>> 12
      mapping.push(+(p > q) + mapping[mapping.length - 1])
    }
    return inputs.map((input, i) => {
      let cursor = 0
      const blocks = new Map()
      for (const p of positions.sort((a, b) => a - b)) {
        const index = p & 0xFFFFF, block = p >>> 20
        if (mapping[block] !== i)
          continue
        let group = blocks.get(block)
        if (typeof group === "undefined")
          blocks.set(block, group = [])
        group.push(index)
      }
      if (blocks.size === 0)
        return input
      const slices = []
      for (const [block, indexes] of blocks) {
        const t = table[block]
        const start = t[0] >>> 12, end = t[t.length - 1] >>> 12, length = t[t.length - 1] >>> 2 & 0x3FF
        if (full && start > cursor)
          slices.push(input.slice(cursor, start))
        let slice = input.slice(start, end + length)
        for (const j of indexes.sort((a, b) => b - a)) {
          const p = (t[j] >>> 12) - start
          const q = (t[j] >>> 2 & 0x3FF) + p
          slice = [slice.slice(0, p), "<mark>", slice.slice(p, q), "</mark>", slice.slice(q)].join("")
        }
        cursor = end + length
        if (slices.push(slice) === 2)
          break
      }
      if (full && cursor < input.length)
        slices.push(input.slice(cursor))
      return slices.join("")
    })
  }

  /* --- files -------------------------------------------------------------------- */

  async function sha256(buffer) {
    const digest = await crypto.subtle.digest("SHA-256", buffer)
    return Array.from(new Uint8Array(digest), byte => byte.toString(16).padStart(2, "0")).join("")
  }

  class Files {
    constructor(folder, counter, started = new Map()) {
      this.folder = folder
      this.counter = counter
      this.started = started
    }

    async fetch(name, options = {}) {
      this.counter.requests++
      const early = this.started.get(name)
      this.started.delete(name)
      let response
      try {
        response = await (early || fetch(new URL(name, this.folder), options))
      } catch (error) {
        throw new Error(`offline: ${name}`)
      }
      if (response.status === 404 || response.status === 410)
        throw new Gone(name)
      if (!response.ok)
        throw new Error(`${response.status}: ${name}`)
      return response.arrayBuffer()
    }

    async json(name, options) {
      return JSON.parse(new TextDecoder().decode(await this.fetch(name, options)))
    }

    /* A content-named file, refused when its content is not what its name says. */
    async verified(name) {
      const buffer = await this.fetch(name)
      const expected = name.split("/").pop().split(".")[0]
      if (self.crypto?.subtle && !(await sha256(buffer)).startsWith(expected))
        throw new Error(`${name} does not match its hash`)
      return JSON.parse(new TextDecoder().decode(buffer))
    }
  }

  /* --- the index of the terms loaded so far ---------------------------------------- */

  const chunkName = hash => `${TERMS_FOLDER}${hash}.json`

  class Terms {
    constructor(prepare) {
      this.prepare = prepare
      this.fields = Object.keys(prepare.fields)
      this.chunks = new Map()  // name -> Promise
      this.postings = new Map()  // term -> [index, {field: [[ref, tf], ...]}]
      this.index = null
      this.refs = []  // document number (as the chunks count them) -> page * stride + section
      prepare.page_documents.forEach((count, page) => {
        for (let section = 0; section < count; section++)
          this.refs.push(page * prepare.stride + section)
      })
    }

    get names() {
      return this.prepare.chunks.map(([, , hash]) => chunkName(hash))
    }

    add(chunk) {
      for (const [term, [index, fields]] of Object.entries(chunk.terms)) {
        const decoded = {}
        for (const [field, [deltas, counts]] of Object.entries(fields)) {
          const pairs = []
          let number = 0
          for (const delta of deltas)
            pairs.push([this.refs[number += delta], 1])
          for (let i = 0; counts && i < counts.length; i += 2)
            pairs[counts[i]][1] = counts[i + 1]
          decoded[field] = pairs
        }
        this.postings.set(term, [index, decoded])
      }
      this.index = null
    }

    /* The chunks holding every term that `term` grows into with a trailing wildcard. */
    chunksFor(term) {
      const length = term && term.codePointAt(0) < LATIN_BEFORE ? LATIN_GROUP_LENGTH : GROUP_LENGTH
      const points = Array.from(term).slice(0, length)
      const key = points.join("")
      const prefix = group => Array.from(group).slice(0, points.length).join("")
      return this.prepare.chunks.filter(([first, last]) => points.length >= length
        ? first <= key && key <= last
        : prefix(first) <= key && key <= prefix(last)).map(([, , hash]) => chunkName(hash))
    }

    /* A lunr.Index whose vectors hold exactly what lunr.js's builder computes for these terms. */
    lunrIndex() {
      if (this.index)
        return this.index
      const invertedIndex = {}, vectors = new Map()
      const documents = this.prepare.documents, boosts = this.prepare.boosts
      const ordered = [...this.postings.entries()].sort((a, b) => a[1][0] - b[1][0])
      for (const [term, [termIndex, fields]] of ordered) {
        const posting = { _index: termIndex }
        for (const field of this.fields) {
          posting[field] = {}
          for (const [ref] of fields[field] || [])
            posting[field][ref] = {}
        }
        invertedIndex[term] = posting
        const idf = lunr.idf(posting, documents)
        for (const [field, pairs] of Object.entries(fields)) {
          const fieldBoost = this.prepare.fields[field] || 1
          for (const [ref, tf] of pairs) {
            let score = idf * ((K1 + 1) * tf) / (K1 * (1 - B + B * 1) + tf)
            score *= fieldBoost
            score *= boosts[ref] || 1
            const key = `${field}/${ref}`
            if (!vectors.has(key))
              vectors.set(key, [])
            vectors.get(key).push(termIndex, Math.round(score * 1000) / 1000)
          }
        }
      }
      const fieldVectors = {}
      for (const [key, elements] of vectors)
        fieldVectors[key] = new lunr.Vector(elements)
      const pipeline = new lunr.Pipeline()
      if (this.prepare.pipeline.includes("stemmer"))
        pipeline.add(lunr.stemmer)
      this.index = new lunr.Index({
        invertedIndex, fieldVectors, tokenSet: lunr.TokenSet.fromArray(ordered.map(([term]) => term).sort()),
        fields: this.fields, pipeline
      })
      return this.index
    }
  }

  /* --- the engine ------------------------------------------------------------------- */

  /* `setup`: Material's SETUP data (the manifest as config and docs, and options);
   * `started`: the prepare file's fetch, begun by the bootstrap before it
   * imported this file, so the two travel in parallel. */
  self.hcSearchEngine = function (setup, root, report, started) {
    const manifest = setup
    const counter = { requests: 0 }
    let state = null
    let latest = 0
    let lastQuery = null

    function start(current, early = new Map()) {
      const hc = current.config.hc
      const files = new Files(new URL(hc.base, root), counter, early)
      const ready = files.json(hc.prepare).then(prepare => ({
        prepare, preparation: new Preparation(prepare), terms: new Terms(prepare)
      }))
      ready.catch(() => {})
      return { manifest: current, files, ready, separator: new RegExp(current.config.separator) }
    }

    /* After a deploy the files of the page's manifest are gone: read the new one. */
    async function reload() {
      const hc = state.manifest.config.hc
      const fresh = await new Files(new URL(hc.base, root), counter).json("search_index.json", { cache: "no-cache" })
      if (fresh.config.hc.version === hc.version || fresh.config.hc.format !== FORMAT)
        return false
      state = start(fresh)
      return true
    }

    function loadChunk(current, name) {
      const { terms } = current
      if (!terms.chunks.has(name)) {
        const loading = state.files.verified(name).then(chunk => terms.add(chunk))
        terms.chunks.set(name, loading)
        loading.catch(() => terms.chunks.delete(name))
      }
      return terms.chunks.get(name)
    }

    function compose(current, query) {
      let prepared = current.preparation.prepare(query)
      prepared = prepared.replace(HAN_SCRIPT, value => [...segment(value, current.preparation.vocabulary)].join("* "))
      return firstTerms(transformSearchQuery(prepared, state.separator))
    }

    /* Material's Search.search on the loaded terms: refs, scores and query terms, grouped by page. */
    function rank(current, query) {
      const clauses = parseSearchQuery(query).filter(clause => clause.presence !== lunr.Query.presence.PROHIBITED)
      const index = current.terms.lunrIndex()
      const stride = current.prepare.stride
      const items = index.search(query).map(({ ref, score, matchData }) => {
        const terms = getSearchQueryTerms(clauses, Object.keys(matchData.metadata))
        const section = Number(ref) % stride
        const boost = +!section + Object.values(terms).filter(t => t).length / Object.keys(terms).length
        return { ref: Number(ref), score: score * (1 + boost ** 2), terms, matched: matchData.metadata }
      }).sort((a, b) => b.score - a.score)
      const groups = new Map()
      for (const item of items) {
        const page = Math.floor(item.ref / stride)
        groups.set(page, [...groups.get(page) || [], item])
      }
      for (const [page, group] of groups)
        if (!group.find(item => item.ref === page * stride))
          group.push({ ref: page * stride, score: 0, terms: {}, matched: {} })
      let suggest
      if (setup.options?.suggest) {
        const titles = index.query(builder => {
          for (const clause of clauses)
            builder.term(clause.term, {
              fields: ["title"], presence: lunr.Query.presence.REQUIRED, wildcard: lunr.Query.wildcard.TRAILING
            })
        })
        suggest = titles.length ? Object.keys(titles[0].matchData.metadata) : []
      }
      return { groups: [...groups.entries()], suggest }
    }

    function loadPage(current, page) {
      const { terms } = current
      const name = `${current.prepare.pages}${page}.json`
      if (!terms.chunks.has(name)) {
        const loading = state.files.json(name).then(fragment => {
          if (fragment.version !== current.prepare.version)
            throw new Gone(name)
          return fragment.docs
        })
        terms.chunks.set(name, loading)
        loading.catch(() => terms.chunks.delete(name))
      }
      return terms.chunks.get(name)
    }

    /* A result item as Material's worker returns it: the document, highlighted, with its score and terms. */
    function item(current, docs, result, page) {
      const stride = current.prepare.stride
      const section = result.ref - page * stride
      const doc = { ...docs[section] }
      for (const field of current.terms.fields) {
        if (typeof doc[field] === "undefined")
          continue
        const wanted = new Set(Object.keys(result.matched).filter(term => result.matched[term][field]))
        if (!wanted.size)
          continue
        const { tokens, table } = tokenize(doc[field], state.separator)
        const positions = tokens.filter(token => wanted.has(termOf(current, token.text))).map(token => token.position)
        if (!positions.length)
          continue
        const values = highlightAll(Array.isArray(doc[field]) ? doc[field] : [doc[field]], table, positions,
          field !== "text")
        doc[field] = Array.isArray(doc[field]) ? values : values.pop()
      }
      if (section)
        doc.parent = { ...docs[0] }
      return { ...doc, score: result.score, terms: result.terms }
    }

    function termOf(current, token) {
      const steps = current.prepare.pipeline
      let text = token
      for (const [name, fn] of [["trimmer", lunr.trimmer], ["stopWordFilter", lunr.stopWordFilter], ["stemmer", lunr.stemmer]])
        if (steps.includes(name) && text) {
          const out = fn(new lunr.Token(text, {}))
          text = out ? out.toString() : ""
        }
      return text
    }

    /* Load what `names` says, all at once: one round trip, or none when everything is loaded. */
    async function round(current, names, load) {
      const fresh = names.filter(name => !current.terms.chunks.has(name)).length
      await Promise.all(names.map(name => load(current, name)))
      return fresh ? 1 : 0
    }

    async function answer(query, options) {
      const current = await state.ready.catch(error => {
        state = start(state.manifest)  // offline when it was asked: the retry asks again
        throw error
      })
      const composed = compose(current, query)
      if (!composed.trim())
        return { items: [], total: 0, rounds: 0 }
      const clauses = parseSearchQuery(composed)
      const names = [...new Set(clauses.flatMap(clause => current.terms.chunksFor(clause.term)))]
      let rounds = await round(current, options.whole ? current.terms.names
        : names.slice(0, MAX_CHUNKS), loadChunk)
      const { groups, suggest } = rank(current, composed)
      const shown = options.countOnly ? [] : groups.slice(0, MAX_PAGES)
      rounds += await round(current, shown.map(([page]) => `${current.prepare.pages}${page}.json`),
        (current, name) => loadPage(current, Number(name.slice(current.prepare.pages.length, -5))))
      const pages = await Promise.all(shown.map(([page]) => loadPage(current, page)))
      const items = shown.map(([page, group], i) => group.map(result => item(current, pages[i], result, page)))
      return { items, total: groups.length, rounds, ...suggest && { suggest } }
    }

    async function query(text, options = {}) {
      const asked = ++latest
      lastQuery = { text, options }
      if (!options.now)
        await new Promise(resolve => setTimeout(resolve, SETTLE_MS))
      if (asked !== latest)
        return null
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await answer(text, options)
          return asked === latest ? result : null
        } catch (error) {
          if (attempt === 0 && error instanceof Gone && await reload().catch(() => false))
            continue
          if (asked === latest)
            report({ type: "error", query: text, message: String(error && error.message || error) })
          return asked === latest ? { items: [], total: 0, failed: true } : null
        }
      }
    }

    state = start(manifest, started)
    return { query, prefetch: () => state.ready, last: () => lastQuery, requests: () => counter.requests }
  }
})()
