/* A query typed in another language's script (充值 on the English site,
 * "top up" on the Chinese one) shows, above the results, a link that runs it
 * on that language's site, with the number of results it has there. The
 * count comes from a second search worker (the same worker file as this
 * page's, given the other language's manifest), started only when such a
 * query is first typed; it fetches that language's terms for the query and
 * no page text (countOnly). The results list itself stays in this page's
 * language. Data and markup: overrides/partials/hc-search-elsewhere.html. */
(function () {
  const SCRIPTS = {
    Hani: /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/,
    Latn: /[A-Za-z]/
  }

  function scriptOf(query) {
    return Object.keys(SCRIPTS).find(script => SCRIPTS[script].test(query)) || null
  }

  function searcher(language, workerUrl) {
    const waiting = new Map()  // query -> resolvers; a query overtaken by a newer one gets no answer
    const search = window.hcSearchWorker(workerUrl, language.index, result => {
      for (const resolve of waiting.get(result.query) || [])
        resolve(result.total ?? result.items.length)
      waiting.delete(result.query)
    })
    return query => new Promise(resolve => {
      waiting.set(query, [...waiting.get(query) || [], resolve])
      search.ask(query, { countOnly: true })
    })
  }

  function setUp() {
    const data = document.getElementById("hc-search-languages")
    const template = document.getElementById("hc-search-elsewhere")
    const input = document.querySelector(".md-search__input")
    const meta = document.querySelector(".md-search-result__meta")
    const config = document.getElementById("__config")
    if (!data || !template || !input || !meta || !config)
      return
    const languages = JSON.parse(data.textContent)
    const workerUrl = JSON.parse(config.textContent).search
    const [paragraph, anchor] = template.content.children
    const hint = paragraph.cloneNode(true)
    const link = anchor.cloneNode(true)
    meta.after(hint)
    const searchers = new Map()
    let latest = 0

    // A hidden link is not in the page: Material's arrow keys would stop on it.
    function hide() {
      hint.hidden = true
      link.remove()
    }

    function update() {
      const query = input.value.trim()
      const language = languages.find(candidate => candidate.script === scriptOf(query))
      const asked = ++latest
      if (!query || !language) {
        hide()
        hint.dataset.query = query
        return
      }
      if (!searchers.has(language.url))
        searchers.set(language.url, searcher(language, workerUrl))
      searchers.get(language.url)(query).then(count => {
        if (asked !== latest)
          return
        if (count === 0) {
          hide()
          hint.dataset.query = query
          return
        }
        hint.hidden = false
        hint.replaceChildren(link)
        link.href = `${language.url}?q=${encodeURIComponent(query)}`
        link.hreflang = language.lang
        link.lang = language.lang
        link.dataset.hcLang = language.code
        link.textContent = (count === 1 ? language.one : language.other).replace("{count}", count)
        hint.dataset.query = query  // answered (tests wait for it)
      })
    }

    input.addEventListener("input", event => {
      if (!event.isComposing)
        update()
    })
    input.addEventListener("compositionend", update)
    if (input.value)
      update()
  }

  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", setUp)
  else
    setUp()
})()
