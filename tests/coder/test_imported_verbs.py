"""Sentences of our own, in wire style, whose verbs detente's own verbs.tsv lacks: each codes through a row
imported from PETRARCH2's CAMEO dictionary (detente/events/data/petrarch_verbs.tsv, docs/lexicon.md). Without
that file none of them codes; with it all do."""

from __future__ import annotations

import pytest

from detente import code_articles

IMPORTED = "petrarch_verbs.tsv"

# (type, mode or "", sentence)
SENTENCES = [
    ("ACCUSE", "disapprove", "Turkey reacted angrily to the French parliament's vote on the genocide bill."),
    ("ACCUSE", "disapprove", 'China reacted with outrage to the American arms sale to Taiwan.'),
    ("ACCUSE", "disapprove", "The Kenyan opposition leader savaged the government's budget plan."),
    ("ACCUSE", "disapprove", 'Hundreds of Greek students jeered the German finance minister in Athens.'),
    ("ACCUSE", "disapprove", 'Russia cast doubt on the findings of the chemical weapons inspectors.'),
    ("ACCUSE", "disapprove", 'Venezuela described the new American sanctions as a mistake.'),
    ("ACCUSE", "disapprove", 'The Georgian president distanced himself from the remarks of his defence minister.'),
    ("ACCUSE", "disapprove", 'Bulgarian lawmakers grilled the interior minister over the police raids.'),
    ("ACCUSE", "investigate", 'The Brazilian electoral court re-examined the vote count in Sao Paulo.'),
    ("ACCUSE", "investigate", 'Colombian prosecutors uncovered a plot against the president.'),
    ("ACCUSE", "investigate", 'Turkish investigators interviewed Syrian refugees about the bombing in Reyhanli.'),
    ("AGREE", "", 'Sudan and South Sudan ironed out their differences over oil transit fees.'),
    ("SUPPORT", "", 'Rwanda and Burundi reestablished diplomatic ties on Tuesday.'),
    ("SUPPORT", "", 'Saudi Arabia and Iran warmed relations after years of rivalry.'),
    ("SUPPORT", "", 'Hungary awarded a state medal to the Serbian president.'),
    ("SUPPORT", "", 'The African Union acclaimed the peaceful elections in Zambia.'),
    ("SUPPORT", "", 'The Arab League legitimised the transitional council in Libya.'),
    ("SUPPORT", "", 'Greece formalized its new name agreement with North Macedonia.'),
    ("SUPPORT", "", "The Chinese foreign ministry appreciated Pakistan's support on Xinjiang."),
    ("AID", "", 'Russia restructured the debt of Cuba in 2014.'),
    ("AID", "", 'Norway assigned a peacekeeping contingent to the United Nations mission in Mali.'),
    ("ASSAULT", "destroy", 'Rebels ransacked the offices of the electoral commission in Bangui.'),
    ("ASSAULT", "", 'Militiamen terrorized villagers in eastern Congo.'),
    ("ASSAULT", "", 'Security agents strangled a Kurdish activist in Tehran.'),
    ("ASSAULT", "", 'Serbian riot police scuffled with Kosovo Serb protesters near the border.'),
    ("ASSAULT", "", 'Malaysian police caned three migrant workers from Indonesia.'),
    ("ASSAULT", "explosives", 'Militants exploded a truck outside the police station in Quetta.'),
    ("ASSAULT", "", 'Syrian government troops swept through the village of Ras al-Ain.'),
    ("COERCE", "arrest", 'Israeli police hunted down the escaped Palestinian prisoners in the north.'),
    ("COERCE", "restrict", 'Moscow prohibited travel to Georgia by Russian tour operators.'),
    ("COERCE", "restrict", 'Thailand reimposed controls on the border crossing with Cambodia.'),
    ("COERCE", "restrict", 'Pakistan reclosed the border with Afghanistan after the attack.'),
    ("COERCE", "deport", 'Kenyan police booted out two foreign journalists.'),
    ("COERCE", "seize", 'The Iraqi army recovered weapons from an insurgent hideout near Mosul.'),
    ("CONCEDE", "", 'The United States declassified files on the 1973 coup in Chile.'),
    ("CONCEDE", "", "Cuba's government legalised private businesses in 2011."),
    ("COERCE", "", 'The European Union punished Belarus for the forced landing of the airliner.'),
    ("CONSULT", "", 'The Lebanese president conversed with his Syrian counterpart on Sunday.'),
    ("CONSULT", "", 'Rwandan officials huddled with the United Nations envoy in Kampala.'),
    ("CONSULT", "", 'Qatar emerged as a mediator between Hamas and Israel.'),
    ("CONSULT", "visit", 'The Greek foreign minister departed for Ankara on Monday.'),
    ("MOBILIZE", "", 'Russian bombers were overflying Norwegian waters, the Norwegian military said.'),
    ("MOBILIZE", "", 'North Korea paraded new ballistic missiles through Pyongyang.'),
    ("MOBILIZE", "", 'Indian troops combed the area for militants after the ambush in Kashmir.'),
    ("RETREAT", "disarm", 'Ukraine disengaged troops from the front line near Donetsk.'),
    ("SANCTION", "", 'Britain advised against travel to northern Mali.'),
    ("SANCTION", "", 'The Ukrainian parliament removed the prosecutor general from office.'),
    ("REJECT", "", "The Supreme Court overruled the Pakistani government's decision."),
    ("THREATEN", "", 'Iran reserved the right to respond to the Israeli strike.'),
]


@pytest.fixture(scope="module")
def coded(nlp) -> dict[str, list]:
    articles = [{"id": str(i), "text": text, "date": "2015-03-02"} for i, (_, _, text) in enumerate(SENTENCES)]
    found: dict[str, list] = {str(i): [] for i in range(len(SENTENCES))}
    for event in code_articles(articles, nlp=nlp):
        found[event.doc_id].append(event)
    return found


@pytest.mark.parametrize(("index", "event_type", "mode", "text"),
                         [(i, t, m, s) for i, (t, m, s) in enumerate(SENTENCES)], ids=[s for _, _, s in SENTENCES])
def test_imported_verb_codes_our_sentence(coded, index: int, event_type: str, mode: str, text: str) -> None:
    events = coded[str(index)]
    assert any(
        e.event == event_type and (not mode or e.mode == mode) and e.pattern.startswith(IMPORTED) and e.actor
        for e in events
    ), [(e.event, e.mode, e.trigger, e.pattern) for e in events]
