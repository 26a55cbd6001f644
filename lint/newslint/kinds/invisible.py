"""invisible: existence matched against the file's own characters.

Every other check reads the Document's ``norm``, where a zero-width space is a space (so that
"Benggala\u200bBarat" is still "Benggala Barat" to them); a rule about the invisible characters
themselves must see them, so this kind matches ``raw`` against the text as it is."""
from __future__ import annotations

from newslint.checks import Hit
from newslint.kinds.existence import Existence


class Invisible(Existence):
    def find(self, doc):
        for m in self.regex.finditer(doc.text):
            if m.end() == m.start():
                continue
            if self.except_re is not None and self.except_re.fullmatch(m.group()):
                continue
            yield Hit(m.start(), m.end(), (m.group(),), self.suggestions, self.fix)
