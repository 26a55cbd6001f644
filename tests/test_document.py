"""The Document: lines, paragraphs, Indonesian sentences, positions, Unicode spaces."""
from newslint.document import Document
from newslint.plugins import load_registry


def texts(doc, spans):
    return [doc.text[s.start:s.end] for s in spans]


def test_positions_are_one_based_code_points_with_exclusive_end():
    doc = Document("a.txt", "Judul\nKata “dua” ada di sini.\n")
    start = doc.text.index("dua")
    assert doc.position(start) == (2, 7)  # “ is one code point, not three bytes
    assert doc.span_position(start, start + 3) == (2, 7, 2, 10)


def test_span_ending_at_line_end_and_across_lines():
    doc = Document("a.txt", "abc\ndef")
    assert doc.span_position(0, 3) == (1, 1, 1, 4)
    assert doc.span_position(2, 6) == (1, 3, 2, 3)


def test_lines_drop_carriage_returns():
    doc = Document("a.txt", "satu\r\ndua\r\n")
    assert texts(doc, doc.lines) == ["satu", "dua", ""]


def test_paragraphs_are_separated_by_blank_lines():
    doc = Document("a.txt", "Judul\n\nParagraf satu.\nMasih satu.\n \nParagraf dua.\n")
    assert texts(doc, doc.paragraphs) == ["Judul", "Paragraf satu.\nMasih satu.", "Paragraf dua."]


def test_unicode_spaces_become_plain_spaces_in_norm_only():
    text = "Presiden\u00a0Korea\u2009Utara\u202fKim"
    doc = Document("a.txt", text)
    assert doc.norm == "Presiden Korea Utara Kim"
    assert doc.text == text
    assert len(doc.norm) == len(doc.text)


def test_sentences_keep_the_packs_abbreviations_together():
    """The Indonesian pack's abbreviations (rules/Indonesian/_sentences.yml, through the built-in
    plugin) keep "dr. Andi" in its sentence; a Document without them has only initials."""
    text = "Ia dirawat dr. Andi di Jl. Sudirman No. 5 bersama H. Agus. Dokter itu tiba pukul 17.49 WIB. Inflasi 1,6 persen."
    doc = load_registry().document("a.txt", text)
    assert texts(doc, doc.sentences) == [
        "Ia dirawat dr. Andi di Jl. Sudirman No. 5 bersama H. Agus.",
        "Dokter itu tiba pukul 17.49 WIB.",
        "Inflasi 1,6 persen.",
    ]
    bare = Document("a.txt", text)
    assert texts(bare, bare.sentences)[:3] == ["Ia dirawat dr.", "Andi di Jl.", "Sudirman No."]
    assert texts(bare, bare.sentences)[3] == "5 bersama H. Agus."


def test_a_plugin_adds_abbreviations():
    from newslint.hookspecs import hookimpl

    class Polish:
        @hookimpl
        def newslint_abbreviations(self):
            return ["Ul.", "im"]

    doc = load_registry(extra_plugins=(Polish(),)).document("a.txt", "Biuro przy ul. Długiej. Szkoła im. Kopernika.")
    assert texts(doc, doc.sentences) == ["Biuro przy ul. Długiej.", "Szkoła im. Kopernika."]


def test_sentences_with_quotes_and_lowercase_continuation():
    doc = Document("a.txt", "“Kami siap.” kata dia. \"Semua aman,\" ujarnya. Lalu ia pergi! Benarkah? Ya.")
    assert texts(doc, doc.sentences) == [
        "“Kami siap.” kata dia.",
        "\"Semua aman,\" ujarnya.",
        "Lalu ia pergi!",
        "Benarkah?",
        "Ya.",
    ]


def test_sentences_break_at_lines_that_start_a_new_sentence():
    doc = Document("a.txt", "Judul Tanpa Titik\nKalimat yang terputus di\nbaris kedua. Lalu selesai.\nBaris baru\n")
    assert texts(doc, doc.sentences) == [
        "Judul Tanpa Titik",
        "Kalimat yang terputus di\nbaris kedua.",
        "Lalu selesai.",
        "Baris baru",
    ]


def test_enclosing_unit():
    doc = Document("a.txt", "Satu. Dua tiga.\n\nEmpat.")
    offset = doc.text.index("tiga")
    s = doc.enclosing("sentence", offset)
    assert doc.text[s.start:s.end] == "Dua tiga."
    p = doc.enclosing("paragraph", offset)
    assert doc.text[p.start:p.end] == "Satu. Dua tiga."


def test_enclosing_outside_every_unit_is_the_whole_text():
    from newslint.document import Span

    doc = Document("a.txt", "\n\nSatu.\n\nDua.")
    whole = Span(0, len(doc.text))
    assert doc.enclosing("paragraph", 0) == whole  # before the first paragraph
    assert doc.enclosing("paragraph", doc.text.index("Satu.") + 5) == whole  # just past its end
    assert doc.enclosing("paragraph", doc.text.index("Dua")) == Span(doc.text.index("Dua"), len(doc.text))
    assert doc.enclosing("sentence", 1) == whole


def test_enclosing_line_of_an_empty_line_and_a_line_break():
    from newslint.document import Span

    doc = Document("a.txt", "a\r\n\r\nb\n")
    assert doc.enclosing("line", 3) == Span(3, 3)  # the empty line holds its own start
    assert doc.enclosing("line", 4) == Span(0, len(doc.text))  # its "\n" is in no line
    assert doc.enclosing("line", 1) == Span(0, len(doc.text))  # nor is the first line's "\r"
    assert doc.enclosing("line", 5) == Span(5, 6)


# -- analyses shared by the checks ---------------------------------------------------------------

def test_a_shared_analysis_is_computed_once_per_function_and_inputs():
    doc = Document("a.txt", "Satu. Dua.\n")
    calls = []

    def count_sentences(d, table):
        calls.append(table)
        return len(d.sentences)

    table, same_content = {"a": 1}, {"a": 1}  # unhashable, and equal but not the same object
    assert doc.shared(count_sentences, table) == 2
    assert doc.shared(count_sentences, table) == 2
    assert calls == [table]
    doc.shared(count_sentences, same_content)
    assert len(calls) == 2 and calls[1] is same_content
    assert Document("a.txt", "Satu. Dua. Tiga.\n").shared(count_sentences, table) == 3  # per Document


def test_the_date_rules_find_the_dates_once(monkeypatch):
    """Four date rules read the dates of each sentence; the date table's patterns scan each
    sentence once, whatever the number of rules."""
    import newslint.kinds.dates as kinds_dates
    from newslint import lint_text

    scanned = []
    real = kinds_dates.find_dates

    def counting(text, table, start=0, end=None):
        scanned.append((start, end))
        return real(text, table, start, end)

    monkeypatch.setattr(kinds_dates, "find_dates", counting)
    text = "Rabu, 18 Jun 2025 06:00 WIB\n\nPelaku ditangkap Rabu (16/6/2025). Sidang digelar 31 April 2025.\n"
    rules = ["Indonesian.WeekdayMismatch", "Indonesian.ImpossibleDate", "Indonesian.RelativeDate", "Indonesian.Timeline"]
    found = {f.rule for f in lint_text(text, select=rules)}
    assert found == {"Indonesian.WeekdayMismatch", "Indonesian.ImpossibleDate"}
    sentences = [(s.start, s.end) for s in Document("<text>", text).sentences]
    assert sorted(scanned) == sorted(sentences)


def test_the_language_rules_tokenise_each_candidate_sentence_once(monkeypatch):
    import newslint.kinds.language as kinds_language
    from newslint import lint_text

    tokenised = []
    real = kinds_language.tokens

    def counting(text, start, end, lex, quoted=()):
        if len(text) == len(article):  # a sentence of the article, not a snippet judged on its own
            tokenised.append((start, end))
        return real(text, start, end, lex, quoted)

    monkeypatch.setattr(kinds_language, "tokens", counting)
    text = article = (
        "Menteri itu berbicara di Jakarta pada hari Senin.\n\n"
        "The minister said the talks would continue until the end of the year.\n\n"
        "Ia menyebut rencana itu sebagai a game changer for the whole region hari ini.\n"
    )
    found = lint_text(text, select=["Indonesian.EnglishSentence", "Indonesian.EnglishClause"])
    assert {f.rule for f in found} == {"Indonesian.EnglishSentence", "Indonesian.EnglishClause"}
    assert len(tokenised) == len(set(tokenised)) == 2  # the two sentences with English words, once each
