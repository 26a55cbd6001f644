"""After the engine: one finding per problem, and fixes applied to a text."""
from newslint.findings import Finding
from newslint.post.fixes import apply_fixes
from newslint.post.overlaps import one_per_problem


def finding(rule, start, end, text, fix=None, severity="warning", applicability="safe"):
    return Finding("a.txt", 1, start + 1, 1, end + 1, rule, "garbled", severity, "m", text[start:end],
                   fix=fix, applicability=applicability if fix is not None else None, offset=start, end_offset=end)


TEXT = "Advertisement\nKata dariAntara itu."


def test_a_deleted_line_absorbs_the_findings_inside_it():
    ad = finding("P.Advertisement", 0, 13, TEXT, fix="")
    english = finding("P.EnglishFurniture", 0, 13, TEXT)
    inner = finding("P.Glued", 2, 6, TEXT, fix="x")
    assert one_per_problem([english, inner, ad], {}) == [ad]


def test_supersedes_keeps_the_more_specific_rule_on_overlapping_spans():
    generic = finding("P.GluedWords", 19, 29, TEXT, fix="dari Antara")
    specific = finding("P.GluedFunctionWord", 19, 25, TEXT, fix="dari")
    other = finding("P.Other", 30, 33, TEXT)
    assert one_per_problem([generic, specific, other], {"P.GluedFunctionWord": frozenset({"P.GluedWords"})}) == [specific, other]
    # without the declaration both stay: they are not the same span
    assert one_per_problem([generic, specific], {}) == [generic, specific]


def test_the_same_span_keeps_the_most_severe_then_the_fixable_then_the_first_rule():
    a = finding("P.A", 19, 29, TEXT)
    b = finding("P.B", 19, 29, TEXT, fix="dari Antara")
    c = finding("P.C", 19, 29, TEXT, severity="error")
    assert one_per_problem([a, b, c], {}) == [c]
    assert one_per_problem([a, b], {}) == [b]
    assert one_per_problem([b, finding("P.A", 19, 29, TEXT, fix="x")], {}) == [finding("P.A", 19, 29, TEXT, fix="x")]


def test_apply_fixes_takes_safe_ones_and_leaves_overlaps_for_a_later_pass():
    text = "yang yang dariAntara"
    doubled = finding("P.D", 0, 9, text, fix="yang")
    glued = finding("P.G", 10, 20, text, fix="dari Antara", applicability="unsafe")
    overlapping = finding("P.O", 5, 12, text, fix="X")
    fixed, applied = apply_fixes(text, [glued, overlapping, doubled])
    assert (fixed, applied) == ("yang dariAntara", [doubled])
    fixed, applied = apply_fixes(text, [glued, overlapping, doubled], unsafe=True)
    assert (fixed, applied) == ("yang dari Antara", [doubled, glued])


def test_deleting_a_whole_line_deletes_its_line_end_too():
    for text, expected in [
        ("A\nAdvertisement\nB\n", "A\nB\n"),
        ("Advertisement\nB", "B"),
        ("A\r\nAdvertisement\r\nB\r\n", "A\r\nB\r\n"),
        ("A\nAdvertisement", "A"),
    ]:
        start = text.index("Advertisement")
        ad = finding("P.Ad", start, start + 13, text, fix="")
        assert apply_fixes(text, [ad])[0] == expected
    # part of a line: only the span goes
    text = "Isi. Advertisement\nB"
    ad = finding("P.Ad", 5, 18, text, fix="")
    assert apply_fixes(text, [ad])[0] == "Isi. \nB"


def test_a_fix_leaving_only_a_space_absorbs_what_it_removes():
    text = "Kata dia.Baca Juga: dariAntara Jadi Berita Warga pulang."
    box = finding("P.Box", 9, 49, text, fix=" ")
    inner = finding("P.Glued", 19, 30, text, fix="dari Antara")
    assert one_per_problem([box, inner], {}) == [box]


OVERLAPPING = """Jakarta, Selasa (12/11/2024)

Harga beras naik lagi kepadaBBCbahwa stok menipis.

Advertisement

Gudang terbakar pukul 02.00 WIB.Baca JugaTiga Rumah Rusak Diterjang AnginJembatan Putus di HuluPetugas pemadam tiba setengah jam kemudian.

Warga dariAntara mengungsi ke balai desa.
Warga dariAntara mengungsi ke balai desa.
"""


def test_the_shipped_rules_report_one_finding_per_problem():
    """Each problem here is seen by several shipped rules (a glued function word and a glued
    acronym; an English ad line; glue inside a glued "Baca Juga" box; glue inside a repeated line):
    the user gets one finding for each, and no two findings overlap."""
    from newslint import lint_text

    found = lint_text(OVERLAPPING)
    assert [(f.line, f.rule, f.match) for f in found] == [
        (3, "Indonesian.GluedWords", "kepadaBBCbahwa"),
        (5, "Indonesian.Advertisement", "Advertisement"),
        (7, "Indonesian.BacaJugaGlued", "Baca JugaTiga Rumah Rusak Diterjang AnginJembatan Putus di Hulu"),
        (9, "Indonesian.GluedWords", "dariAntara"),
        (10, "Indonesian.DuplicateText", "Warga dariAntara mengungsi ke balai desa."),
    ]
    spans = sorted((f.offset, f.end_offset) for f in found)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
    # Each rule alone does see these spans: the policy, not a blind rule, removed them.
    alone = {f.rule for f in lint_text(OVERLAPPING, select=["Indonesian.GluedFunctionWord", "Indonesian.EnglishFurniture"])}
    assert alone == {"Indonesian.GluedFunctionWord", "Indonesian.EnglishFurniture"}


def _deleted(text, start, end, fix=""):
    return apply_fixes(text, [finding("P.Ad", start, end, text, fix=fix)])[0]


def test_line_deletion_at_the_edges_of_the_text():
    assert _deleted("A\r\nAdvertisement", 3, 16) == "A"  # the last line takes its CRLF before it
    assert _deleted("Advertisement", 0, 13) == ""  # the whole text
    assert _deleted("\nAdvertisement", 1, 14) == ""
    assert _deleted("\r\nAdvertisement", 2, 15) == ""  # the CRLF at the very start goes whole
    assert _deleted("Isi. Advertisement", 5, 18) == "Isi. "  # not a whole line: only the span
    assert _deleted("A\n\nB", 2, 2) == "A\n\nB"  # deleting nothing keeps the blank line


def test_a_replacement_on_a_whole_line_keeps_the_line_end():
    assert _deleted("A\nAdvertisement\nB", 2, 15, fix="Iklan") == "A\nIklan\nB"


def test_two_deleted_lines_at_the_end_of_the_text():
    text = "A\nIklan satu\nIklan dua"
    first = finding("P.Ad", 2, 12, text, fix="")
    second = finding("P.Ad2", 13, 22, text, fix="")
    assert apply_fixes(text, [first, second])[0] == "A\n"


def test_a_deleted_line_absorbs_findings_at_its_edges_and_of_any_severity():
    text = "Isi berita.\nBACA JUGA: Harga naik\nWarga pulang."
    start = text.index("BACA")
    end = start + len("BACA JUGA: Harga naik")
    box = finding("P.BacaJuga", start, end, text, fix="")
    shouted = finding("P.Caps", start, start + 4, text, fix="Baca", severity="error")  # where the line starts
    last = finding("P.Word", end - 4, end, text)  # where the line ends
    kept = one_per_problem([shouted, last, box], {})
    assert kept == [box]
    assert apply_fixes(text, kept)[0] == "Isi berita.\nWarga pulang."


def test_supersedes_reaches_every_finding_in_the_span():
    """A check may report a passage and a part of it (the same rule twice); the passage's rule
    still removes every finding it supersedes inside the passage, and only those."""
    text = "Read more: Warga dariAntara pulang. Kata diaBBC."
    passage = finding("P.English", 0, 35, text)  # "Read more: ... pulang."
    part = finding("P.English", 5, 9, text)  # "more"
    glued = finding("P.Glued", 17, 27, text, fix="dari Antara")  # inside the passage
    later = finding("P.Glued", 41, 47, text, fix="dia BBC")  # after it
    assert (glued.match, later.match) == ("dariAntara", "diaBBC")
    kept = one_per_problem([later, glued, part, passage], {"P.English": frozenset({"P.Glued"})})
    assert kept == [later, part, passage]


def test_a_finding_that_is_not_kept_hides_nothing():
    """Only what is reported may stand for a problem: a deletion superseded by a finding inside it
    deletes nothing, and in a chain A > B > C the dropped B does not take C with it."""
    text = "Iklan dariAntara\nlain"
    line = finding("P.Line", 0, 16, text, fix="")
    inner = finding("P.Inner", 6, 16, text, fix="dari Antara")
    assert one_per_problem([line, inner], {"P.Inner": frozenset({"P.Line"})}) == [inner]
    a, b, c = finding("P.A", 0, 5, text), finding("P.B", 3, 9, text), finding("P.C", 7, 12, text)
    chain = {"P.A": frozenset({"P.B"}), "P.B": frozenset({"P.C"})}
    assert one_per_problem([a, b, c], chain) == [a, c]
    assert one_per_problem([b, c], chain) == [b]  # with A away, B is kept and hides C
