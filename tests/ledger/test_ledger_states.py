"""Every state of every thread is reached by a realistic event; hypothetical and negated ones move nothing."""

from __future__ import annotations

import pytest
from ledger_events import caucasus_events, ev

from detente.ledger import build_ledger, default_threads

D = "wire"
DAY = "2021-05-04"

# (pair, event, thread, state, qualifier)
# fmt: off
CASES = [
    (("ARM", "AZE"), ev(D, 0, DAY, "ARM+AZE", "", "AGREE", "established",
        "Armenia and Azerbaijan established diplomatic relations on Monday.", obj="diplomatic relations"),
     "diplomatic", "established", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "AZE", "ARM", "SANCTION", "broke off",
        "Azerbaijan broke off diplomatic relations with Armenia.", mode="discontinue", obj="diplomatic relations"),
     "diplomatic", "severed", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "AZE", "ARM", "SANCTION", "expelled",
        "Baku expelled the Armenian ambassador on Tuesday.", mode="expel", obj="the Armenian ambassador"),
     "diplomatic", "downgraded", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "ARM", "AZE", "AGREE", "offered",
        "Yerevan offered to restore its diplomatic ties with Baku.", obj="its diplomatic ties"),
     "diplomatic", "restoration offered", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "AZE", "ARM", "REJECT", "turned down",
        "Baku turned down the offer to resume relations.", obj="the offer"),
     "diplomatic", "restoration rejected", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "ARM+AZE", "", "AGREE", "restored",
        "The two countries restored full diplomatic relations.", obj="full diplomatic relations"),
     "diplomatic", "restored", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "AZE", "ARM", "SANCTION", "reintroduced",
        "Azerbaijan reintroduced visas for Armenian citizens.", obj="visas"),
     "visas", "visa regime imposed", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "ARM", "AZE", "CONCEDE", "simplified",
        "Armenia simplified visa rules for Azerbaijani citizens.", obj="visa rules"),
     "visas", "visa regime eased", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "ARM+AZE", "", "AGREE", "abolished",
        "The two governments abolished visas for each other's citizens on a reciprocal basis.", obj="visas"),
     "visas", "visa regime lifted", "mutual"),
    (("RUS", "GEO"), ev(D, 0, DAY, "GEO", "RUS", "CONCEDE", "scrapped",
        "Georgia scrapped visas for Russian citizens on its own.", obj="visas"),
     "visas", "visa regime lifted", "unilateral"),
    (("ARM", "AZE"), ev(D, 0, DAY, "ARM", "AZE", "AGREE", "offered",
        "Armenia offered to waive visas for Azerbaijani visitors.", obj="visas"),
     "visas", "visa lifting offered", "unilateral"),
    (("RUS", "GEO"), ev(D, 0, DAY, "RUS", "GEO", "AGREE", "ready",
        "Moscow stands ready to allow visa-free travel for Georgians on a mutual basis.",
        obj="visa-free travel", future=True),
     "visas", "visa lifting offered", "mutual"),
    (("ARM", "AZE"), ev(D, 0, DAY, "AZE", "ARM", "SANCTION", "barred",
        "Azerbaijan barred entry to Armenian nationals.", obj="Armenian nationals"),
     "visas", "travel ban imposed", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "AZE", "ARM", "CONCEDE", "lifted",
        "Azerbaijan lifted its travel ban on Armenian nationals.", obj="its travel ban"),
     "visas", "travel ban lifted", ""),
    (("RUS", "GEO"), ev(D, 0, DAY, "RUS", "GEO", "SANCTION", "banned",
        "Russia banned imports of Georgian wine.", obj="imports of Georgian wine"),
     "trade", "ban imposed", ""),
    (("RUS", "GEO"), ev(D, 0, DAY, "RUS", "GEO", "CONCEDE", "lifted",
        "Russia lifted its ban on Georgian wine imports.", obj="its ban on Georgian wine imports"),
     "trade", "ban lifted", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "AZE", "ARM", "SANCTION", "imposed",
        "Azerbaijan imposed an embargo on Armenian goods.", obj="an embargo on Armenian goods"),
     "trade", "embargo imposed", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "AZE", "ARM", "CONCEDE", "ended",
        "Azerbaijan ended its embargo on Armenian goods.", obj="its embargo on Armenian goods"),
     "trade", "embargo lifted", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "ARM", "AZE", "SANCTION", "raised",
        "Armenia raised tariffs on Azerbaijani steel.", obj="tariffs on Azerbaijani steel"),
     "trade", "tariffs imposed", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "ARM", "AZE", "CONCEDE", "removed",
        "Armenia removed tariffs on Azerbaijani steel.", obj="tariffs on Azerbaijani steel"),
     "trade", "tariffs lifted", ""),
    (("USA", "RUS"), ev(D, 0, DAY, "USA", "RUS", "SANCTION", "imposed",
        "The United States imposed new sanctions on Russia.", obj="new sanctions"),
     "trade", "sanctions imposed", ""),
    (("USA", "RUS"), ev(D, 0, DAY, "USA", "RUS", "CONCEDE", "eased",
        "Washington eased sanctions on Moscow.", obj="sanctions"),
     "trade", "sanctions lifted", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "ARM+AZE", "", "AGREE", "signed",
        "Armenia and Azerbaijan signed a free trade agreement.", obj="a free trade agreement"),
     "trade", "trade deal", ""),
    (("RUS", "GEO"), ev(D, 0, DAY, "RUS", "GEO", "SANCTION", "severed",
        "Moscow severed road and postal links with Georgia.", mode="discontinue", obj="road and postal links"),
     "transport", "cut", ""),
    (("RUS", "GEO"), ev(D, 0, DAY, "RUS", "GEO", "COOPERATE", "resumed",
        "Russia resumed direct flights to Georgia.", obj="direct flights"),
     "transport", "restored", ""),
    (("RUS", "GEO"), ev(D, 0, DAY, "RUS", "GEO", "SUPPORT", "recognised",
        "Russia recognised Abkhazia and South Ossetia as independent states.", obj="Abkhazia and South Ossetia"),
     "recognition", "recognized", ""),
    (("RUS", "UKR"), ev(D, 0, DAY, "RUS", "UKR", "COERCE", "annexed",
        "Russia annexed the Crimean peninsula from Ukraine.", mode="seize", obj="the Crimean peninsula"),
     "recognition", "annexed", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "ARM", "AZE", "COERCE", "occupied",
        "Armenian forces occupied seven districts around Karabakh.", mode="seize", obj="seven districts"),
     "recognition", "occupied", ""),
    (("RUS", "GEO"), ev(D, 0, DAY, "RUS+GEO", "", "AGREE", "struck",
        "The two sides struck a border deal.", obj="a border deal"),
     "recognition", "border deal", ""),
    (("RUS", "GEO"), ev(D, 0, DAY, "RUS+GEO", "", "ASSAULT", "waged",
        "The neighbours waged a five-day war.", obj="a five-day war"),
     "military", "war", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "ARM+AZE", "", "ASSAULT", "clashed",
        "Armenian and Azerbaijani troops clashed on the border.", mode="firearms"),
     "military", "clashes", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "ARM+AZE", "", "RETREAT", "agreed",
        "The two sides agreed a ceasefire on Tuesday.", mode="ceasefire", obj="a ceasefire"),
     "military", "ceasefire", ""),
    (("RUS", "GEO"), ev(D, 0, DAY, "RUS", "GEO", "MOBILIZE", "stationed",
        "Russia stationed troops in both regions.", mode="troops", obj="troops"),
     "military", "troops stationed", ""),
    (("RUS", "GEO"), ev(D, 0, DAY, "RUS", "GEO", "RETREAT", "pulled out",
        "Russia pulled its troops out of the Georgian heartland.", mode="withdraw", obj="its troops"),
     "military", "troops withdrawn", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "AZE", "ARM", "MOBILIZE", "held",
        "Azerbaijan held military exercises near the Armenian border.", obj="military exercises"),
     "military", "exercises", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "AZE", "ARM", "THREATEN", "threatened",
        "Baku threatened to strike Armenian positions.", mode="violence"),
     "military", "threats", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "ARM+AZE", "", "CONSULT", "met",
        "The foreign ministers of Armenia and Azerbaijan met in Moscow.", mode="third-party"),
     "talks", "meeting", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "ARM+AZE", "", "CONSULT", "opened",
        "Armenia and Azerbaijan opened peace talks.", obj="peace talks"),
     "talks", "negotiations", ""),
    (("ARM", "AZE"), ev(D, 0, DAY, "ARM+AZE", "", "AGREE", "signed",
        "Armenia and Azerbaijan signed a peace treaty.", obj="a peace treaty"),
     "talks", "agreement reached", ""),
    (("RUS", "GEO"), ev(D, 0, DAY, "GEO", "RUS", "SUPPORT", "backed",
        "Georgia backed Russia's bid for WTO accession.", obj="Russia's bid for WTO accession"),
     "talks", "accession deal", ""),
]
# fmt: on


def _thread(ledger, thread_id: str) -> dict:
    return next(t for t in ledger.to_dict()["threads"] if t["thread"] == thread_id)


@pytest.mark.parametrize(
    ("pair", "event", "thread", "state", "qualifier"), CASES, ids=[f"{c[2]}:{c[3]}:{c[4]}" for c in CASES]
)
def test_event_moves_thread_to_state(pair, event, thread, state, qualifier):
    ledger = build_ledger([event], *pair)
    t = _thread(ledger, thread)
    assert (t["state"], t["qualifier"], t["since"]) == (state, qualifier, DAY)
    assert t["events"][0]["role"] == "moved"


def test_cases_cover_every_state_of_every_thread():
    covered = {(c[2], c[3]) for c in CASES}
    wanted = {(t.id, s) for t in default_threads().threads for s in t.states}
    assert wanted - covered == set()


@pytest.mark.parametrize("flag", ["negated", "hypothetical"])
def test_negated_and_hypothetical_events_never_move_a_state(flag):
    event = ev(
        D,
        0,
        DAY,
        "AZE",
        "ARM",
        "SANCTION",
        "broke off",
        "Azerbaijan broke off relations with Armenia.",
        obj="relations",
        **{flag: True},
    )
    t = _thread(build_ledger([event], "ARM", "AZE"), "diplomatic")
    assert t["state"] is None
    assert [(e["role"], e["claims"], e["note"]) for e in t["events"]] == [("excluded", "severed", flag)]


EXPECTED_CAUCASUS = {
    "diplomatic": (
        "restoration rejected",
        "",
        "2012-03-02",
        "GEO",
        [
            ("severed", "2008", "GEO"),
            ("restoration offered", "2012-03-02", "RUS"),
            ("restoration rejected", "2012-03-02", "GEO"),
        ],
    ),
    "visas": (
        "visa lifting offered",
        "mutual",
        "2012-03-02",
        "RUS",
        [("visa regime lifted", "2012-02-28", "GEO"), ("visa lifting offered", "2012-03-02", "RUS")],
    ),
    "trade": ("ban imposed", "", "2006", "RUS", [("ban imposed", "2006", "RUS")]),
    "transport": ("cut", "", "2006", "RUS", [("cut", "2006", "RUS")]),
    "recognition": (
        "border deal",
        "",
        "2011-11",
        "GEO+RUS",
        [("recognized", "2008", "RUS"), ("border deal", "2011-11", "GEO+RUS")],
    ),
    "military": (
        "war",
        "",
        "2008-08",
        "GEO+RUS",
        [("troops stationed", "2008", "RUS"), ("war", "2008-08", "GEO+RUS")],
    ),
    "talks": ("agreement reached", "", "2011-11", "GEO+RUS", [("agreement reached", "2011-11", "GEO+RUS")]),
}


@pytest.mark.parametrize("thread", sorted(EXPECTED_CAUCASUS))
def test_caucasus_story_threads(thread):
    t = _thread(build_ledger(caucasus_events(), "RUS", "GEO"), thread)
    state, qualifier, since, by, history = EXPECTED_CAUCASUS[thread]
    assert (t["state"], t["qualifier"], t["since"], t["moved_by"]) == (state, qualifier, since, by)
    assert [(c["state"], c["since"], c["moved_by"]) for c in t["history"]] == history


def test_caucasus_hypothetical_restoration_is_listed_but_excluded():
    t = _thread(build_ledger(caucasus_events(), "RUS", "GEO"), "diplomatic")
    excluded = [e for e in t["events"] if e["role"] == "excluded"]
    assert [(e["trigger"], e["claims"], e["hypothetical"]) for e in excluded] == [("restore", "restored", True)]


def test_pair_order_and_names_do_not_change_the_threads():
    one = build_ledger(caucasus_events(), "RUS", "GEO").to_dict()
    other = build_ledger(caucasus_events(), "GEO", "RUS").to_dict()
    assert [(t["state"], t["since"], t["moved_by"]) for t in one["threads"]] == [
        (t["state"], t["since"], t["moved_by"]) for t in other["threads"]
    ]


def test_events_of_other_pairs_do_not_count():
    events = caucasus_events() + [
        ev(
            "other",
            0,
            "2012-03-05",
            "RUS",
            "USA",
            "SANCTION",
            "expelled",
            "Russia expelled a US diplomat.",
            mode="expel",
            obj="a US diplomat",
        ),
        ev("other", 1, "2012-03-05", "GEO", "", "ASSAULT", "shelled", "Georgian artillery shelled a village."),
    ]
    ledger = build_ledger(events, "RUS", "GEO")
    assert ledger.to_dict()["events"] == len(caucasus_events())
    assert _thread(ledger, "diplomatic")["state"] == "restoration rejected"


def test_state_machine_refuses_clashes_during_a_war():
    war = ev(
        D,
        0,
        "2008-08-08",
        "RUS",
        "GEO",
        "ASSAULT",
        "invaded",
        "Russian troops invaded Georgia.",
        obj="Georgia",
    )
    clash = ev(
        D,
        1,
        "2008-08-09",
        "GEO",
        "RUS",
        "ASSAULT",
        "shelled",
        "Georgian guns shelled Russian columns.",
        mode="heavy-weapons",
        obj="Russian columns",
    )
    t = _thread(build_ledger([war, clash], "RUS", "GEO"), "military")
    assert (t["state"], t["since"]) == ("war", "2008-08-08")
    assert [(e["role"], e["note"]) for e in t["events"]] == [
        ("moved", ""),
        ("confirmed", "no move to 'clashes' from 'war'"),
    ]


def test_a_second_report_of_the_same_state_confirms_and_keeps_since():
    first = ev(
        "a",
        0,
        "2008-08-29",
        "GEO",
        "RUS",
        "SANCTION",
        "severed",
        "Georgia severed ties with Russia.",
        obj="ties",
    )
    again = ev("b", 0, "2009-01-10", "GEO", "RUS", "SANCTION", "cut", "Tbilisi has cut ties with Moscow.", obj="ties")
    t = _thread(build_ledger([first, again], "RUS", "GEO"), "diplomatic")
    assert (t["state"], t["since"], len(t["history"])) == ("severed", "2008-08-29", 1)
    assert [e["role"] for e in t["events"]] == ["moved", "confirmed"]


def test_rejecting_restoration_is_refused_when_relations_are_normal():
    restored = ev(
        "a",
        0,
        "2010-01-01",
        "RUS+GEO",
        "",
        "AGREE",
        "restored",
        "They restored diplomatic relations.",
        obj="diplomatic relations",
    )
    reject = ev(
        "b",
        0,
        "2010-02-01",
        "GEO",
        "RUS",
        "REJECT",
        "rejected",
        "Georgia rejected Russia's offer.",
        obj="Russia's offer",
    )
    t = _thread(build_ledger([restored, reject], "RUS", "GEO"), "diplomatic")
    assert t["state"] == "restored"
    assert t["events"][1]["role"] == "confirmed"


def test_context_events_are_listed_without_moving():
    accuse = ev(
        "a",
        0,
        "2010-01-01",
        "GEO",
        "RUS",
        "ACCUSE",
        "accused",
        "Georgia accused the Russian embassy of spying.",
        obj="the Russian embassy",
    )
    t = _thread(build_ledger([accuse], "RUS", "GEO"), "diplomatic")
    assert t["state"] is None
    assert [e["role"] for e in t["events"]] == ["context"]


@pytest.mark.parametrize(
    ("event", "offer", "state"),
    [
        # the coder's trigger skips words: "offered ... restore"
        (
            ev(
                D,
                0,
                DAY,
                "ARM",
                "AZE",
                "SUPPORT",
                "offered restore",
                "Armenia offered on Tuesday to restore diplomatic relations with Azerbaijan.",
            ),
            True,
            "restoration offered",
        ),
        # "offer" is what is rejected, not the rejection's tense
        (
            ev(
                D,
                1,
                DAY,
                "AZE",
                "ARM",
                "REJECT",
                "rejected restore",
                "Azerbaijan rejected Armenia's offer to restore relations.",
            ),
            False,
            "restoration rejected",
        ),
        (
            ev(D, 2, DAY, "AZE", "ARM", "AGREE", "restored", "Azerbaijan restored relations with Armenia."),
            False,
            "restored",
        ),
    ],
)
def test_offer_is_read_from_the_words_before_and_the_trigger(event, offer, state):
    t = _thread(build_ledger([event], "ARM", "AZE"), "diplomatic")
    assert (t["events"][0]["offer"], t["state"]) == (offer, state)
