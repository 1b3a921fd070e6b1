"""sitemap.xml with every page and its language versions as absolute hreflang alternates."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

from ..context import SiteContext
from ..manifest import Manifest
from ..output import write_new
from ..urls import alternates, region_path, site_languages, site_prefix


class SitemapRenderer:
    name = "sitemap"

    def render(self, site: SiteContext, manifest: Manifest, out: Path) -> None:
        base = site.project.portal.portal.base_url
        languages = site_languages(site)
        entries = [_entry(base + site_prefix(site, lang), []) for lang in languages]
        entries += [_entry(base + region_path(site, lang, region.id), [])
                    for lang in languages for region in site.project.portal.regions]
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
