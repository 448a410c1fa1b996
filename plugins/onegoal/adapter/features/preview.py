"""The editors' preview (`make serve`): problems shown on every page instead of stopping, a
hostile file left out, the live reload as a script file, and a quicker eye on saved files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from watchdog.observers.polling import PollingObserver

from onegoal.adapter import live_reload
from onegoal.adapter.features.base import Feature
from onegoal.checks.docs_files import file_problem

PREVIEW_POLLING = 0.1  # seconds


class Preview(Feature):
    def on_files(self, files: Files, config: MkDocsConfig) -> None:
        reload_script = files.get_file_from_path(live_reload.SCRIPT)
        if reload_script is not None and not self.build.serving:
            files.remove(reload_script)
        # A build has stopped on these already (docs_files.py); a preview goes on without them.
        docs_dir = Path(config.docs_dir)
        for file in [file for file in files if not file.is_documentation_page() and file.abs_src_path
                     and Path(file.abs_src_path).is_relative_to(docs_dir) and file_problem(Path(file.abs_src_path))]:
            files.remove(file)

    def on_page_read_source(self, page: Page, config: MkDocsConfig) -> str | None:
        if Path(page.file.abs_src_path or "") in self.build.unsafe:
            return ""  # the page's problems are listed on it
        return None

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig) -> None:
        context["onegoal_problems"] = self.build.problems

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig) -> None:
        # The server looks for saved files every half second; an editor waits for the page
        # less when it looks more often (the folders are small): a new watcher, same folders.
        watched = [config.docs_dir, *([config.config_file_path] if config.config_file_path else [])]
        for path in watched:
            server.unwatch(path)
        server.observer = PollingObserver(timeout=PREVIEW_POLLING)
        for path in [*watched, str(self.build.manuals_dir)]:
            server.watch(path)
        live_reload.reload_by_file(server)
