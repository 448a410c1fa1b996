"""Writes small, valid manual folders for tests to break one thing at a time."""

from __future__ import annotations

import functools
import tempfile
from dataclasses import dataclass
from pathlib import Path

from onegoal.editors.settings import site_settings
from onegoal.content.loader import load_library
from onegoal.content.model import Library

REPO = Path(__file__).resolve().parent.parent

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
reviewed: {{by: Fixture Reviewer, date: 2026-11-27, source_version: 2}}
---
## What happens

Text for step {number}.
"""

LANGUAGES = ("sv", "en")
# Translations not marked draft have been read against their source by a native speaker.
REVIEWER = "Fixture Reviewer"


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


# -- a whole fixture library: the site the build, language and browser tests run on ----------
#
# Three manuals in three audiences, in every language of the site's settings, with
# translations in every state. Tests read names and counts from here, never from the
# shipped manuals, which editors change.

WORDS = {
    # language: (heading, sentence, item)
    "sv": ("Vad händer", "Här står vad ni gör i steget och varför.", "Punkt {n}"),
    "en": ("What happens", "This is what you do in the step and why.", "Item {n}"),
    "ar": ("ماذا يحدث", "هنا ما تفعلانه في هذه الخطوة ولماذا.", "البند {n}"),
    "fa-AF": ("چه می‌شود", "اینجا نوشته شده که در این قدم چه می‌کنید و چرا.", "مورد {n}"),
    "so": ("Maxaa dhaca", "Halkan waxaa ku qoran waxa aad samaynaysaan iyo sababta.", "Qodob {n}"),
    "ti": ("እንታይ ይኸውን", "ኣብዚ ስጉምቲ እንታይ ከም እትገብሩን ስለምንታይን እዚ እዩ።", "ነጥቢ {n}"),
    "uk": ("Що відбувається", "Тут написано, що ви робите на цьому кроці і чому.", "Пункт {n}"),
}

TITLES = {
    "hello": {"sv": "Hej och välkommen", "en": "Hello and welcome", "ar": "مرحبا بك في البرنامج",
              "fa-AF": "سلام و خوش آمدید", "so": "Salaan iyo soo dhawoow", "ti": "ሰላምታን እንቋዕ ደሓን መጻእክን",
              "uk": "Привіт і ласкаво просимо"},
    "profile": {"sv": "Din yrkesprofil", "en": "Your work profile", "ar": "ملفك المهني الشخصي",
                "fa-AF": "پروفایل کاری شما", "so": "Astaanta shaqadaada", "ti": "ናይ ስራሕ መግለጺኺ",
                "uk": "Твій робочий профіль"},
    "search": {"sv": "Sök jobb", "en": "Look for work", "ar": "ابحثي عن عمل", "fa-AF": "کار پیدا کنید",
               "so": "Raadi shaqo", "ti": "ስራሕ ድለዪ", "uk": "Шукай роботу"},
    "work": {"sv": "På jobbet", "en": "At work", "ar": "في مكان العمل", "fa-AF": "در محل کار",
             "so": "Goobta shaqada", "ti": "ኣብ ቦታ ስራሕ", "uk": "На роботі"},
    "start": {"sv": "Starten", "en": "The start", "ar": "البداية"},
    "plan": {"sv": "Planen", "en": "The plan", "ar": "الخطة"},
    "meet": {"sv": "Mötet", "en": "The meeting"},
    "finish": {"sv": "Avslutet", "en": "The end"},
    "approval": {"sv": "Chefens ja", "en": "The manager's approval"},
    "hours": {"sv": "Timmarna", "en": "The hours"},
}

MANUAL_TITLES = {
    "reader": {"sv": "Läsarens manual", "en": "The reader's manual", "ar": "دليل القارئة",
               "fa-AF": "رهنمای خواننده", "so": "Buugga akhristaha", "ti": "መምርሒ ኣንባቢት",
               "uk": "Посібник читачки"},
    "guide": {"sv": "Guidens manual", "en": "The guide's manual", "ar": "دليل المرشدة"},
    "staff": {"sv": "Personalens manual", "en": "The staff manual"},
}


@dataclass(frozen=True)
class FixtureManual:
    """One manual of the fixture library: where it lives and what it holds."""

    id: str
    folder: str
    audience: str
    steps: tuple[str, ...]
    items: int
    # step -> languages it is translated into (the source is always there)
    translations: dict[str, tuple[str, ...]]
    extra_yaml: str = ""


ALL = ("en", "ar", "fa-AF", "so", "ti", "uk")

READER = FixtureManual("reader", "reader", "candidate", ("hello", "profile", "search", "work"), 5,
                       {step: ALL for step in ("hello", "profile", "search", "work")})
GUIDE = FixtureManual("guide", "guide", "agent", ("start", "plan", "meet", "finish"), 4,
                      {"start": ("en", "ar"), "plan": ("en", "ar"), "meet": ("en",), "finish": ("en",)},
                      extra_yaml=(
                          "pairs:\n  manual: reader\n  steps:\n    start: hello\n    plan: profile\n"
                          "    meet: search\n    finish: work\n"
                          "moved:\n  steps:\n    old-start: start\n  checklist:\n    plan/old-item: plan/item-1\n"
                          "withdrawn:\n  steps:\n    - gone\n  checklist:\n    - meet/dropped\n"))
STAFF = FixtureManual("staff", "corporate/staff", "company", ("approval", "hours"), 4,
                      {"approval": ("en",), "hours": ("en",)})
FIXTURE_MANUALS = (GUIDE, READER, STAFF)

# The states the fixture's translations are in, besides ok:
OUTDATED = {("guide", "plan", "en")}          # source_version below the source's version
DRAFTS = {("guide", "plan", "ar"), ("reader", "work", "so")}
LAGGING = {("guide", "meet", "en")}           # lacks the source's last checklist item
PROPOSALS = {("reader", "search")}          # not yet approved by WOW
LONG_STEPS = {"finish", "hours"}              # more than a sheet of text: the print breaks inside them


def fixture_manual_yml(manual: FixtureManual) -> str:
    titles = MANUAL_TITLES[manual.id]
    lines = [f"id: {manual.id}", f"audience: {manual.audience}", 'version: "1.1"', "title:"]
    lines += [f'  {lang}: "{text}"' for lang, text in titles.items()]
    lines += ["description:"] + [f'  {lang}: "{text}: {WORDS[lang][1]}"' for lang, text in titles.items()]
    lines += ["steps:"] + [f"  - {step}" for step in manual.steps]
    text = "\n".join(lines) + "\n" + manual.extra_yaml
    return text + ("changelog:\n"
                   '  - version: "1.1"\n    date: 2026-11-20\n    changes:\n      sv: Ett nytt steg.\n'
                   '      en: A new step.\n'
                   '  - version: "1.0"\n    date: 2026-10-01\n    changes:\n      sv: Första versionen.\n')


def fixture_step(manual: FixtureManual, step: str, language: str | None) -> str:
    lang = language or "sv"
    heading, sentence, item = WORDS[lang]
    title = TITLES[step].get(lang, TITLES[step]["en"])
    items = manual.items
    if language and (manual.id, step, language) in LAGGING:
        items -= 1
    head = [f"title: {title}", f"summary: {title}. {sentence}"]
    if language is None:
        head += ["duration: 90", "who: both", "version: 2"]
        if (manual.id, step) in PROPOSALS:
            head.append("status: proposal")
    else:
        version = 1 if (manual.id, step, language) in OUTDATED else 2
        head.insert(0, f"source_version: {version}")
        if (manual.id, step, language) in DRAFTS:
            head.append("draft: true")
        else:
            head.append(f"reviewed: {{by: {REVIEWER}, date: 2026-11-27, source_version: {version}}}")
    head += ["goals:", f'  - "{title}. {sentence}"', f"  - {item.format(n=0)}"]
    head += ["checklist:"] + [f"  - id: item-{n}\n    text: {item.format(n=n)}" for n in range(1, items + 1)]
    body = f"## {heading}\n\n{title}. {sentence}\n\n## {heading} 2\n\n{sentence}\n"
    if step in LONG_STEPS:
        body += "".join(f"\n## {heading} {n}\n\n" + " ".join([sentence] * 6) + "\n" for n in range(3, 12))
    return "---\n" + "\n".join(head) + "\n---\n" + body


DOCS = {
    "index": ("---\ntemplate: onegoal/home.html\nhide:\n  - toc\n---\n\n# {title}\n\n{sentence}\n", ALL),
    "about": ("# {title}\n\n## {heading}\n\n{sentence}\n", ("en",)),
    # Editors' pages: out of the readers' navigation and search.
    "editors/index": ("# {title}\n\n{sentence} [Translations](translations.md)\n", ("en",)),
    "editors/translations": ("---\ntemplate: onegoal/translations.html\n---\n\n# {title}\n\n{sentence}\n", ("en",)),
}


def write_library(project: Path) -> Path:
    """The fixture library's manuals/ and docs/ in `project`; returns the manuals folder."""
    manuals = project / "manuals"
    for manual in FIXTURE_MANUALS:
        folder = manuals / manual.folder
        folder.mkdir(parents=True)
        (folder / "manual.yml").write_text(fixture_manual_yml(manual), encoding="utf-8")
        for step in manual.steps:
            (folder / f"{step}.md").write_text(fixture_step(manual, step, None), encoding="utf-8")
            for language in manual.translations[step]:
                (folder / f"{step}.{language}.md").write_text(fixture_step(manual, step, language),
                                                              encoding="utf-8")
    write_glossary(manuals)
    write_docs(project)
    return manuals


GLOSSARY = {
    "terms.yml": "terms:\n"
                 "  - id: steg\n    word: steg\n    forms: [steget]\n    version: 1\n    text: En del av manualen.\n"
                 "  - id: hander\n    word: händer\n    version: 1\n    text: Det som sker.\n",
    "terms.en.yml": "draft: true\nterms:\n"
                    "  - id: steg\n    source_version: 1\n    forms: [step]\n    text: A part of the manual.\n"
                    "  - id: hander\n    source_version: 1\n    text: What takes place.\n",
    "terms.ar.yml": "draft: true\nterms:\n"
                    "  - id: steg\n    source_version: 1\n    forms: [الخطوة]\n    text: جزء من الدليل.\n",
}


def write_glossary(manuals: Path) -> None:
    """Two terms: 'steg' (in the steps' text) and 'händer' (only in their headings)."""
    folder = manuals / "glossary"
    folder.mkdir(parents=True)
    for name, text in GLOSSARY.items():
        (folder / name).write_text(text, encoding="utf-8")


def write_docs(project: Path) -> None:
    """The fixture library's docs/ pages: home, about and the editors' pages."""
    docs = project / "docs"
    docs.mkdir(exist_ok=True)
    for name, (template, languages) in DOCS.items():
        for language in ("sv", *languages):
            heading, sentence, _ = WORDS[language]
            title = f"{name.split('/')[-1].title()} {heading}"
            text = template.format(title=title, heading=heading, sentence=sentence)
            suffix = "" if language == "sv" else f".{language}"
            path = docs / f"{name}{suffix}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


@functools.cache
def fixture_library() -> Library:
    """The fixture library as the core reads it, written once per test run."""
    root = Path(tempfile.mkdtemp(prefix="onegoal-fixture-"))
    write_library(root)
    settings = site_settings(REPO / "mkdocs.yml")
    return load_library(root / "manuals", settings.languages, settings.source_language)


def remove_item(folder: Path, step: str, item: str) -> None:
    """Take a checklist item out of a step and all its translations."""
    for path in folder.glob(f"{step}.*md"):
        lines = path.read_text(encoding="utf-8").split("\n")
        index = lines.index(f"  - id: {item}")
        path.write_text("\n".join(lines[:index] + lines[index + 2:]), encoding="utf-8")
