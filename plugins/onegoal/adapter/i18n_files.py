"""The i18n plugin's work on a language build's files that does not depend on the language
being built, done once per build instead of once per language."""

from __future__ import annotations

from typing import Any, Callable

from mkdocs.structure.files import File

CreateFile = Callable[..., File]


def alternates_once(i18n: Any) -> None:
    """Every language build works out each page's address in every language (its alternates:
    the language menu, the sitemap), and the i18n plugin makes a file for each of them anew,
    though an address depends on the page and its language, not on the build: 7 languages
    made 7 times over. Here each is made once per build, for the same source and language,
    and shared: an alternate is only read (its address), never changed or built."""
    made: dict[tuple[str, str, str], File] = {}
    work_out = type(i18n).reconfigure_files_alternates

    def reconfigure_files_alternates(src_uris: Any, alternate_src_uris: Any, config: Any, create: CreateFile) -> None:
        def made_once(file: File, language: str, *rest: Any) -> File:
            key = (file.src_uri, file.dest_uri, language)
            if key not in made:
                made[key] = create(file, language, *rest)
            return made[key]

        work_out(i18n, src_uris, alternate_src_uris, config, made_once)

    i18n.reconfigure_files_alternates = reconfigure_files_alternates
