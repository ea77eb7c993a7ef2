from newsevents.ingest.clean import analysis_text, clean, find_boilerplate, find_kickers


def reasons(text):
    return [(r.span.text, r.reason) for r in clean(text)]


def test_promo_header_and_teasers_removed_until_prose():
    text = ("Ministers met in Oslo on Monday.\n"
            "More from The Northern Post:\n"
            "Five ways to save on heating\n"
            "- Football club sacks coach\n"
            "The talks will continue tomorrow, a spokeswoman said.\n")
    got = reasons(text)
    assert got == [("More from The Northern Post:", "promo"),
                   ("Five ways to save on heating", "teaser"),
                   ("- Football club sacks coach", "teaser")]


def test_each_kind_of_boilerplate_line_has_its_reason():
    lines = {
        "Trending on Harbour News: Storm closes ferries": "promo",
        "Read more: Why the port strike matters": "promo",
        "Related: Senate passes budget": "promo",
        "Sign up for our free daily newsletter": "newsletter",
        "Share this article on Facebook": "share_prompt",
        "Photo: Maria Ortiz/AFP": "photo_credit",
        "ADVERTISEMENT": "advertisement",
        "Copyright 2024 Harbour News. All rights reserved.": "copyright",
        "Lena Maar and Tomas Eide contributed reporting from Bergen.": "reporting_credit",
        "(Reporting by Ilse Varga; Editing by Paul Ostrov)": "reporting_credit",
        "Additional reporting by Omar Hadid in Amman": "reporting_credit",
    }
    text = "\n".join(["The mayor resigned on Friday."] + list(lines) + ["She denied wrongdoing."])
    got = dict((r.span.text, r.reason) for r in find_boilerplate(text))
    assert got == lines


def test_prose_is_never_removed():
    text = ("More than 40 people were killed in the attack, officials said.\n"
            "Related talks in Geneva failed to produce an agreement.\n"
            "Copyright law was not part of the negotiations.\n"
            "Watchdogs said the share of votes counted was low.\n"
            "Norway contributed reporting equipment and two patrol boats to the mission.\n"
            "Reporting by state media could not be verified, the ministry said.")
    assert clean(text) == []


def test_kickers_are_found_but_speaker_colons_are_not():
    text = ("Why it matters: The pipeline carries a third of the region's gas.\n"
            "Background: Talks collapsed in May.\n"
            "Smith: We will not negotiate under threat.\n")
    assert [(r.span.text, r.reason) for r in find_kickers(text)] == [
        ("Why it matters:", "section_kicker"), ("Background:", "section_kicker")]


def test_analysis_text_keeps_length_and_newlines_and_blanks_removed():
    text = "Why it matters: Oil rose.\nWatch: Ten dogs\nPrices fell."
    removed = clean(text)
    seen = analysis_text(text, removed)
    assert len(seen) == len(text)
    assert seen.count("\n") == text.count("\n")
    assert "Why it matters" not in seen and "Ten dogs" not in seen
    assert seen.endswith("Prices fell.") and "Oil rose." in seen
    for r in removed:
        assert text[r.span.start:r.span.end] == r.span.text


def test_headline_is_a_short_first_line_before_a_blank_line():
    from newsevents.ingest.prepare import headline

    assert headline("Rebels seize airport in north\n\nRebels seized the airport.") == \
        "Rebels seize airport in north"
    assert headline("\n  Talks end without deal  \r\n\r\nBody.") == "Talks end without deal"
    assert headline("The minister resigned on Friday.\n\nShe denied wrongdoing.") is None
    assert headline("Rebels seize airport\nRebels seized the airport.") is None
    assert headline("One paragraph only, no break") is None
