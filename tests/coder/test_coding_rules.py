"""Expected events for hand-written sentences: one test per coding rule (docs/coding.md)."""

from __future__ import annotations

import pytest


def dyads(events):
    return [(e.event, tuple(a.code for a in e.actor), tuple(r.code for r in e.recipient)) for e in events]


def one(events, event_type):
    found = [e for e in events if e.event == event_type]
    assert len(found) == 1, dyads(events)
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # xcomp: the offer is the event, not the resuming
        ("Moldova on Friday offered to resume diplomatic relations with Romania.", ("AGREE", ("MDA",), ("ROU",))),
        # recipient inside the object phrase
        ("Kazakhstan banned the import of Kyrgyz meat.", ("SANCTION", ("KAZ",), ("KGZ",))),
        # passive voice: the agent acts
        ("Serbia was condemned by the European Union.", ("ACCUSE", ("IGOEUREEC",), ("SRB",))),
        # refusal to do something cooperative is REJECT
        ("Armenia refused to negotiate with Azerbaijan.", ("REJECT", ("ARM",), ("AZE",))),
        # multi-word pattern
        ("Ecuador cut diplomatic ties with Mexico on Monday.", ("SANCTION", ("ECU",), ("MEX",))),
        # capital metonym
        ("Beijing criticized Washington for its arms sales.", ("ACCUSE", ("CHN",), ("USA",))),
    ],
)
def test_single_event(code, text, expected):
    events = code(text)
    assert expected in dyads(events)


def test_compound_actor_is_one_event(code):
    events = code("Peru and Chile agreed to settle their maritime dispute.")
    agree = one(events, "AGREE")
    assert sorted(a.code for a in agree.actor) == ["CHL", "PER"]


def test_conjoined_verbs_share_their_subject(code):
    events = code("Turkish forces seized the town and later shelled Kurdish positions near the border.")
    kinds = {e.event for e in events}
    assert {"ASSAULT"} <= kinds
    assert all(e.actor[0].code == "TUR" and e.actor[0].sector == "MIL" for e in events)


def test_pronoun_takes_the_previous_actor(code):
    events = code("Moscow severed rail links with Tbilisi in 2006.\nIt banned Georgian wine the same year.")
    ban = (
        one(events, "SANCTION")
        if len([e for e in events if e.event == "SANCTION"]) == 1
        else [e for e in events if e.trigger.startswith("banned")][0]
    )
    assert ban.actor[0].code == "RUS" and ban.actor[0].text == "It"
    assert ban.recipient[0].code == "GEO"


def test_titled_person_is_remembered(code):
    text = (
        "Georgian Foreign Minister Nino Avaliani met Turkish officials in Ankara on Monday.\n"
        "Avaliani later accused Russia of stalling the talks."
    )
    accuse = one(code(text), "ACCUSE")
    assert (accuse.actor[0].code, accuse.actor[0].sector) == ("GEO", "GOV")
    assert accuse.recipient[0].code == "RUS"


def test_quote_speaker_is_the_actor_and_runs_on(code):
    text = (
        '"We are ready to resume talks with Kyiv," the Russian foreign ministry said.\n'
        '"We also offer to exchange prisoners.\n'
        '"Both steps would help," it added.'
    )
    events = code(text)
    agrees = [e for e in events if e.event == "AGREE"]
    assert agrees and all(e.actor[0].code == "RUS" for e in agrees)
    assert any(e.sentence_index == 1 for e in agrees)


def test_negation_is_never_a_plain_affirmative(code):
    events = code("Israel did not attack the convoy.")
    assert all(e.negated for e in events if e.event == "ASSAULT")
    refusal = code("Hungary did not accept the proposal from Brussels.")
    assert "AGREE" not in {e.event for e in refusal}
    assert "REJECT" in {e.event for e in refusal}


def test_a_condition_is_not_coded_and_a_modal_is_flagged(code):
    events = code("If Turkey withdraws its troops, Greece will lift its objections.")
    assert [(e.event, e.actor[0].code) for e in events] == [("CONCEDE", "GRC")]
    maybe = one(code("Turkey might withdraw its troops from Cyprus, a Greek diplomat said."), "RETREAT")
    assert maybe.hypothetical


def test_dates_resolve_against_publication(code):
    events = code(
        "Moscow severed transport links with Tbilisi in 2006.\nRussia on Tuesday offered to reopen them.",
        date="2012-03-02",
    )
    sever = one(events, "SANCTION")
    offer = one(events, "AGREE")
    assert (sever.date, sever.date_precision, sever.historical) == ("2006", "year", True)
    assert (offer.date, offer.date_precision) == ("2012-02-28", "day")


def test_no_publication_date_means_no_relative_dates(code):
    offer = one(code("Russia on Tuesday offered talks to Georgia.", date=None), "AGREE")
    assert offer.date is None and offer.date_precision == "none"


def test_boilerplate_yields_no_events(code):
    text = (
        "Iran warned Israel against any strike.\n"
        "Copyright 2024 Example Wire. All Rights Reserved. | https://example.org/iran-attack-sanctions |"
    )
    events = code(text)
    assert [e.sentence_index for e in events] == [0]


def test_event_ids_are_deterministic_and_offsets_point_at_the_trigger(code):
    text = "Japan pledged to cooperate with South Korea on maritime security."
    first, second = code(text), code(text)
    assert [e.event_id for e in first] == [e.event_id for e in second]
    agree = one(first, "AGREE")
    assert text[agree.trigger_start : agree.trigger_start + len("pledged")] == "pledged"
    assert agree.quad == "verbal_cooperation" and agree.intensity == 2.5
    assert agree.pattern.startswith("verbs.tsv:")


def test_future_cooperation_is_agree(code):
    events = code("Norway will give Malawi a grant of 300 million kwacha.")
    aid = one(events, "AGREE")
    assert aid.recipient[0].code == "MWI" and aid.future


def test_reported_demand_with_must(code):
    events = code("The African Union said Sudan must allow aid convoys into Darfur.")
    request = one(events, "REQUEST")
    assert request.actor[0].code == "IGOAFRAFU" and request.recipient[0].code == "SDN"


def test_contexts_come_from_the_sentence_and_the_article(code):
    text = (
        "India and China held talks on their disputed border on Monday.\n"
        "The border dispute flared after troops clashed on the border in June.\n"
        "Beijing praised New Delhi for its restraint."
    )
    events = code(text)
    talks = one(events, "CONSULT")
    assert "diplomatic" in talks.context  # from the pattern and the sentence
    praise = one(events, "SUPPORT")
    assert "territory" in praise.context  # the article is about a border: three cue words


def test_saying_an_act_is_impossible_is_a_refusal(code):
    text = (
        "Greek Foreign Minister Eleni Markou spoke to reporters on Monday.\n"
        '"As long as Ankara occupies the north, lifting the veto is impossible," Markou said.'
    )
    reject = one(code(text), "REJECT")
    assert (reject.actor[0].code, reject.actor[0].sector) == ("GRC", "GOV")
    assert reject.trigger.startswith("lifting")


def test_the_region_is_the_region_named_last(code):
    text = (
        "Armenian troops withdrew from parts of Nagorno-Karabakh in 2020.\n"
        "Russian peacekeepers have been stationed in the region since then."
    )
    mobilize = one(code(text), "MOBILIZE")
    assert mobilize.actor[0].code == "RUS" and mobilize.recipient[0].code == "AZE"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name in the phrase beats its possessive pronoun
        (
            "Russian Foreign Minister Sergei Lavrov met his Turkish counterpart in Ankara on Monday.",
            ("CONSULT", ("RUS",), ("TUR",)),
        ),  # and GOV: a counterpart is an official (sectors.tsv)
        (
            "Portugal demanded that its European Community allies decline to recognize the new republic.",
            ("REQUEST", ("PRT",), ("IGOEUREEC",)),
        ),
        # a bare preposition whose object the parser made the subject of the next clause
        (
            "Chile gave diplomatic asylum to three Bolivian navy officers holed up in its embassy.",
            ("AID", ("CHL",), ("BOL",)),
        ),
        # whom a protest is against, from its purpose
        (
            "Nearly 800 ethnic Hungarians began a hunger strike on Friday to protest against Slovakia's new law.",
            ("PROTEST", ("SVK",), ("SVK",)),
        ),  # the Hungarians of Slovakia, against their state
        (
            "Thousands of Syrian students marched in Damascus in protest at the arrests ordered by the Syrian army.",
            ("PROTEST", ("SYR",), ("SYR",)),
        ),
        # a light verb of pace takes the event noun
        (
            "Russia sped up the pullout of its soldiers from Moldova on Tuesday.",
            ("RETREAT", ("RUS",), ("MDA",)),
        ),
    ],
)
def test_recipients_and_actors_in_harder_phrases(code, text, expected):
    assert expected in dyads(code(text))


@pytest.mark.parametrize(
    "text",
    [
        "Human Rights Watch accused Israel of breaching humanitarian law, ignoring court orders "
        "and attacking civilians.",
        "Lebanon arrested a Canadian missionary for collaborating with Israel.",
        "Turkey charged two Greek journalists with spying for Greece.",
    ],
)
def test_what_a_charge_names_is_alleged_not_coded(code, text):
    assert [e.event for e in code(text)] in (["ACCUSE"], ["COERCE"])


def test_an_act_beside_an_arrest_is_still_coded(code):
    events = code("Kenyan police arrested ten Somali men, firing tear gas at the crowd.")
    assert sorted(e.event for e in events) == ["ASSAULT", "COERCE"]


def test_a_counterpart_is_an_official_of_the_country_named(code):
    meeting = one(
        code("Russian Foreign Minister Sergei Lavrov met his Turkish counterpart in Ankara on Monday."), "CONSULT"
    )
    assert [(r.code, r.sector) for r in meeting.recipient] == [("TUR", "GOV")]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # CAMEO and PLOVER code an ethnic group by the state it lives in
        ("Ethnic Armenians have vowed to keep fighting until they take the hills around Azerbaijan's frontier.", "AZE"),
        ("Ethnic Serbs in Kosovo blocked roads near the border on Monday.", "KOS"),
        # without the word "ethnic", a demonym is its state's
        ("Albanian rebels attacked a police station in Macedonia.", "ALB"),
    ],
)
def test_an_ethnic_group_is_coded_by_where_it_lives(code, text, actor):
    assert [a.code for e in code(text) for a in e.actor][:1] == [actor]


def test_a_states_own_people_may_act_against_the_state(code):
    events = code("Thousands of Swedish farmers protested against Sweden's new fuel tax in Stockholm.")
    protest = one(events, "PROTEST")
    assert [a.code for a in protest.actor] == ["SWE"]
    assert [r.code for r in protest.recipient] == ["SWE"]


def test_a_state_is_not_its_own_recipient(code):
    events = code("France said on Monday that France would raise its defence budget.")
    assert all(r.code != "FRA" for e in events for r in e.recipient)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Chinese foreign ministry issued a statement condemning the Japanese visit to the shrine.",
            ("ACCUSE", ("CHN",), ("JPN",)),
        ),
        (
            "The Kurdistan Workers' Party put out a communique demanding that Turkish authorities release"
            " its jailed founder.",
            ("REQUEST", ("TUR",), ("TUR",)),
        ),
    ],
)
def test_a_statement_says_what_its_issuer_says(code, text, expected):
    assert expected in dyads(code(text))


def test_a_finite_verb_hung_on_a_root_noun_takes_it_as_subject(code):
    # the parser reads "Volunteers ... donated" as a noun with a reduced relative
    events = code(
        "Volunteers from two British charities donated and personally handed blankets to Kabul Central Hospital."
    )
    assert ("AID", ("GBR",), ("AFG",)) in dyads(events)
    # a participle with a by-agent is a reduced passive, not a verb hung on the noun: Japan gave, not the aid
    assert dyads(code("The aid donated by Japan reached Haiti on Monday.")) == [("AID", ("JPN",), ())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capitalised plural object keeps its written form as lemma: its singular still matches
        ("Montenegro joined the Geneva Conventions in 2006.", ("SUPPORT", ("MNE",), ())),
        # a collective head ("group", "force") takes the object words of its compounds
        ("The United States sent a carrier strike group to the Mediterranean.", ("MOBILIZE", ("USA",), ())),
    ],
)
def test_object_words_beyond_the_head_lemma(code, text, expected):
    assert expected[0] in {e.event for e in code(text)}
    event = one(code(text), expected[0])
    assert tuple(a.code for a in event.actor) == expected[1]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bus drivers in Peru struck over fuel prices.", ("PROTEST", "strike")),
        ("Ghanaian nurses began a strike over unpaid salaries.", ("PROTEST", "strike")),
        ("Rebels struck an army post in northern Mali.", ("ASSAULT", "")),
        ("Turkish strikes on Kurdish positions continued overnight.", ("ASSAULT", "")),
    ],
)
def test_a_strike_is_a_labour_protest_or_an_attack_by_who_strikes(code, text, expected):
    event = one(code(text), expected[0])
    assert event.mode == expected[1]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Kenya threatened to expel the Somali diplomats.", "expel"),
        ("The Bolivian government threatened to arrest the opposition leaders.", "arrest"),
        ("Venezuela threatened to seize the disputed islands from Guyana.", "territory"),
        ("Serbia threatened to cut diplomatic ties with Montenegro.", "relations"),
        ("French farmers said they would blockade Paris on Monday.", "restrict"),
        ("The Algerian opposition party will boycott the elections unless the president resigns.", "restrict"),
    ],
)
def test_a_threat_is_coded_with_what_it_threatens(code, text, mode):
    assert one(code(text), "THREATEN").mode == mode


def test_supporters_of_a_leader_are_civilians_not_the_office(code):
    event = one(code("About 200 supporters of the former Algerian president blocked roads in Algiers."), "PROTEST")
    assert (event.actor[0].code, event.actor[0].sector, event.mode) == ("DZA", "CVL", "obstruct")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bolivian miners took part in a strike over fuel prices.", ("PROTEST", "BOL")),
        ("Thousands of Ghanaians converged on Accra for a rally against the new levy.", ("PROTEST", "GHA")),
        ("Armenian and Azerbaijani soldiers engaged in a clash near the border.", ("ASSAULT", "ARM")),
    ],
)
def test_an_event_noun_behind_a_preposition_of_a_light_verb_takes_its_subject(code, text, expected):
    event = one(code(text), expected[0])
    assert expected[1] in {a.code for a in event.actor}


@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        # coordinated names inside a partitive's of-phrase
        ("Soldiers in Chad have tortured hundreds of Sudanese and Nigerien migrants.", {"SDN", "NER"}),
        # coordinated nationalities however the parser attaches them to the head
        ("Greek police arrested dozens of Afghan and Pakistani migrants.", {"AFG", "PAK"}),
    ],
)
def test_every_coordinated_nationality_is_a_recipient(code, text, recipients):
    events = [e for e in code(text) if e.event in ("ASSAULT", "COERCE")]
    assert len(events) == 1 and {r.code for r in events[0].recipient} == recipients


def test_a_participle_telling_what_an_attack_did_is_the_same_attack(code):
    events = code("A camp for Sudanese refugees was raided by Chadian rebels, killing at least 60 people.")
    assert [(e.event, e.actor[0].code) for e in events] == [("ASSAULT", "TCD")]


def test_whoever_is_prompted_to_act_is_the_actor(code):
    events = code("The shelling prompted Syria to recall its ambassador from Turkey.")
    recall = one(events, "SANCTION")
    assert (recall.actor[0].code, recall.recipient[0].code) == ("SYR", "TUR")


def test_a_participle_parsed_as_the_subject_gives_way_to_its_own_subject(code):
    event = one(code("The Red Cross operating in Sudan said both armies must let aid convoys pass."), "REQUEST")
    assert event.actor[0].code == "IGO"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Members of the Association of Andean Jurists investigated the detention of 40 Peruvians.", ("NGO", "JUD")),
        ("The Global Ocean Forum urged Japan to stop whaling.", ("NGO", "")),
        # a bare head names no one
        ("The Committee urged Japan to stop whaling.", None),
    ],
)
def test_an_unknown_name_headed_by_an_organisation_word_is_an_ngo(code, text, actor):
    events = code(text)
    if actor is None:
        assert events == []
    else:
        assert (events[0].actor[0].code, events[0].actor[0].sector) == actor


def test_a_hyphenated_verb_cut_in_pieces_is_still_the_to_clause(code):
    events = code("Djibouti agreed on Tuesday to re-open its frontier with Eritrea.")
    assert [(e.event, e.actor[0].code) for e in events] == [("AGREE", "DJI")]


def test_demobilized_guerrillas_retreat_themselves(code):
    event = one(code("Hundreds of Colombian guerrillas have been demobilized since the peace accord."), "RETREAT")
    assert (event.actor[0].code, event.mode) == ("COL", "disarm")


def test_a_coordinated_verb_with_its_own_auxiliary_is_not_passive(code):
    events = code("The Peruvian minister was questioned by Congress and will resign on Friday.")
    assert any(e.actor and e.actor[0].code == "PER" and e.trigger == "resign" for e in events)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran test-fired a long-range missile on Sunday.", ("MOBILIZE", "weapons")),  # not ASSAULT by fire
        ("The Turkish and Greek navies co-operated in the rescue.", ("COOPERATE", "")),  # as "cooperate"
    ],
)
def test_a_verb_cut_at_its_hyphen_is_read_whole(code, text, expected):
    events = code(text)
    assert [(e.event, e.mode) for e in events] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egypt joined the talks on the Sudanese ceasefire.", [("CONSULT", "EGY")]),
        ("Russia announced the suspension of talks with Georgia.", [("SANCTION", "RUS")]),
    ],
)
def test_an_event_noun_inside_another_is_its_topic(code, text, expected):
    assert [(e.event, e.actor[0].code) for e in code(text)] == expected


def test_the_object_behind_hundreds_of_counts_for_a_pattern(code):
    events = code("Myanmar's junta released hundreds of political prisoners on Tuesday.")
    assert [(e.event, e.mode) for e in events] == [("RETREAT", "release")]


def test_what_a_threat_demands_is_no_event(code):
    events = code("Iran threatened to launch a new offensive unless Baghdad accepted its conditions.")
    assert [(e.event, e.recipient[0].code) for e in events] == [("THREATEN", "IRQ")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Poland's parliament demanded an admission by Moscow that Soviet forces murdered Polish officers.",
            ["REQUEST"],
        ),
        ("Armenia denied reports that its troops shelled Azerbaijani villages.", ["REJECT"]),
    ],
)
def test_a_that_clause_on_what_is_demanded_or_denied_is_no_event(code, text, expected):
    assert [e.event for e in code(text)] == expected


def test_turning_to_an_act_makes_it_the_subjects_own(code):
    event = one(code("The Syrian army turned to shelling rebel-held towns after the talks failed."), "ASSAULT")
    assert (event.actor[0].code, event.actor[0].sector) == ("SYR", "MIL")


def test_unnamed_attackers_belong_to_the_city_where_it_happened(code):
    """A city (cities.tsv) places an attack with no perpetrator in its state, before the victims' state."""
    attack = one(code("A roadside bomb killed two British soldiers near Kandahar on Monday."), "ASSAULT")
    assert (attack.actor[0].code, attack.actor[0].sector) == ("AFG", "UAF")
    assert attack.recipient[0].code == "GBR"


def test_a_city_names_the_state_of_the_people_in_it(code):
    protest = one(code("Thousands of people protested in Aleppo against the government on Friday."), "PROTEST")
    assert (protest.actor[0].code, protest.actor[0].sector) == ("SYR", "CVL")
    assert protest.location == "Aleppo"


@pytest.mark.parametrize(
    "text", ["Jackson criticized Iran on Monday.", "Mobile operators criticized the new tax on Monday."]
)
def test_a_city_name_outside_a_place_phrase_is_no_city(code, text):
    """Many cities share their name with people and words: without "in", "near" or "the city of" before it,
    "Jackson" (Mississippi) and "Mobile" (Alabama) are not the United States."""
    assert all(a.code != "USA" for e in code(text) for a in [*e.actor, *e.recipient])


@pytest.mark.parametrize(
    "text",
    [
        "The Algerian government imposed a curfew in Algiers on Monday.",
        "The Algerian government instituted a curfew in Algiers on Monday.",  # a light verb: the noun's event
    ],
)
def test_a_curfew_in_a_city_restricts_its_people(code, text):
    """The capital in "a curfew in Algiers" is the place, so its people, not the government it names elsewhere."""
    curfew = one(code(text), "COERCE")
    assert curfew.mode == "curfew"
    assert [(r.code, r.sector) for r in curfew.recipient] == [("DZA", "CVL")]


def test_an_event_noun_that_only_happens_somewhere_has_no_place_recipient(code):
    patrols = one(code("Turkey and Russia began joint patrols in northern Syria on Friday."), "COOPERATE")
    assert patrols.recipient == []


def test_a_threat_to_do_a_light_verb_event_takes_its_mode(code):
    threat = one(code("President Kagame threatened to declare a curfew in Kigali after the looting."), "THREATEN")
    assert threat.mode == "restrict"
    assert [(r.code, r.sector) for r in threat.recipient] == [("RWA", "CVL")]


def test_a_possessive_on_a_light_verb_noun_is_the_light_verbs_subject(code):
    """ "X completed its investigation": "its" is X, even where X is a name only its head word makes an
    organisation, which a pronoun alone cannot find."""
    events = code("The Regional Peace Monitoring Forum completed its investigation into the border clashes.")
    probe = one(events, "ACCUSE")
    assert probe.mode == "investigate" and probe.actor[0].code == "NGO"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("A newspaper based in Tehran criticized the Saudi government.", ("IRN", "JRN")),
        ("A militia based in Goma attacked an army post on Sunday.", ("COD", "PRM")),
    ],
)
def test_where_a_group_is_based_gives_its_state(code, text, actor):
    event = code(text)[0]
    assert (event.actor[0].code, event.actor[0].sector) == actor


def test_a_passive_relative_clause_checks_the_object_it_stands_for(code):
    """ "a helicopter that was captured": the captured thing is the helicopter, so it is a seizure of
    property (COERCE seize), not an abduction of people."""
    events = code("Sudan returned a Russian helicopter that was captured by Chadian rebels last year.")
    seizure = one(events, "COERCE")
    assert seizure.mode == "seize" and (seizure.actor[0].code, seizure.actor[0].sector) == ("TCD", "REB")
    assert all(e.event != "ASSAULT" for e in events)


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Thailand deported three Cambodian activists, whom Bangkok accuses of plotting unrest.", ("KHM", "CVL")),
        # a noun that names no one leaves the pronoun to the article: the other party of the restored ties
        ("Kenya and Somalia agreed to restore diplomatic relations, which Mogadishu cut in December.", ("KEN", "")),
    ],
)
def test_a_relative_pronoun_object_stands_for_its_antecedent(code, text, recipient):
    accusation = [e for e in code(text) if e.event in ("ACCUSE", "SANCTION")][0]
    assert (accusation.recipient[0].code, accusation.recipient[0].sector) == recipient


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser labels "to" itself the dative of "send"
        ("Germany will send another 300 million euros in weapons to Moldova, officials said.", ("AGREE", "MDA")),
        # "to Peru" hangs on the second object
        ("Chile delivered ten tonnes of flour and 40 generators to Peru on Monday.", ("AID", "PER")),
        # "to Eritrea" hangs on the adverb "back"
        ("Ethiopia handed two border towns back to Eritrea on Sunday under the peace deal.", ("RETREAT", "ERI")),
    ],
)
def test_a_to_phrase_the_parser_misplaced_still_names_the_recipient(code, text, expected):
    event_type, recipient = expected
    event = one(code(text), event_type)
    assert [r.code for r in event.recipient] == [recipient]


@pytest.mark.parametrize(
    ("text", "mode", "recipient"),
    [
        # to impose sanctions or cut supplies restricts goods and people; to cut ties threatens relations
        ("Brazil threatened to impose sanctions on Paraguay.", "restrict", "PRY"),
        ("Russia warned that it would cut gas supplies to Moldova.", "restrict", "MDA"),
        ("Turkey threatened to cut diplomatic ties with Israel.", "relations", "ISR"),
        ("Algeria threatened to cut off gas supplies to Spain.", "restrict", "ESP"),
        # a that-clause threat: its act gives the mode, and whom the act would reach the recipient
        ("Canada's premier warned that Ottawa would impose tariffs on Mexican steel.", "restrict", "MEX"),
    ],
)
def test_what_is_threatened_gives_the_threat_mode(code, text, mode, recipient):
    threat = one(code(text), "THREATEN")
    assert threat.mode == mode and [r.code for r in threat.recipient] == [recipient]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("Angry crowds attacked the Turkish embassy in Tripoli on Sunday.", "LBY", "TUR"),
        ("Angry mobs burned the Danish embassy in Damascus on Saturday.", "SYR", "DNK"),
    ],
)
def test_unarmed_people_take_the_state_of_the_place_of_their_act(code, text, actor, recipient):
    """ "crowds attacked the Turkish embassy in Tripoli": the crowds are Libyan, not Turkish, though the
    place hangs on the embassy."""
    event = code(text)[0]
    assert (event.actor[0].code, event.actor[0].sector) == (actor, "CVL")
    assert event.recipient[0].code == recipient


def test_an_object_pronoun_of_a_second_verb_is_the_first_verbs_object(code):
    """ "convicted a French researcher ... and sentenced her to prison": "her" is the researcher, and a prison
    sentence is a detention (COERCE arrest, PLOVER manual on SANCTION convict)."""
    events = code("An Iranian court convicted a French researcher of spying and sentenced her to six years in jail.")
    jailing = one(events, "COERCE")
    assert jailing.mode == "arrest" and [r.code for r in jailing.recipient] == ["FRA"]


def test_a_subject_the_parser_hung_on_an_opening_phrase_is_found_before_the_verb(code):
    """ "Under the terms of the Accord on ..., Ethiopia and the ONLF have agreed": the parser leaves the verb
    with no subject and hangs the coordinated names on the opening phrase."""
    events = code(
        "Under the terms of the Accord on Cessation of Hostilities, Ethiopia and the ONLF have agreed to release"
        " all prisoners."
    )
    agree = one(events, "AGREE")
    assert [(a.code, a.sector) for a in agree.actor] == [("ETH", ""), ("ETH", "REB")]


def test_the_end_of_a_hyphenated_adjective_gives_no_sector(code):
    """ "a multi-party rally" is no political party (PTY), as "party officials" would be."""
    events = code("Sudanese troops shelled a multi-party rally in Khartoum.")
    assault = one(events, "ASSAULT")
    assert assault.recipient[0].code == "SDN" and assault.recipient[0].sector != "PTY"


def test_the_verbs_own_object_is_the_recipient_before_its_to_clauses(code):
    """ "would blockade Accra to force a repeal of the EU's tariffs": Accra is blockaded; the EU is only
    named in what the blockade is for."""
    events = code(
        "Ghanaian cocoa farmers said they would blockade Accra to force a repeal of the European Union's tariffs."
    )
    threat = one(events, "THREATEN")
    assert [r.code for r in threat.recipient] == ["GHA"]


def test_a_measure_a_government_imposes_on_its_own_country_reaches_its_people(code):
    """ "declared a state of emergency in Kazakhstan": the Kazakh government restricts Kazakhstan's people."""
    events = code("The Kazakh government declared a state of emergency in Kazakhstan on Wednesday.")
    measure = one(events, "COERCE")
    assert measure.mode == "martial-law"
    assert [(r.code, r.sector) for r in measure.recipient] == [("KAZ", "CVL")]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("A British aid worker was detained in Iran on Tuesday.", "IRN", "GBR"),
        # a city after "from" gives its state
        ("A journalist from Lyon was arrested in Algeria.", "DZA", "FRA"),
    ],
)
def test_a_passive_arrest_in_a_state_keeps_whom_it_arrested(code, text, actor, recipient):
    """ "was detained in Iran": Iran acts (the state where it happened), and the one detained is the recipient."""
    arrest = one(code(text), "COERCE")
    assert [a.code for a in arrest.actor] == [actor] and [r.code for r in arrest.recipient] == [recipient]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Ethiopian troops were preparing to storm the rebel-held town of Mekelle.", "troops"),
        ("Libyan police prepared to raid the militia's headquarters in Tripoli.", "police"),
        ("Hezbollah fighters prepared to fire rockets at northern Israel.", "weapons"),
    ],
)
def test_force_readied_is_a_show_of_force_not_a_threat(code, text, mode):
    """ "prepared to storm the town": readiness to use force is MOBILIZE (PLOVER manual), not THREATEN."""
    events = code(text)
    assert [e.event for e in events] == ["MOBILIZE"] and events[0].mode == mode


def test_preparing_a_cooperative_act_is_no_show_of_force(code):
    events = code("Russia prepared to sign a new trade deal with China.")
    assert [e.event for e in events] == ["AGREE"]


def test_unarmed_people_take_the_state_of_a_place_in_their_own_clause(code):
    """ "refugees escaping the war in Somalia" are Somali refugees, and named well enough to receive aid."""
    events = code("Sweden will send emergency medical aid to refugees escaping the war in Somalia.")
    promise = one(events, "AGREE")
    assert [(r.code, r.sector) for r in promise.recipient] == [("SOM", "REF")]


def test_a_language_names_no_one(code):
    """ "lessons in the Russian language": the ban is on a language, not on Russia."""
    ban = one(code("Lithuania banned lessons in the Russian language at public schools."), "SANCTION")
    assert ban.recipient == []


def test_where_refuge_is_sought_is_whom_it_is_asked_of(code):
    request = one(code("Hundreds of Afghan interpreters sought refuge in Canada last year."), "REQUEST")
    assert request.mode == "assist" and [r.code for r in request.recipient] == ["CAN"]


def test_a_verb_with_nothing_after_it_shares_its_conjuncts_recipient(code):
    """ "pledged and shipped blankets to a hospital in Gaza": both verbs reach the hospital."""
    promise = one(code("Japan pledged and shipped 5,000 blankets to a hospital in Gaza."), "AGREE")
    assert [(r.code, r.sector) for r in promise.recipient] == [("PSE", "MED")]


def test_others_are_more_of_the_kind_just_named(code):
    """ "killed one Dutch soldier and injured three others": those others are Dutch soldiers as well, so
    the blast is one attack on Dutch troops."""
    events = code("A landmine near Kandahar killed one Dutch soldier and injured three others.")
    assert {(e.event, tuple(r.code for r in e.recipient)) for e in events} == {("ASSAULT", ("NLD",))}


def test_whom_a_protest_defies_is_its_recipient(code):
    """ "blocked a bridge in Novi Sad in defiance of the government": the bridge is only where."""
    protest = one(
        code("Hundreds of Serbian students blocked a bridge in Novi Sad in defiance of the Serbian government."),
        "PROTEST",
    )
    assert [(r.code, r.sector) for r in protest.recipient] == [("SRB", "GOV")]


def test_an_attack_with_no_perpetrator_place_or_named_victims_is_not_coded(code):
    """ "Dozens of people have been killed in riots": nobody, nowhere and no state's people are named (that
    they are Kenyans is only a guess from the sentence before), so there is no unidentified attacker to code
    (PLOVER manual: no explicit actor, no event)."""
    events = code("Kenya lifted the curfew on Sunday. Dozens of people have been killed in riots this year.")
    assert [e.event for e in events] == ["CONCEDE"]


def test_what_a_text_would_do_is_not_an_act(code):
    """ "voted for a resolution that would tighten sanctions": the resolution's aim is no THREATEN."""
    events = code("Lithuania voted for a European Union resolution that would tighten sanctions on Belarus.")
    assert "THREATEN" not in {e.event for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Security Council adopted a resolution that imposes new sanctions on North Korea.",
            ("SANCTION", ("IGOUNO",), ("PRK",)),
        ),
        ("The Latvian parliament passed a law which bans Russian television channels.", ("COERCE", ("LVA",), ("RUS",))),
    ],
)
def test_who_enacts_a_text_acts_by_what_it_does(code, text, expected):
    assert expected in dyads(code(text))


def test_a_main_verb_the_parser_hung_on_its_subject_keeps_that_subject(code):
    """ "Kashmiri youths resorted to throwing stones ..., police said": the parser makes "resorted" a reduced
    relative on "youths" and hangs both nouns on "said"."""
    protest = one(
        code("Kashmiri youths resorted to throwing stones at Indian troops, police said on Friday."), "PROTEST"
    )
    assert protest.mode == "riot" and [a.sector for a in protest.actor] == ["CVL"]
    assert [(r.code, r.sector) for r in protest.recipient] == [("IND", "MIL")]


def test_an_act_during_a_protest_against_someone_is_aimed_at_them(code):
    """ "threw petrol bombs during a march against the government": the bombs are no recipient; the march's
    target is."""
    protest = one(
        code("Bahraini protesters threw petrol bombs during a march against the Bahraini government."), "PROTEST"
    )
    assert protest.mode == "riot" and [(r.code, r.sector) for r in protest.recipient] == [("BHR", "GOV")]


def test_a_city_an_attack_falls_on_names_its_state(code):
    assault = one(code("Syrian helicopters dropped barrel bombs on Homs."), "ASSAULT")
    assert [(r.code, r.text) for r in assault.recipient] == [("SYR", "Homs")]


def test_a_condition_on_a_demanded_act_is_no_event(code):
    """ "must agree to changes before they demobilize": the demobilizing is a condition of the demand."""
    events = code("The rebels said that the Kenyan government must agree to major reforms before they demobilize.")
    assert [e.event for e in events] == ["REQUEST"]


def test_whose_pressure_is_refused_is_the_recipient_of_a_refusal(code):
    refusal = one(code("Hungary refused to lift its veto despite pressure from Germany."), "REJECT")
    assert [r.code for r in refusal.recipient] == ["DEU"]


def test_what_an_allegation_noun_alleges_is_no_event_and_names_the_accused(code):
    """ "Eritrea's allegation that Ethiopian forces had occupied the town": the occupation is alleged, not
    reported as done, and Ethiopia is the accused."""
    events = code("The monitors examined Eritrea's allegation that Ethiopian forces had occupied the town of Badme.")
    assert dyads(events) == [("ACCUSE", ("ERI",), ("ETH",))]


def test_what_a_demand_waits_for_has_not_happened(code):
    """ "demanded a truce before allowing UN convoys to deliver food": no delivery is reported."""
    events = code("The Bosnian Serbs demanded a truce before allowing UN convoys to deliver food to Srebrenica.")
    assert [e.event for e in events] == ["REQUEST"]


def test_what_a_strike_shut_down_is_its_recipient(code):
    text = "Bangladeshi opposition parties organized a general strike that paralysed Dhaka in protest of the arrests."
    strike = one(code(text), "PROTEST")
    assert [(r.code, r.text) for r in strike.recipient] == [("BGD", "Dhaka")]


@pytest.mark.parametrize(
    ("text", "event", "recipient"),
    [
        ("Kenyan doctors called off their strike after talks with the health ministry.", "CONCEDE", ("KEN", "GOV")),
        ("Hamas agreed to a truce following negotiations with Egypt.", "AGREE", ("EGY", "")),
    ],
)
def test_who_was_talked_with_is_whom_a_concession_is_made_to(code, text, event, recipient):
    """ "called off their strike after talks with the ministry": the strike is theirs; the ministry is whom
    they gave way to."""
    made = one(code(text), event)
    assert [(r.code, r.sector) for r in made.recipient] == [recipient]


def test_a_riot_after_a_protest_calling_for_a_removal_targets_whom_it_would_remove(code):
    riot = one(code("Kenyan youths rioted after a rally calling for the resignation of President Ruto."), "PROTEST")
    assert riot.mode == "riot" and [(r.code, r.sector) for r in riot.recipient] == [("KEN", "GOV")]


def test_an_if_clause_is_a_condition_not_an_event(code):
    """ "If Armenia withdraws its troops, Azerbaijan would reopen the border": no withdrawal is reported."""
    events = code("If Armenia withdraws its troops, Azerbaijan would reopen the border, a diplomat said.")
    assert [e.event for e in events] == ["CONCEDE"] and events[0].actor[0].code == "AZE"


def test_a_state_is_not_the_recipient_of_its_own_government_act(code):
    """ "Kazakhstan declared a curfew in Almaty": Almaty's people are restricted, not the Kazakh government
    that "Almaty" as a capital would name elsewhere."""
    curfew = one(code("Kazakhstan declared a curfew in Almaty."), "COERCE")
    assert [(r.code, r.sector) for r in curfew.recipient] == [("KAZ", "CVL")]


def test_a_names_of_phrase_gives_its_sector(code):
    """ "the Kenyan Federation of Journalists" is Kenyan (its country word) and JRN (its of-phrase)."""
    events = code("The Kenyan Federation of Journalists condemned the arrests.")
    assert [(a.code, a.sector) for a in one(events, "ACCUSE").actor] == [("KEN", "JRN")]


def test_must_in_a_quote_running_on_is_the_speakers_demand(code):
    """The second sentence of a quote keeps its speaker: "Serbia must ..." is his demand on Serbia."""
    events = code(
        '"We are ready to resume the dialogue," Kosovo\'s prime minister told reporters on Monday.'
        ' "But Serbia must first withdraw its troops from the border."'
    )
    demand = one(events, "REQUEST")
    assert demand.mode == "yield" and demand.actor[0].code == "KOS" and [r.code for r in demand.recipient] == ["SRB"]
    assert "RETREAT" not in {e.event for e in events}


@pytest.mark.parametrize(
    ("text", "demand"),
    [
        ('"We must defend our country," the Ukrainian president said.', False),
        ("A UN forum said the US and other rich nations must allocate more money to clean water.", True),
    ],
)
def test_must_asks_someone_else_not_the_speaker(code, text, demand):
    assert ("REQUEST" in {e.event for e in code(text)}) is demand


def test_an_object_the_parser_made_a_participles_subject_is_still_the_object(code):
    """ "allowed a Red Cross team carrying medicine into Gaza": the team is let in (RETREAT access)."""
    access = one(code("Israel allowed a Red Cross team carrying medicine into Gaza."), "RETREAT")
    assert access.mode == "access" and access.recipient[0].text == "Red Cross team"


def test_responding_by_an_act_makes_it_the_subjects_own(code):
    """ "Turkey responded by barring the Dutch ambassador": the barring is Turkey's."""
    events = code("Russia retaliated by expelling 20 German diplomats.")
    assert dyads(events) == [("SANCTION", ("RUS",), ("DEU",))]


def test_what_someone_is_accused_of_is_no_event_even_with_no_accuser_named(code):
    """ "an American citizen accused of plotting to kill the president": no killing is reported."""
    events = code("Venezuelan authorities arrested an American citizen accused of plotting to kill President Maduro.")
    assert [e.event for e in events] == ["COERCE"]


def test_where_talks_are_held_is_not_whose_they_are(code):
    """ "resumed peace talks in Caracas": Venezuela only hosts (against "refugees in Liberia")."""
    talks = one(code("Colombia's government and the ELN rebels resumed peace talks in Caracas on Monday."), "CONSULT")
    assert talks.recipient == []


def test_a_guessed_country_is_no_recipient_of_a_joint_act(code):
    """ "India and China agreed to disengage troops": whose troops the sentence does not say."""
    agree = one(code("India and China agreed to disengage troops along their disputed Himalayan border."), "AGREE")
    assert agree.recipient == []


def test_people_where_the_act_happened_are_of_that_state(code):
    """ "condemned the crackdown on protesters in Nicaragua": the protesters are Nicaraguan, not a guess."""
    text = "The Organization of American States condemned the crackdown on protesters in Nicaragua."
    condemned = one(code(text), "ACCUSE")
    assert [(r.code, r.sector) for r in condemned.recipient] == [("NIC", "CVL")]


def test_a_role_in_a_body_takes_the_bodys_sector(code):
    arrest = one(code("Kenyan police arrested the leader of the main opposition party in Nairobi."), "COERCE")
    assert [(r.code, r.sector) for r in arrest.recipient] == [("KEN", "OPP")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # weapons handed to another state are military aid; a promise of aid is AGREE (PLOVER manual)
        ("Germany will send 14 Leopard tanks to Ukraine, the chancellor announced.", ("AGREE", ("DEU",), ("UKR",))),
        ("Poland sent fighter jets to Ukraine in April.", ("AID", ("POL",), ("UKR",))),
        # sent to where force is shown, they are a show of force
        ("The United States sent an aircraft carrier to the Gulf.", ("MOBILIZE", ("USA",), ())),
    ],
)
def test_weapons_sent_to_another_state_are_aid(code, text, expected):
    assert dyads(code(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what an agreement allows is still to come
        ("Australia and Japan signed a pact allowing their troops to train in each other's territory.", ["SUPPORT"]),
        # a revoked decree's ban is no new ban
        ("Chad revoked the decree banning the main opposition party.", ["CONCEDE"]),
        # who passes a law acts by it
        ("The Georgian parliament passed a law banning Russian broadcasts.", ["COERCE"]),
    ],
)
def test_what_a_text_does_is_an_act_only_of_whoever_enacts_it(code, text, expected):
    assert [e.event for e in code(text)] == expected


def test_whose_plan_is_attacked_is_the_recipient(code):
    """ "attacked the government's budget plan": a possessor names the recipient even when it is no name."""
    criticism = one(code("The Turkish opposition attacked the government's budget plan."), "ACCUSE")
    assert [(r.code, r.sector) for r in criticism.recipient] == [("TUR", "GOV")]


def test_who_brokered_a_truce_is_not_a_party_to_it(code):
    agree = one(code("Sudan's army and the rebels agreed to a truce brokered by Qatar and Egypt."), "AGREE")
    assert agree.recipient == []


def test_claiming_responsibility_for_an_attack_makes_it_yours(code):
    """ "claimed responsibility for the bombing of a church": Islamic State's bombing, with explosives (it has
    no aircraft)."""
    assault = one(code("Islamic State claimed responsibility for the bombing of a church in Kabul."), "ASSAULT")
    assert [a.code for a in assault.actor] == ["IMG"] and assault.mode == "explosives"
    assert [r.code for r in assault.recipient] == ["AFG"]


def test_violence_by_protesters_is_a_riot_and_they_are_of_the_place(code):
    """ "Protesters set fire to the Swedish embassy in Baghdad": Iraqi protesters rioting against Sweden;
    the Koran burning hung on "after" is nobody's attack."""
    events = code("Protesters set fire to the Swedish embassy in Baghdad after a Koran burning in Stockholm.")
    assert [(e.event, e.mode) for e in events] == [("PROTEST", "riot")]
    assert events[0].actor[0].code == "IRQ" and events[0].recipient[0].code == "SWE"


def test_a_killing_in_a_named_attack_is_by_whom_the_attack_names(code):
    """ "were killed in a PKK attack": the PKK killed them, not unidentified attackers."""
    events = code("Two Turkish soldiers were killed in a PKK attack near the Iraqi border, the ministry said.")
    assert dyads(events) == [("ASSAULT", ("TUR",), ("TUR",))] and events[0].actor[0].sector == "REB"


def test_a_past_tense_the_parser_read_as_a_participle_on_the_root_name_keeps_its_subject(code):
    """ "Qatar, which hosts the Taliban office, offered to mediate": the parser hangs "offered" on "Qatar"."""
    events = code("Qatar, which hosts the Taliban office, offered to mediate between Kabul and Washington.")
    offer = one(events, "AGREE")
    assert [a.code for a in offer.actor] == ["QAT"] and sorted(r.code for r in offer.recipient) == ["AFG", "USA"]


def test_exercises_of_several_states_together_are_cooperation(code):
    """PLOVER manual: joint military operations are COOPERATE, single-country exercises MOBILIZE."""
    joint = code("Chinese and Russian warships conducted joint exercises in the Sea of Japan.")
    assert [(e.event, sorted(a.code for a in e.actor)) for e in joint] == [("COOPERATE", ["CHN", "RUS"])]
    alone = code("Russia and Belarus deployed troops along the Polish border.")
    assert [e.event for e in alone] == ["MOBILIZE"]


def test_warning_of_a_disaster_is_no_threat(code):
    assert code("The World Health Organization warned of a cholera outbreak in Haiti.") == []


def test_a_bare_counterpart_is_the_other_side(code):
    events = code(
        "Nepal turned down a Chinese offer of a transit treaty, asking the counterpart to back"
        " the regional accord instead."
    )
    request = one(events, "REQUEST")
    assert [(r.code, r.sector) for r in request.recipient] == [("CHN", "GOV")]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("A Taliban commander was killed in an airstrike in Kunduz.", ("AFG", "REB")),
        ("Hamas soldiers fired rockets at Ashkelon.", ("PSE", "REB")),
    ],
)
def test_fighters_of_an_armed_group_are_rebels_not_an_army(code, text, actor):
    entities = [(a.code, a.sector) for e in code(text) for a in [*e.actor, *e.recipient]]
    assert actor in entities and (actor[0], "MIL") not in entities


def test_the_forces_a_state_moves_are_not_whom_it_moves_them_against(code):
    events = code("Russia flew strategic bombers near Alaska.")
    assert [(e.event, e.recipient) for e in events] == [("MOBILIZE", [])]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Venezuela threatened to take the Essequibo region by force.", "territory"),
        # "take action" is no seizure of land
        ("North Korea threatened to take military action against South Korea.", ""),
    ],
)
def test_threatening_to_take_land_is_a_territorial_threat(code, text, mode):
    assert one(code(text), "THREATEN").mode == mode


def test_an_active_verb_coordinated_with_a_reported_passive_is_the_reporters(code):
    """ "The ministry said the drivers had been held ... and demanded their release": the ministry demands."""
    events = code(
        "The Kenyan foreign ministry said the drivers had been held without charge since Thursday and demanded"
        " their immediate release."
    )
    demand = one(events, "REQUEST")
    assert [(a.code, a.sector) for a in demand.actor] == [("KEN", "GOV")]


def test_enacting_a_law_whose_act_is_coded_is_no_second_event(code):
    """ "approved a law recognizing the opposition's victories": one CONCEDE, no SUPPORT for the approving."""
    events = code("The Serbian parliament approved a law recognizing the opposition's victories in local elections.")
    assert [e.event for e in events] == ["CONCEDE"]


def test_the_agreement_refers_to_the_latest_agreement_not_the_latest_event(code):
    """ "The United States welcomed the agreement": the parties to the ceasefire deal, not the last speaker."""
    events = code(
        "Israel and Hamas agreed to a six-week ceasefire in Gaza on Friday. "
        "Hamas leader Ismail Haniyeh accused Israel of stalling. "
        "The United States welcomed the agreement."
    )
    welcomed = one(events, "SUPPORT")
    assert sorted((r.code, r.sector) for r in welcomed.recipient) == [("ISR", ""), ("PSE", "REB")]
    agreed = one(events, "AGREE")
    assert agreed.recipient == []  # a joint act is not on one of its parties ("in Gaza")
    accused = one(events, "ACCUSE")
    assert [(a.code, a.sector) for a in accused.actor] == [("PSE", "REB")]  # an armed group's leader


def test_a_protest_outside_an_embassy_is_aimed_at_its_state(code):
    protest = one(code("Hundreds of Armenians protested outside the Russian embassy in Yerevan."), "PROTEST")
    assert [(r.code, r.sector) for r in protest.recipient] == [("RUS", "GOV")]


def test_the_claim_denied_is_the_latest_accusers(code):
    events = code("Niger's junta accused France of planning an attack on the palace. Paris denied the claim.")
    denial = one(events, "REJECT")
    assert [r.code for r in denial.recipient] == ["NER"]


def test_defending_ones_own_is_no_support(code):
    assert code("The minister defended his decision in parliament.") == []


def test_forces_led_by_a_state_are_that_states(code):
    """ "Russia-led forces" are led by Russia; (by contrast "Iran-backed militias" are not Iran's)."""
    request = one(code("Kazakhstan's president asked Russia-led forces to help restore order."), "REQUEST")
    assert [(r.code, r.sector) for r in request.recipient] == [("RUS", "MIL")]


def test_an_attack_that_killed_is_one_event_on_whom_it_struck(code):
    """ "An Israeli strike on a school in Gaza killed 30 people": one attack, not a strike and a killing."""
    events = code("An Israeli strike on a school sheltering displaced people in Gaza killed at least 30 people.")
    assert dyads(events) == [("ASSAULT", ("ISR",), ("PSE",))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a vow of what is no event (a NONE row) promises nothing to code, and must not fail
        ("Kenya vowed to call an early election.", []),
        ("Somalia vowed to defend its territory by all legal means.", []),
        # an agreement stands on its own
        ("Kenya agreed to call an early election.", ["AGREE"]),
    ],
)
def test_a_to_clause_that_is_no_event(code, text, expected):
    assert [e.event for e in code(text)] == expected
