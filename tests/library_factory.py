"""Writes small, valid manual folders for tests to break one thing at a time."""

from __future__ import annotations

from pathlib import Path

MANUAL_YML = """\
id: {id}
audience: candidate
version: "1.0"
title:
  sv: Testmanual
  en: Test manual
description:
  sv: En manual för test.
  en: A manual for tests.
steps:
{steps}changelog:
  - version: "1.0"
    date: 2026-11-27
    changes:
      sv: Första versionen.
      en: First version.
"""

SOURCE_STEP = """\
---
title: Steg {number}
summary: Sammanfattning {number}.
duration: 90
who: both
version: 2
goals:
  - Ett mål
checklist:
  - id: first-item
    text: Första punkten
  - id: second-item
    text: Andra punkten
---
## Vad händer

Text för steg {number}.
"""

TRANSLATED_STEP = """\
---
source_version: 2
title: Step {number}
summary: Summary {number}.
goals:
  - A goal
checklist:
  - id: first-item
    text: First item
  - id: second-item
    text: Second item
---
## What happens

Text for step {number}.
"""

LANGUAGES = ("sv", "en")


def write_manual(root: Path, manual_id: str = "demo", steps: int = 3, translate: bool = True) -> Path:
    folder = root / manual_id
    folder.mkdir(parents=True)
    names = "".join(f"  - steg-{number}\n" for number in range(1, steps + 1))
    (folder / "manual.yml").write_text(MANUAL_YML.format(id=manual_id, steps=names), encoding="utf-8")
    for number in range(1, steps + 1):
        (folder / f"steg-{number}.md").write_text(SOURCE_STEP.format(number=number), encoding="utf-8")
        if translate:
            (folder / f"steg-{number}.en.md").write_text(TRANSLATED_STEP.format(number=number), encoding="utf-8")
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write_translation(folder: Path, number: int, language: str, source_version: int = 2,
                      draft: bool = False, title: str | None = None) -> Path:
    text = TRANSLATED_STEP.format(number=number).replace("source_version: 2", f"source_version: {source_version}")
    if draft:
        text = text.replace("---\nsource_version", "---\ndraft: true\nsource_version", 1)
    if title is not None:
        text = text.replace(f"title: Step {number}", f"title: {title}")
    path = folder / f"steg-{number}.{language}.md"
    path.write_text(text, encoding="utf-8")
    return path


def write_status_fixture(root: Path) -> Path:
    """A library whose translations are in every state.

    Step 1: en ok, ar ok, so draft.   Step 2: en outdated, ar draft and outdated.
    Step 3: Swedish only. Every other language: missing.
    """
    folder = write_manual(root, "demo", steps=3, translate=False)
    write_translation(folder, 1, "en", title="Step one in English")
    write_translation(folder, 1, "ar", title="الخطوة الأولى")
    write_translation(folder, 1, "so", draft=True, title="Tallaabada koowaad")
    write_translation(folder, 2, "en", source_version=1, title="Step two in English")
    write_translation(folder, 2, "ar", source_version=1, draft=True, title="الخطوة الثانية")
    return folder
