/* Shows the "not finding what you need?" panel (categories and contact
 * channels, rendered into the page by overrides/partials/hc-search-help.html) in the
 * search dialog while there is no query yet, and when a query finds nothing. */
function setUpSearchHelp() {
  const template = document.getElementById("hc-search-help")
  const result = document.querySelector(".md-search-result")
  const input = document.querySelector(".md-search__input")
  const meta = document.querySelector(".md-search-result__meta")
  const config = document.getElementById("__config")
  if (!template || !result || !input || !meta || !config)
    return
  const none = JSON.parse(config.textContent).translations["search.result.none"]
  const panel = template.content.firstElementChild.cloneNode(true)
  result.appendChild(panel)

  function update() {
    const empty = input.value.trim() === ""
    panel.hidden = !(empty || meta.textContent.trim() === none)
  }
  new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true })
  input.addEventListener("input", update)
  update()
}

if (document.readyState === "loading")
  document.addEventListener("DOMContentLoaded", setUpSearchHelp)
else
  setUpSearchHelp()
