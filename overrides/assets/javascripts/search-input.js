/* Material runs a search on `keyup` only, so a paste from a menu, a long-press
 * paste on a phone, drag and drop, voice input or autofill (an `input` event
 * and no key) left the dialog saying "Type to start searching". Here any
 * `input` event outside an IME composition, and the end of a composition,
 * count as a keystroke; keyups during a composition do not, so a half-composed
 * word (pinyin letters on their way to 充值) is never searched. Material drops
 * a query whose value did not change, so a real keystroke and its `input`
 * event search once. */
(function () {
  const SEARCH_INPUT = ".md-search__input"

  function isSearchInput(target) {
    return target instanceof Element && target.matches(SEARCH_INPUT)
  }

  function search(input) {
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
  }

  // Capture phase, on the document: before Material's listener on the input.
  document.addEventListener("keyup", event => {
    if (isSearchInput(event.target) && (event.isComposing || event.keyCode === 229))
      event.stopPropagation()
  }, true)
  document.addEventListener("input", event => {
    if (isSearchInput(event.target) && !event.isComposing)
      search(event.target)
  })
  document.addEventListener("compositionend", event => {
    if (isSearchInput(event.target))
      search(event.target)
  })
})()
