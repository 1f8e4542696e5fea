/* Insights: anonymous, first-party events for `make insights`, loaded only
 * when a team turns on the helpcentre plugin's `insights`
 * (partials/hc-insights.html). Off, no page loads this file.
 *
 * Each event is one GET request to the endpoint, the event in the query
 * string (protocol v1, README "Insights"), so the access log of any static
 * host is the collector. No cookies, no identifiers; nothing at all when the
 * browser asks not to be tracked (Global Privacy Control, Do Not Track).
 * Queries and comments go through hcRedact (hc-redact.js) before they leave
 * the page.
 *
 * Events: search (once the reader stops typing and results show), open (a
 * result, with its rank), lang (the other-language link), vote (after "No",
 * with the reason and comment when given, or when the reader leaves), contact
 * (a channel, from the contact page or an article). */
(function () {
  const PROTOCOL = "1"
  const QUERY_LENGTH = 100, COMMENT_LENGTH = 300, PATH_LENGTH = 200
  const SETTLE_MS = 1000  // the reader stopped typing
  const data = document.getElementById("hc-insights")
  if (!data || typeof window.hcRedact !== "function")
    return
  if (navigator.globalPrivacyControl === true || navigator.doNotTrack === "1" || window.doNotTrack === "1")
    return
  const settings = JSON.parse(data.textContent)
  const endpoint = new URL(settings.endpoint, location.href)
  const contactPath = new URL(settings.contact, location.href).pathname
  const channelOfLink = new Map(Object.entries(settings.channels).map(([id, link]) => [link, id]))
  let lastSent = ""
  let searched = false      // a search was answered in this page view
  let pending = null        // the answered query not yet sent: {query, total, ready, where}
  let timer = 0
  let lastSearch = null     // the last search sent, until a result of it is opened
  let rephrasedFrom = null  // a search sent before it that the reader moved on from

  function send(type, fields) {
    const values = { v: PROTOCOL, e: type, l: settings.lang, p: location.pathname.slice(0, PATH_LENGTH), ...fields }
    const query = Object.entries(values)
      .filter(([, value]) => value !== undefined && value !== null && value !== "")
      .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`)
      .join("&")
    const url = `${endpoint.origin}${endpoint.pathname}?${query}`
    if (url === lastSent)
      return
    lastSent = url
    fetch(url, {
      method: "GET", keepalive: true, credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer",
      mode: endpoint.origin === location.origin ? "same-origin" : "no-cors"
    }).catch(() => {})
  }

  const redactQuery = text => window.hcRedact(String(text || ""), QUERY_LENGTH)

  /* --- search ---------------------------------------------------------------------- */

  function whereOf(input) {
    return input && input.closest("[data-hc-answers]") ? "contact" : "dialog"
  }

  function sendSearch() {
    clearTimeout(timer)
    if (!pending)
      return
    const { query, total, ready, where } = pending
    pending = null
    const q = redactQuery(query)
    if (!q || (lastSearch && lastSearch.q === q))
      return
    if (lastSearch)
      rephrasedFrom = lastSearch.q
    lastSearch = { q, where }
    send("search", { q, n: total, r: ready ? 1 : 0, w: where })
  }

  document.addEventListener("hc-search-answered", ({ detail }) => {
    if (detail.failed)
      return
    searched = true
    pending = { ...detail, where: whereOf(document.activeElement) }
    clearTimeout(timer)
    timer = setTimeout(sendSearch, SETTLE_MS)
  })
  document.addEventListener("input", event => {
    if (event.target.matches && event.target.matches(".md-search__input, .hc-search__input") && pending) {
      clearTimeout(timer)
      timer = setTimeout(sendSearch, SETTLE_MS)
    }
  }, true)

  function resultOpened(link) {
    sendSearch()
    const item = link.closest(".md-search-result__item, .hc-answers__item")
    const list = item && item.parentElement
    const rank = list ? [...list.children].indexOf(item) + 1 : 0
    const box = document.querySelector(".md-search__input")
    const q = lastSearch ? lastSearch.q : redactQuery(box && box.value)
    const where = lastSearch ? lastSearch.where : "dialog"
    send("open", { q, u: new URL(link.href, location.href).pathname.slice(0, PATH_LENGTH), k: rank, w: where,
                   prev: rephrasedFrom && rephrasedFrom !== q ? rephrasedFrom : "" })
    lastSearch = null
    rephrasedFrom = null
  }

  /* --- votes ------------------------------------------------------------------------ */

  let unhelpful = null  // a "No" waiting for its reason, sent as it is when the reader leaves

  function sendVote(fields) {
    send("vote", { u: location.pathname.slice(0, PATH_LENGTH), ...fields })
  }

  function sendUnhelpful() {
    if (unhelpful) {
      sendVote(unhelpful)
      unhelpful = null
    }
  }

  document.addEventListener("submit", event => {
    const form = event.target.closest && event.target.closest("[data-hc-why]")
    if (!form)
      return
    event.preventDefault()
    const reason = form.querySelector("input[name=hc-why]:checked")
    const comment = form.querySelector("textarea")
    unhelpful = { h: 0, why: reason ? reason.value : "",
                  c: comment ? window.hcRedact(comment.value, COMMENT_LENGTH) : "" }
    sendUnhelpful()
    form.hidden = true
    form.parentElement.querySelector("[data-hc-why-thanks]")?.removeAttribute("hidden")
  })
  function leaving() {
    sendSearch()
    sendUnhelpful()
  }
  addEventListener("pagehide", leaving)
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden")
      leaving()
  })

  /* --- clicks: results, the other language, votes, channels ----------------------------- */

  function channelOf(link) {
    if (link.dataset.hcChannel)
      return link.dataset.hcChannel
    return channelOfLink.get(link.getAttribute("href")) || null
  }

  document.addEventListener("click", event => {
    const target = event.target.closest ? event.target : event.target.parentElement
    const vote = target.closest("[data-hc-feedback] [data-helpful]")
    if (vote) {
      if (vote.dataset.helpful === "yes")
        sendVote({ h: 1 })
      else
        unhelpful = { h: 0 }
      return
    }
    const link = target.closest("a[href]")
    if (!link)
      return
    if (link.closest(".md-search-result__list, [data-hc-answers-list]"))
      resultOpened(link)
    else if (link.closest(".hc-search-elsewhere"))
      send("lang", { q: redactQuery(document.querySelector(".md-search__input")?.value), t: link.dataset.hcLang })
    else if (channelOf(link))
      send("contact", { ch: channelOf(link), from: location.pathname === contactPath ? "contact" : "article",
                        s: searched ? 1 : 0 })
  }, true)
})()
