"""The languages after the first, built side by side: a share of them per core.

mkdocs-static-i18n builds the first language, then, in that build's post_build, every other
language in turn in the same process: on a machine of two cores one core waits. Here the
other languages are shared out. Each share but the last is built in a process forked from
this one as soon as the first language's build has read the library and emptied the site
folder: it builds its languages as the i18n plugin's loop would, and sends back their search
entries, their pages for the sitemap and its log. This process builds the first language,
then, where the i18n plugin's loop would begin, the last share, the last language last, so
that what runs after the loop (the search index, the features' post_build) finds the
configuration the i18n plugin would have left. The site is the same, file for file: the
sitemap, which each language's build writes anew with the pages of every language built so
far, is written once more at the end with every language's.
"""

from __future__ import annotations

import logging
import multiprocessing
import sys
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, Callable

from mkdocs import utils
from jinja2 import Environment
from mkdocs.commands.build import _build_theme_template, build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs_static_i18n.plugin import I18n
from mkdocs_static_i18n.utils import I18nLoggingFilter

from onegoal.content.side_by_side import can_fork

log = get_plugin_logger(__name__)


def shares(languages: list[str], processes: int) -> list[list[str]]:
    """`languages` in order, cut into at most `processes` runs of nearly equal length."""
    count = max(1, min(processes, len(languages)))
    size, extra = divmod(len(languages), count)
    cut, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        cut.append(languages[start:end])
        start = end
    return cut


def shares_besides(first: str, languages: list[str], processes: int) -> list[list[str]]:
    """The languages after the first, cut as `shares` would cut them all: the first, which this
    process builds before its share (and with it the theme's templates), counts in its share,
    the last. The forked processes, which start as the first begins, get the longer ones; the
    last share keeps a language, so that this process builds the last language last."""
    cut = shares([*languages, first], processes)
    cut[-1].remove(first)
    if not cut[-1] and len(cut) > 1:
        cut[-1].append(cut[-2].pop())
    return [share for share in cut if share]


SITEMAP = "sitemap.xml"


@dataclass(frozen=True)
class SitemapPage:
    is_link: bool
    canonical_url: str | None
    abs_url: str | None
    update_date: str


@dataclass(frozen=True)
class SitemapFile:
    """What the i18n plugin's sitemap template reads of a page's file, sent from a forked process."""
    url: str
    page: SitemapPage | None
    alternates: dict[str, SitemapFile]

    @classmethod
    def of(cls, file: File, alternates: bool = True) -> SitemapFile:
        page = None if file.page is None else SitemapPage(
            file.page.is_link, file.page.canonical_url, file.page.abs_url, file.page.update_date)
        others = getattr(file, "alternates", {}) if alternates else {}
        return cls(file.url, page, {locale: cls.of(other, False) for locale, other in others.items()})


# A forked process sends its search entries in parts of this many: the build's process takes
# each part in as it comes, and never holds a whole share's entries twice (as data and as objects).
ENTRIES_AT_ONCE = 500


class _Keep(logging.Handler):
    """A forked process's log, kept to be sent back whole (the records made picklable)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args = record.getMessage(), None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        self.records.append(record)


class LanguageBuilds:
    """The i18n plugin's loop over the other languages, shared between processes."""

    def __init__(self, config: MkDocsConfig, processes: int, own_built: Callable[[], None]) -> None:
        """`own_built` is called once this process's languages are built, while the others are."""
        self.config = config
        self.i18n: I18n = config.plugins["i18n"]  # type: ignore[assignment]
        self.first = self.i18n.current_language
        self.languages = [language for language in self.i18n.build_languages if language != self.first]
        # This process builds the last share after the first language: the forked processes
        # start as the first language's build begins.
        self.shares = shares_besides(self.first, self.languages, processes)
        self.own_built = own_built
        self.dirty = "--dirty" in sys.argv or "--dirtyreload" in sys.argv
        self.filter = I18nLoggingFilter()
        self.filter.filtered_prefixes.update({"Documentation built in", "Building documentation to directory"})
        self.clean_directory = utils.clean_directory
        self.workers: list[tuple[Any, Connection]] = []
        # While this process builds its share: a failure there is told to the plugin
        # (on_build_error) before the others are gathered, which they must be first.
        self.running = False
        self.entries = 0  # search entries once every language is built
        self.sitemap: dict[str, list[SitemapFile]] = {}  # the forked processes' languages

    def worth_it(self) -> bool:
        return can_fork() and len(self.shares) > 1 and not self.i18n.building

    def start(self) -> None:
        """While the first language is built (its files just listed, the site folder emptied):
        every share but the last begun in a process of its own."""
        context = multiprocessing.get_context("fork")
        sys.stdout.flush()
        sys.stderr.flush()
        for share in self.shares[:-1]:
            self.workers.append(self.fork(context, share))

    def run(self) -> None:
        """After the first language: this process's share built, then the others' gathered;
        the i18n plugin's post_build then finds its loop done."""
        self.begin()
        self.i18n.extend_search_entries(self.config)  # the first language's, as the i18n plugin's loop begins
        self.running = True
        try:
            self.build_in_turn(self.shares[-1])
            self.own_built()
        finally:
            # The others are gathered even when this share failed: built in turn, their
            # languages come first, and so would their faults and warnings.
            try:
                for share, (process, receiving) in zip(self.shares, self.workers):
                    self.gather(share, process, receiving)
            finally:
                self.running = False
        self.workers = []
        self.entries = len(self.i18n.search_entries)
        shown = [*self.shares[:-1], [self.first, *self.shares[-1]]]
        log.info(f"Languages built side by side in {len(shown)} processes: "
                 f"{'; '.join(', '.join(share) for share in shown)}")

    def begin(self) -> None:
        """What the i18n plugin's post_build sets up before its loop."""
        self.i18n.building = True
        logging.getLogger("mkdocs.commands.build").addFilter(self.filter)
        # Every language builds into the one site folder: none may empty it.
        utils.clean_directory = lambda directory: None

    def finish(self, env: Environment, files: Files, nav: Navigation) -> None:
        """What the i18n plugin's post_build does after its loop, and the build left as it was:
        the sitemap of every language, written as the last language's build (its `env`,
        `files` and `nav`) wrote it. The search feature splits every language's entries into
        indexes of their own next: the index of the whole site is not written to be read back."""
        # The i18n plugin's post_build, finding the loop done, has added the entries of the
        # last build it saw, the last language's, once more.
        del self.i18n.search_entries[self.entries:]
        pages = self.i18n.i18n_files_per_language
        every = {language: pages[language] if language in pages else self.sitemap[language]
                 for language in [self.first, *self.languages]}  # in the order the i18n plugin builds them
        pages.clear()
        pages.update(every)
        try:
            _build_theme_template(SITEMAP, env, files, self.config, nav)
        finally:
            self.undo()

    def undo(self) -> None:
        """The build left as it was before `start`: after the loop, or after a failed build."""
        for process, _ in self.workers:
            process.terminate()
            process.join()
        utils.clean_directory = self.clean_directory
        logging.getLogger("mkdocs.commands.build").removeFilter(self.filter)
        self.i18n.building = False

    def build_in_turn(self, languages: list[str]) -> None:
        for language in languages:
            self.i18n.current_language = language
            build(self.config, dirty=self.dirty)

    def fork(self, context: Any, share: list[str]) -> tuple[Any, Connection]:
        receiving, sending = context.Pipe(duplex=False)
        process = context.Process(target=self.build_share, args=(share, sending), daemon=True)
        process.start()
        sending.close()
        return process, receiving

    def build_share(self, share: list[str], sending: Connection) -> None:
        """In a forked process: `share` built, then everything the parent needs sent back:
        ("log", records), ("entries", a part of the search entries), ("sitemap", a language,
        its pages), and last ("done", the error that stopped it or None)."""
        self.workers = []  # the processes forked before this one are not this one's to stop
        self.begin()
        kept = _Keep()
        for logger in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]:
            if isinstance(logger, logging.Logger):
                logger.handlers, logger.propagate = [], True
        logging.getLogger().addHandler(kept)
        before, error = len(self.i18n.search_entries), None
        try:
            self.build_in_turn(share)
        except Abort as stopped:
            error = str(stopped)
        except Exception as fault:  # a fault of the build's code, shown as it would be in one process
            traceback.print_exc()
            error = f"{type(fault).__name__}: {fault}"
        sending.send(("log", kept.records))  # first: whatever comes after, the log is told
        if error is None:
            entries = self.i18n.search_entries
            for start in range(before, len(entries), ENTRIES_AT_ONCE):
                sending.send(("entries", entries[start:start + ENTRIES_AT_ONCE]))
            for language in share:
                pages = [SitemapFile.of(file) for file in self.i18n.i18n_files_per_language[language]]
                sending.send(("sitemap", (language, pages)))
        sending.send(("done", error))
        sending.close()

    def gather(self, share: list[str], process: Any, receiving: Connection) -> None:
        """A share's log told here, as if it had been built here, its search entries added to
        the others' and its pages to the sitemap's; its failure is the build's."""
        while True:
            try:
                kind, data = receiving.recv()
            except EOFError:
                process.join()
                raise Abort(f"The build of {', '.join(share)} stopped (exit code {process.exitcode})") from None
            if kind == "entries":
                self.i18n.search_entries.extend(data)
            elif kind == "sitemap":
                language, pages = data
                self.sitemap[language] = pages
            elif kind == "log":
                for record in data:
                    logging.getLogger(record.name).handle(record)
            elif kind == "done":
                break
        process.join()
        if data is not None:
            raise Abort(data)
