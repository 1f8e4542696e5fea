/* Wraps Material's search worker so that English queries are stemmed the way
 * the English index is. Material appends "*" to every query term, and lunr
 * skips its pipeline for wildcard terms, so "locked*" never meets the indexed
 * stem "lock". Here each plain English term goes through lunr's own trimmer,
 * stop-word filter and stemmer before Material sees the query.
 *
 * Loaded as the search worker by overrides/hooks/search_per_language.py,
 * with ?material=<Material's worker file> beside it. */
let languages = []

function stemQuery(query) {
  return query.split(/(\s+)/).map(part => {
    if (!/^[A-Za-z][A-Za-z0-9']*$/.test(part))
      return part
    let token = new lunr.Token(part.toLowerCase(), {})
    for (const fn of [lunr.trimmer, lunr.stopWordFilter, lunr.stemmer]) {
      token = token && fn(token)
      if (!token)
        return ""
    }
    return token.toString()
  }).join("").replace(/\s+/g, " ").trim()
}

addEventListener("message", ev => {
  const message = ev.data
  if (message.type === 0 /* SETUP */)
    languages = message.data.config.lang
  else if (message.type === 2 /* QUERY */ && languages.length === 1 && languages[0] === "en") {
    const stemmed = stemQuery(message.data)
    message.data = stemmed || message.data
  }
})

importScripts(new URL(self.location.href).searchParams.get("material"))
