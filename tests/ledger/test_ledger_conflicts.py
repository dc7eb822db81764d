"""Conflicting reports are kept with both sources, never silently overwritten (docs/ledger.md, Conflicts)."""

from __future__ import annotations

from ledger_events import ev

from detente.ledger import build_ledger


def _diplomatic(events) -> dict:
    return next(t for t in build_ledger(events, "RUS", "GEO").to_dict()["threads"] if t["thread"] == "diplomatic")


def restored(doc: str, date: str):
    return ev(
        doc,
        0,
        date,
        "RUS+GEO",
        "",
        "AGREE",
        "restored",
        "Russia and Georgia restored diplomatic ties.",
        obj="diplomatic ties",
    )


def severed(doc: str, date: str, sentence: str = "Georgia severed diplomatic ties with Russia.", trigger="severed"):
    return ev(doc, 1, date, "GEO", "RUS", "SANCTION", trigger, sentence, obj="diplomatic ties")


def test_later_report_that_a_state_still_holds_is_a_conflict():
    t = _diplomatic(
        [
            restored("agency-a", "2013-05-01"),
            severed(
                "agency-b",
                "2013-05-10",
                "Georgia's diplomatic ties with Russia remain severed, officials said.",
            ),
        ]
    )
    assert (t["state"], t["disputed"]) == ("severed", True)
    [conflict] = t["conflicts"]
    assert conflict["kind"] == "still holds"
    assert (conflict["state"], conflict["report"]["doc_id"], conflict["report"]["date"]) == (
        "severed",
        "agency-b",
        "2013-05-10",
    )
    assert (conflict["contrary_state"], conflict["earlier"]["doc_id"], conflict["earlier"]["date"]) == (
        "restored",
        "agency-a",
        "2013-05-01",
    )
    # both sources stay in the thread's history and event list
    assert [c["state"] for c in t["history"]] == ["restored", "severed"]
    assert [e["doc_id"] for e in t["events"]] == ["agency-a", "agency-b"]


def test_two_sources_with_contrary_states_for_the_same_date_conflict():
    t = _diplomatic([severed("agency-b", "2013-05-01"), restored("agency-a", "2013-05-01")])
    [conflict] = t["conflicts"]
    # sorted by doc id within a date: agency-a's restoration first, then agency-b contradicts it
    assert (conflict["kind"], conflict["state"], conflict["contrary_state"]) == (
        "same period",
        "severed",
        "restored",
    )
    assert (conflict["earlier"]["doc_id"], conflict["report"]["doc_id"]) == ("agency-a", "agency-b")
    assert t["disputed"] is True


def test_a_later_plain_move_is_a_change_not_a_conflict():
    t = _diplomatic([restored("agency-a", "2013-05-01"), severed("agency-b", "2014-01-20")])
    assert (t["state"], t["since"], t["disputed"], t["conflicts"]) == ("severed", "2014-01-20", False, [])


def test_one_document_cannot_conflict_with_itself():
    t = _diplomatic(
        [
            restored("agency-a", "2013-05-01"),
            severed("agency-a", "2013-05-01", "But ties remain severed in practice."),
        ]
    )
    assert t["conflicts"] == []


def test_states_that_are_not_contrary_do_not_conflict():
    offered = ev(
        "agency-a",
        0,
        "2013-05-01",
        "RUS",
        "GEO",
        "AGREE",
        "offered",
        "Russia offered to restore diplomatic ties.",
        obj="diplomatic ties",
    )
    still = severed("agency-b", "2013-05-01", "Georgia's ties with Russia remain severed.")
    t = _diplomatic([offered, still])
    assert (t["state"], t["conflicts"]) == ("severed", [])


def test_a_later_agreeing_report_settles_a_dispute():
    t = _diplomatic(
        [
            restored("agency-a", "2013-05-01"),
            severed("agency-b", "2013-05-10", "Ties remain severed, the ministry said."),
            severed("agency-c", "2013-06-01", "Georgia cut diplomatic ties with Russia again.", trigger="cut"),
        ]
    )
    assert t["disputed"] is True  # agency-c confirms agency-b's state; the dispute stays on record
    assert len(t["conflicts"]) == 1
    again = _diplomatic(
        [
            restored("agency-a", "2013-05-01"),
            severed("agency-b", "2013-05-10", "Ties remain severed, the ministry said."),
            restored("agency-c", "2014-06-01"),
        ]
    )
    assert (again["state"], again["disputed"], len(again["conflicts"])) == ("restored", False, 1)


def test_conflicts_appear_in_the_text():
    from detente.ledger import build_ledger

    text = build_ledger(
        [restored("agency-a", "2013-05-01"), severed("agency-b", "2013-05-01")], "RUS", "GEO"
    ).render_text(width=400)  # the content, unwrapped
    assert "== diplomatic relations: severed since 2013-05-01, moved by GEO  DISPUTED" in text
    assert (
        "CONFLICT (same period): agency-b reports 'severed' (2013-05-01) against agency-a, "
        "which reported 'restored' (2013-05-01)"
    ) in text
