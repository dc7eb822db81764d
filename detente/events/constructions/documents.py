"""Texts: laws, resolutions, statements and agreements, and the acts they enact or only describe."""

from __future__ import annotations

from detente.events.constructions.registry import construction
from detente.events.context import EventContext
from detente.events.draft import Draft
from detente.events.lexicon import NOT_AN_EVENT
from detente.events.syntax import lemma, modal
from detente.sentences.words import Word as Token


def enacted_act(ctx: EventContext, text: Token) -> bool:
    """Whether a law, decree or resolution does something the lexicon codes ("a law recognizing ...")."""
    if lemma(text) not in ctx.words.enactable:
        return False
    for clause in text.children:
        if clause.dep_ in ("acl", "relcl") and clause.pos_ == "VERB":
            found = ctx.match_verb(clause)
            if found is not None and found[0].type != NOT_AN_EVENT:
                return True
    return False


@construction("enacted-text")
def enacted_text(ctx: EventContext, draft: Draft) -> str | None:
    """Enacting a text whose own act is coded is no second event: in "parliament approved a law recognizing
    the opposition's victories" the law's recognition is the event."""
    token, obj = draft.token, draft.obj
    if lemma(token) not in ctx.words.enacting or obj is None or not enacted_act(ctx, obj):
        return None
    draft.stop("enacts a text whose own act is coded")
    return f"{obj.text!r} does what it says: its act is the event"


@construction("document-content")
def document_content(ctx: EventContext, draft: Draft) -> str | None:
    """What a resolution, plan or bill would do is its content, not an act: "backs a resolution meant to
    toughen sanctions", "signed a pact allowing troops to train"."""
    token = draft.token
    promised = draft.future or draft.hypothetical or modal(token, draft.scope)
    if not (ctx.syntax.document_content(token) or (promised and ctx.syntax.document_aim(token))):
        return None
    draft.stop("what a resolution, plan or bill would do, not an act")
    return "the content of a text"
