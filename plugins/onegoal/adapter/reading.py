"""The library read once per build, through the content core, into the build's state. A
build stops on problems and names them all; a preview goes on with the last library that
had none and shows the problems on every page."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from onegoal.adapter.mkdocs_config import preview_only, site_languages, source_pages, theme_dirs
from onegoal.adapter.state import BuildState
from onegoal.checks.pipeline import Content, SymbolicLinks, UnsafeContent, load_content
from onegoal.content.glossary import Glossary
from onegoal.content.model import Library
from onegoal.content.pages import nav_tree, page_specs
from onegoal.content.problems import ContentError
from onegoal.content.rendering import MarkdownSetup
from onegoal.content.translation import Fallbacks

log = get_plugin_logger(__name__)

GLOSSARY_PAGE = "glossary.md"

# While previewing, MkDocs reads the configuration, and so makes the plugin, anew for every
# rebuild: what lasts from one to the next lives here, by manuals folder.
_LAST_GOOD: dict[Path, Content] = {}


def read(build: BuildState, config: MkDocsConfig) -> None:
    """The library, its glossary and its pages into `build`; the navigation if mkdocs.yml has none."""
    build.manuals_dir = Path(config.config_file_path).parent / build.config.manuals_dir
    languages, source = site_languages(config)
    build.fallbacks = read_fallbacks(build, languages, source)
    content = read_content(build, config, languages, source)
    build.library, build.glossary = content.library, content.glossary
    build.specs = page_specs(build.library)
    if config.nav is None:
        config.nav = nav_tree(build.library, source_pages(Path(config.docs_dir)), build.config.editors_folder,
                              GLOSSARY_PAGE if build.glossary.terms else None)
    if build.config.preview_language:
        preview_only(config, build.config.preview_language)


def read_content(build: BuildState, config: MkDocsConfig, languages: list[str], source: str) -> Content:
    """The content, checked. A symbolic link stops the preview too: MkDocs would follow it
    when it gathers the docs folder."""
    try:
        preview = build.config.preview_language
        content = load_content(build.manuals_dir, Path(config.docs_dir), languages, source, build.fallbacks,
                               MarkdownSetup.of(config.markdown_extensions, config.mdx_configs),
                               build.config.audiences, build.config.include, build.config.skip_languages,
                               [source, preview] if preview in languages else None, theme_dirs(config),
                               processes=build.processes)
    except SymbolicLinks as error:  # never followed, not even by the preview
        raise PluginError(error.report()) from None
    except ContentError as error:
        if not build.serving:
            raise PluginError(error.report()) from None
        # Shown on every page; a warning would stop a strict build, and the preview with it.
        log.info(error.report())
        build.problems = [str(problem) for problem in error.problems]
        build.unsafe = error.unsafe if isinstance(error, UnsafeContent) else frozenset()
        content = _LAST_GOOD.get(build.manuals_dir, Content(Library((), source, tuple(languages)), Glossary()))
    _LAST_GOOD[build.manuals_dir] = content
    return content


def read_fallbacks(build: BuildState, languages: list[str], source: str) -> Fallbacks:
    for language, chain in build.config.fallbacks.items():
        if not isinstance(chain, list) or any(lang not in languages for lang in [language, *chain]):
            raise PluginError(f"mkdocs.yml: onegoal fallbacks: '{language}: {chain}' must name a site "
                              f"language and a list of site languages ({', '.join(languages)}).")
    return Fallbacks(build.config.fallbacks, source)
