"""The preview's live reload as a script file, so that the preview carries the site's
Content-Security-Policy (no inline script) and a reviewer sees what readers get.

MkDocs' preview server puts an inline script before `</body>` of every page it serves;
here it puts a tag for the theme's `assets/onegoal/livereload.js` instead, with the same
two numbers as attributes. A real build does not publish that file.
"""

from __future__ import annotations

import time

from mkdocs.livereload import LiveReloadServer

SCRIPT = "assets/onegoal/livereload.js"


def reload_by_file(server: LiveReloadServer) -> None:
    """Make `server` load its live reload from `SCRIPT` in every page it serves."""

    def inject(content: bytes, epoch: int) -> bytes:
        request = round(time.monotonic() * 1000)
        tag = f'<script src="{server.mount_path}{SCRIPT}" data-epoch="{epoch}" data-request="{request}"></script>'
        end = content.rfind(b"</body>")
        end = len(content) if end < 0 else end
        return content[:end] + tag.encode() + content[end:]

    # The server's own hook for this; MkDocs 1.6 (and its fork) is the last of its line.
    server._inject_js_into_html = inject  # type: ignore[method-assign]
