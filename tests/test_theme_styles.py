"""The theme's style sheet cut to the classes and ids the site's pages use."""

from __future__ import annotations

from pathlib import Path

from onegoal.web.theme_styles import cut_sheet, cut_theme_styles, read_sheet, read_theme_sheet

SHEET = (":root{--used:1px;--chained:var(--used);--unused:2px}"
         ".kept,.gone{margin:var(--chained)}.gone{color:red}#here:not(.gone){padding:0}"
         "@media screen{.kept>.inner{border:0}.gone{border:1px}}@font-face{font-family:x}")


def test_only_rules_that_can_match_and_the_custom_properties_they_use_are_kept() -> None:
    cut = cut_sheet(read_sheet(SHEET), {"kept", "inner"}.__contains__, {"here"}.__contains__)
    assert cut == (":root{--used:1px;--chained:var(--used)}.kept{margin:var(--chained)}#here:not(.gone){padding:0}"
                   "@media screen{.kept>.inner{border:0}}@font-face{font-family:x}")


def test_a_sheet_read_early_is_used_only_if_the_site_s_copy_is_the_same(tmp_path: Path) -> None:
    sheets = tmp_path / "assets" / "stylesheets"
    sheets.mkdir(parents=True)
    (tmp_path / "index.html").write_text('<p class="kept">', encoding="utf-8")
    early = tmp_path / "early.css"
    early.write_text(".kept{color:blue}", encoding="utf-8")
    (sheets / "main.0123abcd.min.css").write_text(".kept{color:green}.gone{color:red}", encoding="utf-8")
    cut_theme_styles(tmp_path, read_theme_sheet(early))
    [written] = [path for path in sheets.glob("main.*.css")]
    assert written.read_text(encoding="utf-8") == ".kept{color:green}"
