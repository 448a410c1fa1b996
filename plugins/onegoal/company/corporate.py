"""A company's own copy of the corporate manuals: `onegoal corporate --brand brand.yml`.

The copy is the library's own build with another configuration: only the manuals in
manuals/corporate/, a home page for the company with its contact person, the company's
name and logo on every page and on the covers of the PDFs, its colour, in the languages
its brand file names. It is written to site-corporate/ (replaced only when the build
succeeds) and packed as site-corporate.zip.
"""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from onegoal.company.brand import Brand
from onegoal.company.siteconfig import read_config, write_config
from onegoal.content.model import CORPORATE_FOLDER

BRAND_ASSETS = "assets/brand"
# Written by the plugin after the build: the copy's docs folder, like any, holds pages and pictures only.
BRAND_CSS = f"{BRAND_ASSETS}/brand.css"


class CopyFailed(Exception):
    """The build of the copy failed; its messages are in the exception."""


def build_copy(config_file: Path, brand: Brand, source: str, out: Path) -> Path:
    """Build the copy into `out` and pack it as `out`.zip; returns the zip's path."""
    out = out.resolve()  # MkDocs reads a relative site folder from its config's folder, a temporary one
    base = read_config(config_file.read_text(encoding="utf-8"))
    project = config_file.parent.resolve()
    with tempfile.TemporaryDirectory(prefix="onegoal-corporate-") as work_dir:
        work = Path(work_dir)
        config = copy_config(base, project, brand, work)
        write_docs(work / "docs", brand, source)
        (work / "mkdocs.yml").write_text(write_config(config), encoding="utf-8")
        staged = out.with_name(out.name + ".new")
        shutil.rmtree(staged, ignore_errors=True)
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(work / "mkdocs.yml"), "-d", str(staged)],
            capture_output=True, text=True, check=False, cwd=project,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        if result.returncode != 0:
            shutil.rmtree(staged, ignore_errors=True)
            raise CopyFailed(result.stderr)
    shutil.rmtree(out, ignore_errors=True)
    staged.rename(out)
    archive = shutil.make_archive(str(out), "zip", root_dir=out.parent, base_dir=out.name)
    return Path(archive)


def copy_config(base: dict[str, Any], project: Path, brand: Brand, work: Path) -> dict[str, Any]:
    """The library's configuration, made into the company's copy."""
    config = copy.deepcopy(base)
    config["site_name"] = f"{brand.name} – OneGoal"
    config["docs_dir"] = str(work / "docs")
    config.pop("site_url", None)
    config["theme"]["custom_dir"] = str(project / config["theme"].get("custom_dir", "overrides"))
    config["theme"]["logo"] = f"{BRAND_ASSETS}/logo{brand.logo.suffix.lower()}"
    if brand.color:
        config["extra_css"] = [*config.get("extra_css", []), BRAND_CSS]
    skipped: list[str] = []
    for entry in config["plugins"]:
        if not isinstance(entry, dict):
            continue
        if "i18n" in entry:
            languages = entry["i18n"]["languages"]
            entry["i18n"]["languages"] = [lang for lang in languages if lang["locale"] in brand.languages]
            skipped = [lang["locale"] for lang in languages if lang["locale"] not in brand.languages]
        if "onegoal" in entry:
            entry["onegoal"] = onegoal_settings(entry["onegoal"] or {}, project, brand)
    for entry in config["plugins"]:
        if isinstance(entry, dict) and "onegoal" in entry:
            entry["onegoal"]["skip_languages"] = skipped
    return config


def onegoal_settings(settings: dict[str, Any], project: Path, brand: Brand) -> dict[str, Any]:
    fallbacks = {language: [lang for lang in chain if lang in brand.languages]
                 for language, chain in (settings.get("fallbacks") or {}).items() if language in brand.languages}
    return {
        **settings,
        "manuals_dir": str(project / settings.get("manuals_dir", "manuals")),
        "include": [CORPORATE_FOLDER],
        "fallbacks": fallbacks,
        "organisation": {"name": brand.name, "logo": f"{BRAND_ASSETS}/logo{brand.logo.suffix.lower()}",
                         "color": brand.color},
        "contact": {"name": brand.contact.name, "email": brand.contact.email, "phone": brand.contact.phone},
        "pdf_cache": str(project / settings.get("pdf_cache", ".cache/pdf")),
    }


def write_docs(docs: Path, brand: Brand, source: str) -> None:
    """The copy's own pages: a home page per language, and the logo."""
    assets = docs / BRAND_ASSETS
    assets.mkdir(parents=True)
    shutil.copyfile(brand.logo, assets / f"logo{brand.logo.suffix.lower()}")
    home = "---\ntemplate: onegoal/home.html\ntitle: OneGoal\nhide:\n  - toc\n---\n"
    for language in brand.languages:
        suffix = "" if language == source else f".{language}"
        (docs / f"index{suffix}.md").write_text(home, encoding="utf-8")
