"""Each check kind, driven by a rule written for the test."""
import pytest

from newslint import lint_text
from newslint.errors import NewslintError

from conftest import rule_file


@pytest.fixture
def lint(tmp_path):
    def _lint(body: str, text: str, **kw):
        rule_file(tmp_path, "T", "R", body)
        return lint_text(text, select=["T"], rule_paths=[tmp_path], **kw)

    return _lint


def spans(findings):
    return [(f.line, f.column, f.end_column, f.match) for f in findings]


def test_existence_tokens_are_whole_words(lint):
    body = "extends: existence\ncategory: garbled\nmessage: \"Found '%s'.\"\ntokens: [bagi jika]\n"
    found = lint(body, "Bantuan bagi jika diserang.\nBagi jika-nya tidak. Pembagi jikalau.")
    assert spans(found) == [(1, 9, 18, "bagi jika")]
    assert found[0].message == "Found 'bagi jika'."


def test_existence_matches_unicode_spaces_and_reports_original_text(lint):
    body = "extends: existence\ncategory: title\nmessage: \"'%s'\"\ntokens: [Presiden Korea Utara]\n"
    text = "Kata Presiden\u00a0Korea\u00a0Utara itu."
    (f,) = lint(body, text)
    assert f.match == "Presiden\u00a0Korea\u00a0Utara"
    assert text[f.column - 1:f.end_column - 1] == f.match


def test_existence_ignorecase_exceptions_and_remove_action(lint):
    body = (
        "extends: existence\ncategory: boilerplate\nmessage: x\nignorecase: true\n"
        "tokens: [iklan\\w*]\nexceptions: [Iklannya]\naction: {name: remove}\n"
    )
    found = lint(body, "IKLAN di sini. Iklannya bagus. iklanan")
    assert [f.match for f in found] == ["IKLAN", "iklanan"]
    assert all(f.fix == "" for f in found)


def test_substitution_suggests_and_fixes_longest_first(lint):
    body = (
        "extends: substitution\ncategory: consistency\nmessage: \"Write '%s', not '%s'.\"\n"
        "swap:\n  Kiev: Kyiv\n  Volodymyr Zelenskiy: Volodymyr Zelensky\n  Zelenskiy: Zelensky\n"
    )
    found = lint(body, "Volodymyr Zelenskiy tiba di Kiev. Zelenskiy bicara. Kyiv aman.")
    assert [(f.match, f.fix) for f in found] == [
        ("Volodymyr Zelenskiy", "Volodymyr Zelensky"),
        ("Kiev", "Kyiv"),
        ("Zelenskiy", "Zelensky"),
    ]
    assert found[1].message == "Write 'Kyiv', not 'Kiev'."


def test_substitution_with_several_suggestions_has_no_single_fix(lint):
    body = "extends: substitution\ncategory: mistranslation\nmessage: \"Write %s.\"\nswap:\n  menekan: meneken|menandatangani\n"
    (f,) = lint(body, "Mereka menekan pakta.")
    assert f.suggestions == ("meneken", "menandatangani")
    assert f.fix is None
    assert f.message == "Write meneken or menandatangani."


def test_substitution_leaves_the_expected_form_alone(lint):
    body = "extends: substitution\ncategory: consistency\nignorecase: true\nmessage: x\nswap:\n  'ki(?:ev|yiv)': Kyiv\n"
    assert spans(lint(body, "Kyiv dan Kiev.")) == [(1, 10, 14, "Kiev")]


def test_substitution_computes_the_replacement_from_capture_groups(lint):
    body = (
        "extends: substitution\ncategory: mistranslation\nnonword: true\nmessage: \"Write '%s', not '%s'.\"\n"
        "swap:\n  '(\\d+)\\.(\\d{1,2})(?=\\s?%)': '$1,$2'\n  'Jalan (Downing|Wall)': '${1} Street'\n"
    )
    found = lint(body, "Naik 0.79% di Jalan Wall.")
    assert [(f.match, f.fix, f.message) for f in found] == [
        ("0.79", "0,79", "Write '0,79', not '0.79'."),
        ("Jalan Wall", "Wall Street", "Write 'Wall Street', not 'Jalan Wall'."),
    ]


def test_substitution_groups_of_several_entries_do_not_mix(lint):
    body = (
        "extends: substitution\ncategory: mistranslation\nmessage: x\n"
        "swap:\n  'Mayor (Paris|Roma)': 'Wali Kota $1'\n  'negara (Texas)': 'negara bagian $1|$1'\n"
    )
    found = lint(body, "Mayor Roma menyurati negara Texas.")
    assert [(f.match, f.suggestions, f.fix) for f in found] == [
        ("Mayor Roma", ("Wali Kota Roma",), "Wali Kota Roma"),
        ("negara Texas", ("negara bagian Texas", "Texas"), None),
    ]


def test_substitution_reference_to_a_missing_group_is_a_rule_error(lint):
    body = "extends: substitution\ncategory: garbled\nmessage: x\nswap:\n  '(a)b': 'x$2'\n  c: d\n"
    with pytest.raises(NewslintError, match="names a group"):
        lint(body, "ab")


def test_replacements_take_a_capital_only_at_a_sentence_start(lint):
    swap = "extends: substitution\ncategory: mistranslation\nmessage: x\nswap:\n  '(?i:pemilu paruh waktu)': pemilu sela\n"
    found = lint(swap, "Pemilu paruh waktu dekat. Jelang Pemilu Paruh Waktu, \u201cPemilu paruh waktu\u201d ramai.")
    assert [f.fix for f in found] == ["Pemilu sela", "pemilu sela", "Pemilu sela"]
    exist = "extends: existence\ncategory: mistranslation\nmessage: x\ntokens: ['[Gg]encatan api']\naction: {name: replace, params: [gencatan senjata]}\n"
    assert [f.fix for f in lint(exist, "Gencatan api gagal. Ada gencatan api.")] == ["Gencatan senjata", "gencatan senjata"]


def test_a_replacement_that_only_changes_case_is_kept_as_written(lint):
    body = "extends: substitution\ncategory: consistency\nmessage: x\nswap:\n  Presiden: presiden\n"
    (f,) = lint(body, "Presiden itu datang.")
    assert f.fix == "presiden"


def test_occurrence_max_per_sentence(lint):
    body = "extends: occurrence\ncategory: garbled\nscope: sentence\nmessage: \"%d kali\"\ntoken: '\\bdan\\b'\nmax: 2\n"
    found = lint(body, "Aku dan kamu dan dia dan mereka. Aku dan kamu.")
    assert [(f.column, f.message) for f in found] == [(22, "3 kali")]


def test_occurrence_min_over_text(lint):
    body = "extends: occurrence\ncategory: garbled\nmessage: \"only %d\"\ntoken: '\\.'\nmin: 3\n"
    (f,) = lint(body, "Satu kalimat.")
    assert f.message == "only 1" and f.column == 1


def test_repetition_reports_both_copies_and_not_across_lines(lint):
    body = "extends: repetition\ncategory: garbled\nmessage: \"'%s' twice\"\nalpha: true\nignorecase: true\ntokens: ['\\p{L}+']\n"
    found = lint(body, "Ia di di rumah yang Yang baru.\nAdvertisement\nAdvertisement\nanak-anak")
    assert [(f.match, f.fix, f.message) for f in found] == [
        ("di di", "di", "'di' twice"),
        ("yang Yang", "yang", "'Yang' twice"),
    ]


REDUP = (
    "extends: repetition\ncategory: garbled\nmessage: \"'%s' twice\"\n"
    "message_join: \"'%s' twice: write '%s'\"\nalpha: true\nignorecase: true\n"
    "tokens: ['\\p{L}+']\ndrop: ['di|pada']\njoin: '-'\napplicability: safe\n"
)


def test_repetition_joins_content_words_unsafely_and_drops_function_words_safely(lint):
    found = lint(REDUP, "Batu batu itu ada di di sana.")
    assert [(f.match, f.fix, f.suggestions, f.applicability, f.message) for f in found] == [
        ("Batu batu", "Batu-batu", ("Batu-batu", "Batu"), "unsafe", "'batu' twice: write 'Batu-batu'"),
        ("di di", "di", ("di",), "safe", "'di' twice"),
    ]


def test_repetition_finds_runs_of_words_up_to_max_tokens(lint):
    body = REDUP + "max_tokens: 2\n"
    found = lint(body, "Ia datang pada hari pada hari Senin. Kata itu kata itu juga. Tiga kata lagi tiga kata lagi.")
    assert [(f.match, f.fix, f.applicability) for f in found] == [
        ("pada hari pada hari", "pada hari", "safe"),  # holds a drop word: the rule's applicability
        ("Kata itu kata itu", "Kata itu", "unsafe"),  # content words only: it may be a plural compound
    ]
    assert lint(REDUP, "Ia datang pada hari pada hari Senin.") == []  # max_tokens defaults to 1


def test_repetition_exceptions_spare_names_and_chants(lint):
    body = REDUP + "max_tokens: 2\nexceptions: ['(?:hei|ho)', '(?-i:\\p{Lu}\\p{L}*)']\n"
    assert lint(body, "Ayu Ting Ting bernyanyi hei hei ho ho lalu hei ho hei ho.") == []
    assert [f.match for f in lint(body, "Dari dari sini.")] == ["Dari dari"]


def test_repetition_without_join_keeps_one_copy_as_vale_does(lint):
    body = "extends: repetition\ncategory: garbled\nmessage: x\nalpha: true\nignorecase: true\ntokens: ['\\p{L}+']\n"
    (f,) = lint(body, "Pulau pulau kecil.")
    assert (f.match, f.fix, f.applicability) == ("Pulau pulau", "Pulau", "unsafe")


def test_repetition_max_tokens_must_be_positive(lint):
    body = "extends: repetition\ncategory: garbled\nmessage: x\ntokens: ['\\w+']\nmax_tokens: 0\n"
    with pytest.raises(NewslintError, match="max_tokens"):
        lint(body, "a a")


def test_consistency_flags_the_minority_spelling(lint):
    body = "extends: consistency\ncategory: consistency\nmessage: \"'%s' is spelled two ways\"\neither:\n  Kim Jong Un: Kim Jong-un\n"
    found = lint(body, "Kim Jong Un tiba. Kim Jong-un bicara. Kim Jong Un pulang.")
    assert [(f.match, f.fix) for f in found] == [("Kim Jong-un", "Kim Jong Un")]


def test_consistency_tie_flags_the_later_form(lint):
    body = "extends: consistency\ncategory: consistency\nmessage: x\neither:\n  Kiev: Kyiv\n"
    found = lint(body, "Kyiv diserang. Warga Kiev mengungsi.")
    assert [(f.match, f.fix) for f in found] == [("Kiev", "Kyiv")]


def test_conditional_with_capture_groups(lint):
    body = (
        "extends: conditional\ncategory: consistency\nmessage: \"'%s' is never spelled out\"\n"
        "first: '\\b([A-Z]{3,})\\b'\nsecond: '\\(([A-Z]{3,})\\)'\nexceptions: [NATO]\n"
    )
    found = lint(body, "Komisi Pemilihan Umum (KPU) dan KPU bertemu BPOM dan NATO.")
    assert [f.match for f in found] == ["BPOM"]


def test_conditional_without_groups_is_a_presence_check(lint):
    body = "extends: conditional\ncategory: date\nmessage: x\nfirst: 'kemarin'\nsecond: '\\d{4}'\n"
    assert len(lint(body, "Ia datang kemarin.")) == 1
    assert lint(body, "Ia datang kemarin, 12 November 2024.") == []


def test_unless_silences_by_document_and_sentence(lint):
    body = (
        "extends: existence\ncategory: mistranslation\nmessage: x\ntokens: [Benggala Barat]\n"
        "unless:\n  document: [Kolkata, 'negara bagian Benggala Barat']\n  sentence: [India]\n"
    )
    assert len(lint(body, "Putin mengkritik keputusan Benggala Barat.")) == 1
    assert lint(body, "Hujan di Kolkata.\n\nBenggala Barat banjir.") == []
    assert lint(body, "Benggala Barat di India banjir. Lalu hujan.") == []
    assert len(lint(body, "Benggala Barat menolak. India diam.")) == 1
    # A silenced hit does not end the rule's search: the next sentence's is still told.
    found = lint(body, "Benggala Barat di India banjir. Benggala Barat menolak.")
    assert [(f.line, f.column) for f in found] == [(1, 33)]


def test_limit_and_level(lint):
    body = "extends: existence\ncategory: garbled\nmessage: x\nlevel: error\nlimit: 1\ntokens: [aa]\n"
    found = lint(body, "aa aa aa")
    assert len(found) == 1 and found[0].severity == "error"


def test_catastrophic_pattern_ends_with_an_error_naming_the_rule(lint):
    body = "extends: existence\ncategory: garbled\nmessage: x\nnonword: true\nraw: ['(a|aa)+$']\n"
    with pytest.raises(NewslintError) as exc:
        lint(body, "a" * 40 + "b")
    assert "rule T.R" in str(exc.value) and "longer than" in str(exc.value)


def test_scope_line_keeps_existence_and_substitution_inside_a_line(lint):
    exist = "extends: existence\ncategory: garbled\nmessage: x\nscope: line\ntokens: ['yang\\s+itu']\n"
    assert [f.match for f in lint(exist, "yang\nitu dan yang itu")] == ["yang itu"]
    swap = "extends: substitution\ncategory: garbled\nmessage: x\nscope: line\nswap:\n  'di\\s+mana': yang\n"
    assert [f.match for f in lint(swap, "di\nmana, di mana")] == ["di mana"]


DUPLICATE = (
    "extends: duplicate\ncategory: duplicate\nmessage: \"repeats line %s\"\nmin_length: 20\n"
    "prefixes: ['[A-Z]+\\.COM - ']\n"
)


def test_duplicate_line_reported_at_the_later_copy_after_the_dateline(lint):
    text = "Korea Utara meratifikasi pakta itu.\nPenulis: A\nTRIBUNNEWS.COM - Korea Utara meratifikasi pakta itu.\n"
    (f,) = lint(DUPLICATE, text)
    assert (f.line, f.column, f.message) == (3, 18, "repeats line 1")
    assert f.match == "Korea Utara meratifikasi pakta itu."


def test_duplicate_sentences_inside_a_longer_line_give_one_finding(lint):
    text = (
        "Harga beras naik tajam pekan ini. Pedagang pasar mengeluh sepi pembeli.\n"
        "\n"
        "Harga beras naik tajam pekan ini. Pedagang pasar mengeluh sepi pembeli. Pemerintah berjanji turun tangan.\n"
    )
    (f,) = lint(DUPLICATE, text)
    assert (f.line, f.column, f.message) == (3, 1, "repeats line 1")
    assert f.match == "Harga beras naik tajam pekan ini. Pedagang pasar mengeluh sepi pembeli."


def test_duplicate_leaves_short_lines_and_near_copies_alone(lint):
    text = "Advertisement\nAdvertisement\nHarga beras naik tajam pekan ini.\nHarga cabai naik tajam pekan ini.\n"
    assert lint(DUPLICATE, text) == []


SIMILAR = (
    "extends: duplicate\ncategory: duplicate\nmessage: \"retells line %s\"\nsimilarity: 65\nmin_words: 6\n"
    "passages: ['\"([^\"\\n]+)\"']\n"
)


def test_duplicate_similarity_reports_a_passage_retold_in_other_words(lint):
    text = (
        '"Kami menolak keras rencana kenaikan tarif air bersih itu," kata Ketua RT.\n'
        'Warga berkumpul di balai desa.\n'
        '"Kami menentang keras rencana kenaikan tarif air minum itu," ujarnya.\n'
    )
    (f,) = lint(SIMILAR, text)
    assert (f.line, f.column, f.message) == (3, 2, "retells line 1")
    assert f.match == "Kami menentang keras rencana kenaikan tarif air minum itu,"


def test_duplicate_similarity_needs_a_word_replaced_the_same_figures_and_names(lint):
    added = '"Kami menolak keras rencana kenaikan tarif air itu," kata A.\n"Kami tetap menolak keras rencana kenaikan tarif air itu," kata A.\n'
    figures = '"Tarif naik 10 persen mulai bulan depan di kota ini," kata A.\n"Tarif naik 15 persen mulai bulan depan di kota ini," kata A.\n'
    names = '"Tarif naik tinggi mulai bulan depan di Bogor sini," kata A.\n"Tarif naik tinggi mulai bulan depan di Depok sini," kata A.\n'
    same_line = '"Kami menolak keras rencana kenaikan tarif air itu" dan "Kami menentang keras rencana kenaikan tarif air itu".\n'
    for text in (added, figures, names, same_line):
        assert lint(SIMILAR, text) == [], text


def test_duplicate_similarity_below_the_threshold_and_short_passages_are_left_alone(lint):
    unlike = '"Kami menolak keras rencana kenaikan tarif air itu," kata A.\n"Pemerintah akan meninjau ulang tarif tersebut pekan depan," kata B.\n'
    short = '"Kami menolak tarif itu," kata A.\n"Kami menentang tarif itu," kata A.\n'
    assert lint(SIMILAR, unlike) == [] and lint(SIMILAR, short) == []


def test_duplicate_similarity_compares_sentences_without_passages(lint):
    body = "extends: duplicate\ncategory: duplicate\nmessage: \"retells line %s\"\nsimilarity: 65\nmin_words: 6\n"
    text = "Warga menolak keras rencana kenaikan tarif air bersih itu.\nWarga menentang keras rencana kenaikan tarif air minum itu.\n"
    assert [f.line for f in lint(body, text)] == [2]


def test_duplicate_similarity_must_be_a_percentage(lint):
    with pytest.raises(NewslintError, match="similarity is a percentage"):
        lint("extends: duplicate\ncategory: duplicate\nmessage: x\nsimilarity: 0\n", "x")


def test_when_reports_only_in_the_named_context(lint):
    body = (
        "extends: existence\ncategory: mistranslation\nmessage: x\ntokens: [tagihan]\n"
        "when:\n  sentence: [Senat, Kongres, DPR]\nunless:\n  sentence: [listrik]\n"
    )
    assert len(lint(body, "Senat meloloskan tagihan pertahanan itu.")) == 1
    assert lint(body, "Warga membayar tagihan air. Senat bersidang.") == []
    assert lint(body, "DPR menyoal tagihan listrik PLN.") == []


GLUED = (
    "extends: glued\ncategory: garbled\nmessage: \"'%s' glued\"\n"
    "tokens: ['(?<![\\p{L}])[\\p{L}]*\\p{Ll}\\p{Lu}[\\p{L}]*']\nsplit: ['(?<=\\p{Ll})(?=\\p{Lu})']\n"
    "exceptions: [kHz]\nkeep: [WhatsApp, YouTube]\nsuffixes: [r, nya]\nparts: '\\p{Lu}?\\p{Ll}+|\\p{Lu}+'\n"
)


def test_glued_offers_the_split_token_as_fix(lint):
    (f,) = lint(GLUED, "Di eraNadiem Makarim.")
    assert (f.match, f.fix, f.suggestions, f.message) == ("eraNadiem", "era Nadiem", ("era Nadiem",), "'eraNadiem' glued")
    assert [g.fix for g in lint(GLUED, "PresidenPrabowoSubianto hadir.")] == ["Presiden Prabowo Subianto"]


def test_glued_exceptions_keep_and_parts(lint):
    assert lint(GLUED, "Pesan WhatsApp terkirim oleh seorang YouTuber, 48kHz.") == []
    (brand,) = lint(GLUED, "Ada dariWhatsApp.")
    assert brand.fix == "dari WhatsApp"  # the case change inside the brand stays
    (partial,) = lint(GLUED, "Ia atauBRIterus.")
    assert partial.fix is None  # "BRIterus" would still be glued


def test_glued_splits_at_the_edges_of_a_kept_spelling(lint):
    found = {f.match: f.fix for f in lint(GLUED, "Kata WhatsAppmengumumkan dan WhatsAppnya.")}
    assert found == {"WhatsAppmengumumkan": "WhatsApp mengumumkan"}
