"""The site's navigation: docs pages in the source language, then the manuals."""

from __future__ import annotations

from pathlib import Path

from onegoal.adapter.mkdocs_config import source_pages


def test_source_pages_leave_out_translations_only(tmp_path: Path) -> None:
    for name in ("index.md", "index.fa-AF.md", "about.en.md", "about.md", "v1.2.md", "guide/x.so.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# x\n", encoding="utf-8")
    assert source_pages(tmp_path) == ["about.md", "index.md", "v1.2.md"]
