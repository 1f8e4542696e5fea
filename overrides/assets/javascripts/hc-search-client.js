/* A search worker of one language's index, for the searches a page runs
 * beside Material's own: the contact page's answers (contact-answers.js)
 * and the count on the other language's site (search-elsewhere.js). It is
 * the same worker file as the page's search, given that language's manifest
 * once. A query asked before the manifest arrives waits for it; only the
 * newest such query is sent (an overtaken query gets no answer). */
window.hcSearchWorker = function (workerUrl, manifestUrl, answer) {
  const SETUP = 0, QUERY = 2, RESULT = 3
  const worker = new Worker(workerUrl)
  let ready = false
  let waiting = null
  worker.addEventListener("message", ({ data }) => {
    if (data.type === RESULT)
      answer(data.data)
  })
  fetch(manifestUrl)
    .then(response => response.json())
    .then(index => {
      worker.postMessage({ type: SETUP, data: { config: index.config, docs: index.docs, options: { suggest: false } } })
      ready = true
      if (waiting)
        worker.postMessage(waiting)
      waiting = null
    })
    .catch(() => {})
  return {
    get ready() { return ready },
    ask(query, hc) {
      const message = hc ? { type: QUERY, data: query, hc } : { type: QUERY, data: query }
      if (ready)
        worker.postMessage(message)
      else
        waiting = message
    }
  }
}
