"""Category listings in pages of CATEGORY_PAGE_SIZE articles: the index page
shows the first page, and account/page-2/, account/page-3/ ... the rest.
The extra pages are generated for the language being built (after
mkdocs-static-i18n has chosen that language's files) and kept out of the
navigation and the search index."""

from __future__ import annotations

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from site_data import current_language, site_data
from helpcentre.content import DEFAULT_LANGUAGE
from helpcentre.render import PageContext, category_page_count, category_page_file, render_category_page

GENERATED_BY = "helpcentre/category_pages"


@event_priority(-110)
def on_files(files, config):
    data = site_data(config)
    lang = current_language(config)
    if data.registry is None:
        return files
    for category in data.catalogue.categories(lang):
        ctx = PageContext(data.registry, data.catalogue, category)
        title = str(category.meta["title"])
        for page in range(2, category_page_count(data.catalogue, category.category, lang) + 1):
            page_title = data.registry.text("labels.page_title", lang).format(title=title, page=page)
            content = "\n".join([
                "---", f'title: "{page_title}"', f'description: "{category.meta["description"]}"',
                "search:", "  exclude: true", "---", "", render_category_page(ctx, page), ""])
            file = File.generated(config, f"{category.category}/{category_page_file(page)}", content=content)
            if lang != DEFAULT_LANGUAGE:
                file.dest_uri = f"{lang}/{file.dest_uri}"  # the URL follows the destination
            file.generated_by = GENERATED_BY
            files.append(file)
    return files


def is_category_page(file) -> bool:
    return getattr(file, "generated_by", None) == GENERATED_BY
