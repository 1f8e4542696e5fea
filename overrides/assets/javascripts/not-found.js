/* On hosts that serve one 404 page for every missing URL (GitHub Pages, some
 * object stores), a path below another language's root gets that language's
 * 404 page. The roots come from the #hc-not-found data the 404 template writes. */
(function () {
  const data = document.getElementById("hc-not-found")
  if (!data)
    return
  const { root, current, languages } = JSON.parse(data.textContent)
  // An address of the help centre this one was imported from (/hc/en-us/articles/123-...):
  // old-addresses.json, written by the build, says where it lives now.
  const old = location.pathname.match(/^(.*\/articles\/\d+)/)
  if (old) {
    fetch(`${root}old-addresses.json`).then(response => response.ok ? response.json() : {})
      .then(lookup => { const page = lookup[old[1].toLowerCase()]; if (page) location.replace(page) })
      .catch(() => {})
    return
  }
  for (const prefix of languages)
    if (prefix !== current && location.pathname.startsWith(`${root}${prefix}`)) {
      location.replace(`${root}${prefix}404.html`)
      return
    }
})()
