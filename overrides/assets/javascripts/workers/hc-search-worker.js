/* The search worker Material starts on every page (the helpcentre plugin
 * points Material's config.search here, with ?material=<Material's worker>).
 * On a page view it costs this file and the language's manifest, nothing
 * more: Material sends the manifest (search/search_index.json, a few hundred
 * bytes) as its SETUP message and this answers READY at once.
 *
 * The engine (hc-search-engine.js, with lunr from Material's own worker) and
 * the prepare file load on the first sign of intent: a message on the
 * "hc-search" channel from the page (search-status.js: focus of, or pointer
 * over, a search box) or a first query (a ?q= link). Material's worker is
 * imported for its copy of lunr only: this listener comes first and stops
 * every message, so Material's never builds an index.
 *
 * Messages: SETUP (0) -> READY (1); QUERY (2) -> RESULT (3), one per
 * query still wanted when it is answered. A QUERY may carry `hc`:
 * {countOnly} (search-elsewhere.js wants the number of results only) or
 * {whole} (load every chunk: the parity test's whole index). */
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
const CHANNEL = "hc-search"
const ROOT = new URL("../../../", self.location.href)
const MATERIAL = new URL(self.location.href).searchParams.get("material")
const channel = new BroadcastChannel(CHANNEL)
let setup = null
let engine = null

function base() {
  return new URL(setup.config.hc.base, ROOT).pathname
}

function report(message) {
  channel.postMessage({ ...message, base: base() })
}

/* The prepare file's fetch starts before the scripts are imported (which
 * blocks), so on a slow link the two arrive together. */
function load() {
  if (!engine) {
    const hc = setup.config.hc
    const prepare = fetch(new URL(hc.prepare, new URL(hc.base, ROOT)))
    prepare.catch(() => {})
    importScripts(MATERIAL, "hc-search-engine.js")
    engine = self.hcSearchEngine(setup, ROOT, report, new Map([[hc.prepare, prepare]]))
  }
  return engine
}

async function answer(query, options) {
  const ready = engine !== null
  const result = await load().query(query, options)
  if (result === null)
    return
  postMessage({ type: RESULT, data: { ...result, query } })
  report({ type: result.failed ? "failed" : "answered", query, total: result.total, rounds: result.rounds, ready })
}

addEventListener("message", event => {
  event.stopImmediatePropagation()
  const { type, data, hc } = event.data
  if (type === SETUP) {
    setup = data
    postMessage({ type: READY })
  } else if (type === QUERY && setup) {
    if (!String(data).trim())
      postMessage({ type: RESULT, data: { items: [], total: 0 } })
    else
      answer(String(data), hc || {})
  }
})

channel.addEventListener("message", ({ data }) => {
  if (!setup || data.base !== base())
    return
  if (data.type === "intent")
    load().prefetch().catch(() => {})
  else if (data.type === "retry" && engine?.last())
    answer(engine.last().text, { ...engine.last().options, now: true })
})
