"""The theme's script, made to fetch nothing from another host, and loaded on demand.

The theme's bundle loads two libraries from a public CDN when a page needs them (a
ResizeObserver polyfill for old browsers, the diagram library for diagram blocks) and
asks code-hosting APIs for a repository's facts. The site runs under a strict
Content-Security-Policy on companies' intranets, and readers' phones should talk to
nobody else: the polyfill is served by the site itself, the diagram library would be
too (diagram blocks are refused in content, see markup.py), and the repository facts
get an address no browser fetches.

Pages load the bundle only when it is needed (assets/onegoal/theme-on-demand.js), long
after the document's DOMContentLoaded, which the bundle waits for once; the loader sends
that event again. A theme whose bundle starts otherwise fails the build here.
"""

from __future__ import annotations

import re
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


# The theme marks the page "no-js" until its bundle has run, and hides the search button
# and lays out the menu for a browser without script until then. Pages say "js" from the
# start: the bundle comes on demand, and the page must not move when it does.
NO_JS = re.compile(r'^(\s*<!doctype html>\s*<html lang="[^"]*") class="no-js"', re.IGNORECASE)

# How the bundle waits for the page before it starts its components.
STARTS_ON = 'h(document,"DOMContentLoaded",{once:!0})'


class ThemeChanged(Exception):
    """The theme's bundle is not what this module knows how to make self-contained."""


def scripted(page: str) -> str:
    """A page of the theme, marked as one whose scripts run (see NO_JS); a page of the site's
    own templates that does not extend the theme's (a redirect, a preview's stub) as it is."""
    marked, count = NO_JS.subn(r'\1 class="js"', page, count=1)
    if count != 1 and 'class="no-js"' in page[:1000]:
        raise ThemeChanged("a page of the theme no longer starts with <html lang=... class=\"no-js\">: the theme was "
                           "upgraded. Check how it marks pages for script and update theme_assets.py.")
    return marked


def theme_bundle(uris: list[str]) -> str:
    """The address of the theme's bundle among the site's files (theme-on-demand.js loads it)."""
    bundles = [uri for uri in uris if uri.startswith("assets/javascripts/bundle.") and uri.endswith(".min.js")]
    if len(bundles) != 1:
        raise ThemeChanged(f"the theme has {len(bundles)} scripts assets/javascripts/bundle.*.min.js, not one: "
                           "it was upgraded. Check theme-on-demand.js and theme_assets.py.")
    return bundles[0]


def self_contained(site_dir: Path) -> list[Path]:
    """Rewrite the theme's bundle in the built site; returns the files changed."""
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        raise ThemeChanged("the theme's script assets/javascripts/bundle.*.min.js is not in the site")
    for bundle in bundles:
        script = bundle.read_text(encoding="utf-8")
        if script.count(STARTS_ON) != 1:
            raise ThemeChanged(f"{bundle.name} no longer starts on the document's DOMContentLoaded alone: the theme "
                               "was upgraded. Check how theme-on-demand.js starts it and update both.")
        for old, new in REPLACEMENTS.items():
            if old not in script and new in script:
                continue  # rewritten by an earlier build into the same folder
            if old not in script:
                raise ThemeChanged(f"{bundle.name} no longer contains {old}: the theme was upgraded. "
                                   "Check what it loads from other hosts and update theme_assets.py.")
            script = script.replace(old, new)
        bundle.write_text(script, encoding="utf-8")
    return bundles
