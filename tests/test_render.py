"""The rendered page: offline HTML that headless Chromium shows with every mention, its
label and canonical entity, and the entity list with aliases."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html import escape as html_escape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from entityx.errors import InputError
from entityx.exporters.render import render_html
from entityx.models import Document, Entity, Mention, SentenceSpan

FIXTURE = Path(__file__).parent / "data" / "export" / "lavrov_kim_wonsan.document.json"


def reference() -> Document:
    return Document.model_validate_json(FIXTURE.read_text(encoding="utf-8"))


class Page(HTMLParser):
    """Collects the marks (mention, label, canonical name), entity rows and resource refs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[dict[str, str]] = []
        self.rows: list[dict[str, object]] = []
        self.resources: list[tuple[str, str, str]] = []
        self.scripts = 0
        self._stack: list[tuple[str, str]] = []  # (tag, class)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "script":
            self.scripts += 1
        for key in ("src", "srcset", "data"):
            if key in a:
                self.resources.append((tag, key, a[key]))
        if tag == "link" or (tag in {"iframe", "object", "embed", "img"}):
            self.resources.append((tag, "href", a.get("href", "")))
        if tag == "mark":
            self.marks.append(
                {
                    "label_attr": a.get("data-label", ""),
                    "title": a.get("title", ""),
                    "text": "",
                    "label": "",
                    "name": "",
                }
            )
        if tag == "tr" and a.get("id", "").startswith("entity-"):
            self.rows.append({"id": a["data-entity"], "aliases": [], "name": "", "label": ""})
        self._stack.append((tag, a.get("class", "")))

    def handle_endtag(self, tag: str) -> None:
        while self._stack and self._stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        tags = [t for t, _ in self._stack]
        classes = [c for _, c in self._stack]
        if "mark" in tags and self.marks:
            mark = self.marks[-1]
            key = {"entity-label": "label", "entity-name": "name"}.get(classes[-1], "text")
            mark[key] += data
        elif "tr" in tags and self.rows and "tbody" in tags:
            row = self.rows[-1]
            if tags[-1] == "li":
                row["aliases"].append(data)  # type: ignore[attr-defined]
            elif classes[-1] == "name":
                row["name"] = str(row["name"]) + data
            elif tags[-1] == "span" and "label" in classes:
                row["label"] = data


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def check_page(html: str, doc: Document) -> None:
    page = parse(html)
    assert page.scripts == 0
    assert page.resources == [], "the page must not load anything"
    names = {e.id: e.name for e in doc.entities}
    got = [(m["text"].strip(), m["label"].strip(), m["name"].strip()) for m in page.marks]
    want = [(m.text, m.label, f"→ {names[m.entity_id]}") for m in doc.mentions]
    assert got == want
    assert all(
        m["title"].endswith(n.strip("→ ")) for m, (_, _, n) in zip(page.marks, want, strict=True)
    )
    rows = {r["id"]: r for r in page.rows}
    assert set(rows) == set(names)
    for e in doc.entities:
        assert rows[e.id]["name"] == e.name and rows[e.id]["label"] == e.label
        assert rows[e.id]["aliases"] == list(e.aliases)


def test_reference_page_static() -> None:
    doc = reference()
    html = render_html(doc)
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "http://" not in html.split("<tbody>")[0].replace("http-equiv", "")
    check_page(html, doc)


def hostile_doc() -> Document:
    name = '<script>alert("x")</script> & Ά\u0301 😀'
    text = f"Before {name} after.\nSecond line."
    start = text.index(name)
    return Document(
        id="hostile",
        text=text,
        sentences=(SentenceSpan(start=0, end=len(text)),),
        mentions=(
            Mention(
                text=name,
                start=start,
                end=start + len(name),
                label="ORG",
                entity_id='id "<x>"',
                sentence=0,
            ),
        ),
        entities=(
            Entity(
                id='id "<x>"',
                name='Canon <i>"&',
                label="ORG",
                aliases=(name, "a;b"),
                mention_count=1,
            ),
        ),
    )


def test_hostile_names_are_text_not_markup() -> None:
    doc = hostile_doc()
    html = render_html(doc)
    assert "<script>" not in html and "<i>" not in html
    check_page(html, doc)


def test_render_needs_text() -> None:
    doc = reference().model_copy(update={"text": None})
    with pytest.raises(InputError, match="no text"):
        render_html(doc)


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    if os.environ.get("CI") == "true":
        pytest.fail("Chromium is missing, but CI must run the browser test (.ci/run installs it)")
    pytest.skip("Chromium not installed (apt-get install chromium); CI runs this test")


def run_chromium(page: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    argv = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
        page.as_uri(),
    ]
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, check=True)


@pytest.mark.slow
@pytest.mark.parametrize("make", [reference, hostile_doc], ids=["reference", "hostile"])
def test_chromium_shows_the_page(make: object, tmp_path: Path) -> None:
    doc = make()  # type: ignore[operator]
    page = tmp_path / "page.html"
    page.write_text(render_html(doc), encoding="utf-8")
    dom = run_chromium(page, tmp_path, "--dump-dom").stdout
    assert "<mark" in dom
    check_page(dom, doc)  # what the browser built from the page, not just our string
    shot = tmp_path / "shot.png"
    run_chromium(page, tmp_path, f"--screenshot={shot}", "--window-size=1200,900")
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


@pytest.mark.parametrize(
    "link",
    [
        "javascript://%0aalert(document.domain)",
        "JavaScript://x%0Aalert(1)",
        "vbscript://x",
        "file:///etc/passwd",
        "data://text/html,<script>alert(1)</script>",
    ],
)
def test_only_http_links_are_clickable(link: str) -> None:
    base = reference()
    lavrov = base.entity("Sergey Lavrov")
    hostile = lavrov.model_copy(update={"same_as": (link, "https://example.org/50%off")})
    entities = tuple(hostile if e.id == lavrov.id else e for e in base.entities)
    html = render_html(base.model_copy(update={"entities": entities}))
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert all(h.startswith(("#", "https://", "http://")) for h in hrefs), hrefs
    assert "https://example.org/50%25off" in hrefs  # made a valid IRI, still a link
    assert html_escape(link) in html  # shown as text, escaped
    assert "<script>alert" not in html
