/* On hosts that serve one 404 page for every missing URL (GitHub Pages, some
 * object stores), a path below another language's root gets that language's
 * 404 page. The roots come from the #hc-not-found data the 404 template writes. */
(function () {
  const data = document.getElementById("hc-not-found")
  if (!data)
    return
  const { root, current, languages } = JSON.parse(data.textContent)
  for (const prefix of languages)
    if (prefix !== current && location.pathname.startsWith(`${root}${prefix}`)) {
      location.replace(`${root}${prefix}404.html`)
      return
    }
})()
