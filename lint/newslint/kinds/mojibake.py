"""mojibake: UTF-8 text that was decoded as Windows-1252 or Latin-1 somewhere on its way ("â€™" for
"’", "Ã©" for "é", "kmÂ²" for "km²"), found and repaired with ftfy.

A UTF-8 character of two to four bytes comes out as a lead character (U+00C2 to U+00F4) followed
by characters standing for continuation bytes (U+0080 to U+00BF, or what Windows-1252 puts at
0x80 to 0x9F: € ‚ ƒ „ … ™ œ ...). Only words holding such a sequence are handed to ftfy, so a
clean article never loads it; ftfy then decides, with its own heuristics, whether the word is
really mojibake ("café…" and "Erdoğan" are not) and what it was. Only ftfy's encoding repair is
used, not its cosmetic changes (curly quotes, ligatures, character width), so correct text that
ftfy would merely restyle is left alone.
"""
from __future__ import annotations

import regex

from newslint.checks import Check, Hit

# What Windows-1252 shows for the bytes 0x80-0x9F, in byte order.
_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_SEQUENCE = regex.compile(f"[\u00c2-\u00f4][\u0080-\u00bf{_CP1252_HIGH}]+")
# A word made of such sequences and letters: the unit handed to ftfy and reported. Sequences are
# tried first, so a lead character that is also a letter ("ï" of "ï¸") keeps its bytes with it.
_RUN = regex.compile(rf"(?:{_SEQUENCE.pattern}|[\p{{L}}\p{{N}}])+")


class Mojibake(Check):
    keys = {}

    def find(self, doc):
        text = doc.text
        if _SEQUENCE.search(text) is None:  # the common case: nothing to repair, ftfy not loaded
            return
        from ftfy import fix_encoding  # lazily: a run over clean articles never imports it

        for m in _RUN.finditer(text):
            found = m.group()
            if _SEQUENCE.search(found) is None:
                continue
            repaired = fix_encoding(found)
            if repaired != found:
                yield Hit(m.start(), m.end(), (found, repaired), (repaired,), repaired)
