/* The page's side of the split search index (workers/hc-search-worker.js):
 *
 * - Intent: focus of, or the pointer over, any search box of the page (the
 *   header's, the home page's, the 404 page's) tells this page's search
 *   worker to fetch its engine and prepare file now, so the first query
 *   waits only for its own terms. Nothing heavy loads before.
 * - The count: the worker sends the results shown (at most ten pages) to
 *   Material, and the number found here; the line above the results says
 *   the number found.
 * - Failure: when a file could not be fetched (offline, or gone after a
 *   deploy and still missing), the line above the results says so in the
 *   reader's language, with a button that asks again.
 * - The query answered: `data-hc-answered` on the results says which query
 *   they are for, and an "hc-search-answered" event on the document carries
 *   the query, the number found and whether the engine was loaded before it
 *   (hc-insights.js reads it when a team turns insights on).
 *
 * Worker and page talk on the "hc-search" channel; messages carry the
 * language's search folder, so another language's page is never answered. */
(function () {
  const CHANNEL = "hc-search"
  const BOXES = ".md-search__input, .hc-search__input"

  function setUp() {
    const config = document.getElementById("__config")
    const result = document.querySelector(".md-search-result")
    const meta = document.querySelector(".md-search-result__meta")
    const input = document.querySelector(".md-search__input")
    const template = document.getElementById("hc-search-status")
    if (!config || !result || !meta || !input || !template || typeof BroadcastChannel === "undefined")
      return
    const settings = JSON.parse(config.textContent)
    const base = new URL("search/", new URL(settings.base.replace(/\/?$/, "/"), location.href)).pathname
    const channel = new BroadcastChannel(CHANNEL)
    const failure = template.content.firstElementChild
    let intent = false
    let answered = null

    function showIntent() {
      if (!intent) {
        intent = true
        channel.postMessage({ type: "intent", base })
      }
    }

    for (const box of document.querySelectorAll(BOXES)) {
      box.addEventListener("focus", showIntent, { once: true })
      box.addEventListener("pointerover", showIntent, { once: true })
    }
    document.querySelector("label[for=__search]")?.addEventListener("pointerover", showIntent, { once: true })
    if (new URLSearchParams(location.search).has("q"))
      showIntent()

    function counted(total) {
      const key = total === 1 ? "search.result.one" : "search.result.other"
      return settings.translations[key].replace("#", total)
    }

    function showCount() {
      if (!answered || answered.query.trim() !== input.value.trim() || answered.total <= 1)
        return
      const text = counted(answered.total)
      if (meta.textContent !== text && /\d/.test(meta.textContent))
        meta.textContent = text
    }

    function showFailure(query) {
      const notice = failure.cloneNode(true)
      notice.querySelector("button").addEventListener("click", () => {
        meta.textContent = settings.translations["search.result.initializer"] || ""
        channel.postMessage({ type: "retry", base, query })
      })
      meta.replaceChildren(notice)
    }

    channel.addEventListener("message", ({ data }) => {
      if (data.base !== base || data.query.trim() !== input.value.trim())
        return
      answered = data
      result.dataset.hcAnswered = data.query  // the query the results are for (tests wait on it)
      document.dispatchEvent(new CustomEvent("hc-search-answered", {
        detail: { query: data.query, total: data.total || 0, ready: Boolean(data.ready), failed: data.type === "failed" }
      }))
      if (data.type === "failed")
        requestAnimationFrame(() => showFailure(data.query))
      else
        showCount()
    })
    new MutationObserver(showCount).observe(meta, { childList: true, characterData: true, subtree: true })
  }

  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", setUp)
  else
    setUp()
})()
