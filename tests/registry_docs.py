"""Documents built by hand for the registry tests: one PERSON mention per entity."""

from __future__ import annotations

from entityx.models import Document, Entity, Mention

# entity id, surface, kb id[, link score]
Spec = tuple[str, str, str | None] | tuple[str, str, str | None, float | None]


def person_doc(doc_id: str, *entities: Spec) -> Document:
    """A Document whose text is the surfaces joined by spaces, one mention and one entity
    per ``(entity id, surface, kb id[, link score])``."""
    text = " ".join(spec[1] for spec in entities)
    mentions, ents, start = [], [], 0
    for spec in entities:
        eid, surface, kb_id = spec[:3]
        score = spec[3] if len(spec) > 3 else None
        end = start + len(surface)
        mentions.append(
            Mention(text=surface, start=start, end=end, label="PERSON", entity_id=eid, sentence=0)
        )
        ents.append(
            Entity(
                id=eid,
                name=surface,
                label="PERSON",
                aliases=(surface,),
                mention_count=1,
                kb_id=kb_id,
                link_score=score,
            )
        )
        start = end + 1
    return Document(id=doc_id, text=text, mentions=tuple(mentions), entities=tuple(ents))
