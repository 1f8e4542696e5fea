/* The contact page answers first: as the reader describes the problem in the
 * box above the channels ({{ describe_problem }}), the three best articles
 * show. The same search as the dialog, with everything that forgives how
 * people type: a search worker of the page's language (the same worker
 * file), started on the first focus of the box, so a page view without it
 * costs nothing. Without JavaScript the box is a plain search form. */
(function () {
  const SHOWN = 3

  function plainText(html) {
    return new DOMParser().parseFromString(html, "text/html").body.textContent
  }

  function setUp() {
    const form = document.querySelector("[data-hc-answers]")
    const config = document.getElementById("__config")
    if (!form || !config)
      return
    const input = form.querySelector(".hc-search__input")
    const results = form.querySelector(".hc-answers__results")
    const list = form.querySelector("[data-hc-answers-list]")
    const template = form.querySelector("#hc-answer").content.firstElementChild
    const settings = JSON.parse(config.textContent)
    const base = new URL(settings.base.replace(/\/?$/, "/"), location.href)
    let search = null
    let asked = ""
    let readyWhenAsked = false

    function start() {
      if (!search)
        search = window.hcSearchWorker(new URL(settings.search, location.href),
          new URL("search/search_index.json", base), result => {
            if (result.query === asked)
              show(result)
          })
    }

    function show({ items, total, query }) {
      const links = items.slice(0, SHOWN).map(([page]) => {
        const item = template.cloneNode(true)
        const link = item.querySelector("a")
        link.href = new URL(page.location, base).href
        link.textContent = plainText(page.title)
        return item
      })
      list.replaceChildren(...links)
      list.dataset.query = query  // the query the answers are for (tests wait on it)
      results.hidden = links.length === 0
      document.dispatchEvent(new CustomEvent("hc-search-answered", {
        detail: { query, total: total ?? items.length, ready: readyWhenAsked, failed: false }
      }))
    }

    function ask() {
      asked = input.value.trim()
      if (!asked) {
        list.replaceChildren()
        results.hidden = true
        return
      }
      start()
      readyWhenAsked = search.ready
      search.ask(asked)
    }

    input.addEventListener("focus", start, { once: true })
    input.addEventListener("input", event => {
      if (!event.isComposing)
        ask()
    })
    input.addEventListener("compositionend", ask)
  }

  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", setUp)
  else
    setUp()
})()
