"""sitemap.xml with every page and its language versions as absolute hreflang alternates."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

from ..context import SiteContext
from ..output import write_new
from .portal import REGION_DIR
from .web import alternates, site_languages


class SitemapRenderer:
    name = "sitemap"

    def render(self, site: SiteContext, out: Path) -> None:
        base = site.project.portal.portal.base_url
        prefixes = ["" if lang == site_languages(site)[0] else f"{lang}/" for lang in site_languages(site)]
        entries = [_entry(base + prefix, []) for prefix in prefixes]
        entries += [_entry(f"{base}{prefix}{REGION_DIR}/{region.id}/", [])
                    for prefix in prefixes for region in site.project.portal.regions]
        for local in site.locals:
            for page in local.pages:
                links = [(alt["lang"], alt["href"]) for alt in alternates(site, local, page) if alt["exact"]]
                entries.append(_entry(local.base_url + page.path, links))
        body = "\n".join(entries)
        write_new(out / "sitemap.xml",
                  '<?xml version="1.0" encoding="UTF-8"?>\n'
                  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                  'xmlns:xhtml="http://www.w3.org/1999/xhtml">\n' + body + "\n</urlset>\n")
        (out / "sitemap.xml.gz").unlink(missing_ok=True)


def _entry(url: str, links: list[tuple[str, str]]) -> str:
    alts = "".join(f'<xhtml:link rel="alternate" hreflang={quoteattr(lang)} href={quoteattr(href)}/>'
                   for lang, href in links if len(links) > 1)
    return f"<url><loc>{url}</loc>{alts}</url>"
