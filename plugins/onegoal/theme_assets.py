"""The theme's script, made to fetch nothing from another host.

The theme's bundle loads two libraries from a public CDN when a page needs them (a
ResizeObserver polyfill for old browsers, the diagram library for diagram blocks) and
asks code-hosting APIs for a repository's facts. The site runs under a strict
Content-Security-Policy on companies' intranets, and readers' phones should talk to
nobody else: the polyfill is served by the site itself, the diagram library would be
too (diagram blocks are refused in content, see markup.py), and the repository facts
get an address no browser fetches.
"""

from __future__ import annotations

from pathlib import Path

POLYFILL = "assets/onegoal/vendor/resize-observer-polyfill.js"
DIAGRAMS = "assets/onegoal/vendor/mermaid.min.js"

# What the bundle says -> what it says instead. `__md_scope` is the site's root.
REPLACEMENTS = {
    '"https://unpkg.com/resize-observer-polyfill"': f'new URL("{POLYFILL}",__md_scope).href',
    '"https://unpkg.com/mermaid@11/dist/mermaid.min.js"': f'new URL("{DIAGRAMS}",__md_scope).href',
    "`https://api.github.com/": "`onegoal-no-remote:",
    "`https://${e}/api/v4/": "`onegoal-no-remote:${e}/",
}


class ThemeChanged(Exception):
    """The theme's bundle is not what this module knows how to make self-contained."""


def self_contained(site_dir: Path) -> list[Path]:
    """Rewrite the theme's bundle in the built site; returns the files changed."""
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        raise ThemeChanged("the theme's script assets/javascripts/bundle.*.min.js is not in the site")
    for bundle in bundles:
        script = bundle.read_text(encoding="utf-8")
        for old, new in REPLACEMENTS.items():
            if old not in script and new in script:
                continue  # rewritten by an earlier build into the same folder
            if old not in script:
                raise ThemeChanged(f"{bundle.name} no longer contains {old}: the theme was upgraded. "
                                   "Check what it loads from other hosts and update theme_assets.py.")
            script = script.replace(old, new)
        bundle.write_text(script, encoding="utf-8")
    return bundles
