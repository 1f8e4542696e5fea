/* On hosts that serve one 404 page for every missing URL (GitHub Pages, some
 * object stores), an English path gets the English 404 page. The root comes
 * from data-hc-root on <html>, written by overrides/hooks/not_found.py. */
(function () {
  const root = document.documentElement.dataset.hcRoot
  if (!root || document.documentElement.lang === "en")
    return
  if (location.pathname.startsWith(`${root}en/`))
    location.replace(`${root}en/404.html`)
})()
