"""A self-contained HTML picture of one Document: highlighted mentions and its entities.

The text is rendered by spaCy's displaCy (``style="ent"``, manual mode) with a template that
shows each mention's label *and* its canonical entity name (also in the ``title`` tooltip);
below it, a table lists each entity with its label, aliases, mention count and sameAs links.
The page is fully offline: inline CSS, system fonts, no scripts, and a Content-Security-Policy
that forbids loading anything from anywhere.
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .._counts import plural
from .._files import read_text
from ..errors import InputError
from ..models import Document
from ._source import first_error
from .graph import language_of
from .iri import is_web_iri
from .rdf import same_as_uri

__all__ = ["LABEL_COLORS", "render_html", "source_document"]

LABEL_COLORS = {"PERSON": "#aa9cfc", "LOC": "#ff9561", "ORG": "#7aecec", "MISC": "#e4e7d2"}
LABEL_NAMES = {"PERSON": "person", "LOC": "place", "ORG": "organisation", "MISC": "other"}

# displaCy fills {bg}, {text} (escaped by displaCy), {label} and our pre-escaped params.
_MARK = (
    '<mark class="entity" data-label="{label}" data-entity="{entity}" title="{title}" '
    'style="background: {bg}; padding: 0.3em 0.45em; margin: 0 0.2em; line-height: 1; '
    'border-radius: 0.35em; box-decoration-break: clone; -webkit-box-decoration-break: clone;">'
    "{text}"
    '<span class="entity-label" style="font-size: 0.7em; font-weight: bold; '
    'margin-left: 0.4em; vertical-align: middle">{label}</span>'
    '<a class="entity-name" href="#{anchor}" style="font-size: 0.75em; margin-left: 0.3em; '
    'color: #333; text-decoration: none; vertical-align: middle">→ {canonical}</a></mark>'
)

_CSS = """
body { font-family: system-ui, "DejaVu Sans", "Noto Sans", "Liberation Sans", sans-serif;
       font-size: 16px; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.legend span { padding: 0.15em 0.5em; border-radius: 0.3em; margin-right: 0.5em; }
#text { border: 1px solid #ddd; border-radius: 0.5em; padding: 1rem 1.25rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #e4e4e4;
         padding: 0.35em 0.5em; }
td.label span { padding: 0.1em 0.45em; border-radius: 0.3em; font-size: 0.8em;
                font-weight: bold; }
ul.aliases { margin: 0; padding-left: 1.1em; }
footer { margin-top: 2rem; color: #777; font-size: 0.8em; }
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _chip(label: str) -> str:
    color = LABEL_COLORS.get(label, "#ddd")
    return f'<span style="background: {color}">{escape(label)}</span>'


def _text_markup(doc: Document, text: str) -> str:
    from spacy import displacy

    names = {e.id: e.name for e in doc.entities}
    anchors = {e.id: f"entity-{i}" for i, e in enumerate(doc.entities, start=1)}
    spans: list[dict[str, Any]] = []
    last_end = -1
    for m in sorted(doc.mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if m.start < last_end or m.end > len(text):
            continue  # displaCy cannot draw overlapping or out-of-range spans
        last_end = m.end
        canonical = names.get(m.entity_id, m.entity_id)
        spans.append(
            {
                "start": m.start,
                "end": m.end,
                "label": m.label,
                "params": {
                    "entity": escape(m.entity_id),
                    "canonical": escape(canonical),
                    "title": escape(f"{m.label}: {canonical}"),
                    "anchor": anchors.get(m.entity_id, "entities"),
                },
            }
        )
    parsed = {"text": text, "ents": spans, "title": None}
    options = {"colors": LABEL_COLORS, "template": _MARK}
    markup = displacy.render(parsed, style="ent", manual=True, page=False, options=options)
    return str(markup)


def _entity_rows(doc: Document) -> str:
    rows = []
    for i, e in enumerate(doc.entities, start=1):
        aliases = "".join(f"<li>{escape(a)}</li>" for a in e.aliases)
        links: dict[str, str] = {}  # one entry per target
        for value in (*e.same_as, *([e.kb_id] if e.kb_id else [])):
            uri = same_as_uri(value)
            shown = escape(value)
            key = str(uri) if uri is not None else value
            # Only http(s) becomes a link: javascript:, data:, file: ... stay inert text.
            web = uri is not None and is_web_iri(key)
            if key not in links:
                links[key] = f'<a href="{escape(key)}">{shown}</a>' if web else shown
        rows.append(
            f'<tr id="entity-{i}" data-entity="{escape(e.id)}">'
            f'<td class="label">{_chip(e.label)}</td>'
            f'<td class="name">{escape(e.name)}</td>'
            f'<td><ul class="aliases">{aliases}</ul></td>'
            f'<td class="count">{e.mention_count}</td>'
            f"<td>{'<br>'.join(links.values())}</td></tr>"
        )
    return "\n".join(rows)


def render_html(document: Document, *, title: str | None = None) -> str:
    """The document as one offline HTML page (needs ``document.text``)."""
    if document.text is None:
        raise InputError(
            f"document {document.id or '(no id)'} has no text (tagged with --no-text?); "
            "render needs the text: tag again without --no-text or render the source file."
        )
    title = title or document.id or "entityx"
    legend = "".join(
        f'<span style="background: {c}">{lab} ({LABEL_NAMES[lab]})</span>'
        for lab, c in LABEL_COLORS.items()
    )
    model = document.model
    made_by = f" with {escape(model.name)} {escape(model.version)}" if model else ""
    found = (
        f"{plural(len(document.mentions), 'mention')} of {plural(len(document.entities), 'entity')}"
    )
    return f"""<!DOCTYPE html>
<html lang="{language_of(document.text) or "und"}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>{escape(title)}</h1>
<p class="legend">{legend}</p>
<article id="text">{_text_markup(document, document.text)}</article>
<section id="entities">
<h2>Entities ({len(document.entities)})</h2>
<table>
<thead><tr><th>Label</th><th>Entity</th><th>Aliases</th><th>Mentions</th><th>Same as</th></tr>
</thead>
<tbody>
{_entity_rows(document)}
</tbody>
</table>
</section>
<footer>{found}, found by entityx{made_by}.</footer>
</body>
</html>
"""


def source_document(file: str | os.PathLike[str], *, model: str | None = None) -> Document:
    """The Document to render from ``file``: a Document ``.json`` as is, else the text of the
    file run through :func:`entityx.api.extract` (the model loads only then)."""
    path = Path(file)
    data = read_text(path)
    if path.suffix == ".json":
        try:
            return Document.model_validate_json(data)
        except ValidationError as exc:
            raise InputError(
                f"{path}: not an entityx Document ({first_error(exc)}); "
                "pass a text file, or the JSON of `entityx extract --json`."
            ) from None
    from ..api import extract

    document = extract(data, model=model)
    return document if document.id else document.model_copy(update={"id": path.name})
