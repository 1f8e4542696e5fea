/* "Was this helpful?" on every article (markup: overrides/partials/hc-feedback.html).
 * "No" reveals a way to reach a person and related articles. The answer is
 * sent only when a team sets the helpcentre plugin's feedback_endpoint. */
function setUpFeedback() {
  for (const widget of document.querySelectorAll("[data-hc-feedback]")) {
    const thanks = widget.querySelector(".hc-feedback__thanks")
    const more = widget.querySelector(".hc-feedback__more")
    const buttons = widget.querySelector(".hc-feedback__buttons")
    for (const button of widget.querySelectorAll("[data-helpful]"))
      button.addEventListener("click", () => {
        const helpful = button.dataset.helpful === "yes"
        buttons.hidden = true
        thanks.hidden = false
        if (!helpful) {
          more.hidden = false
          more.focus()
        }
        const endpoint = widget.dataset.endpoint
        if (endpoint)
          navigator.sendBeacon(endpoint, JSON.stringify({
            page: location.pathname, lang: widget.dataset.lang, helpful
          }))
      })
  }
}

if (document.readyState === "loading")
  document.addEventListener("DOMContentLoaded", setUpFeedback)
else
  setUpFeedback()
