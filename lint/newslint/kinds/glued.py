"""glued: two words run together where a scraper stripped a link or a styled span
("eraNadiem", "Kejaksaan Agungakan", "DEMIANterkenal").

``tokens`` find a glued token (the whole token); ``split`` patterns mark where the space goes
(zero-width, tried in order, the first that splits wins) so the finding can offer the token with
spaces as its fix. ``exceptions`` are whole tokens that are spelled solid on purpose (brands:
WhatsApp, iPhone, MotoGP); ``keep`` are spellings never split inside a longer token
("diiPhone" gets no suggestion rather than "dii Phone"); ``parts`` is what every part must look
like for the fix to be offered ("atauBRIterus" -> "atau BRIterus" is not). %s is the token found.
"""
from __future__ import annotations

from newslint.checks import Check, Hit
from newslint.patterns import finditer


class Glued(Check):
    keys = {
        "tokens": ("list", "patterns that match a whole glued token"),
        "split": ("list", "zero-width patterns where the space belongs, tried in order"),
        "exceptions": ("list", "whole tokens written solid on purpose"),
        "keep": ("list", "spellings never split inside a token"),
        "parts": ("str", "a fix is offered only when every part after splitting matches this"),
        "suffixes": ("list", "endings a kept spelling may take without being glue (YouTuber, WhatsAppnya)"),
        "ignorecase": ("bool", "match regardless of case"),
    }
    required = ("tokens", "split")

    def compile(self):
        rule = self.rule
        self.regex = rule.alternation(rule.option("tokens"), "tokens")
        self.splits = [rule.pattern(p, "split", i) for i, p in enumerate(rule.option("split"))]
        keep = rule.option("keep")
        self.keep = rule.alternation(keep, "keep", ignorecase=False) if keep else None
        self.except_re = self.exceptions()
        suffixes = rule.option("suffixes")
        self.suffix = rule.alternation(suffixes, "suffixes", ignorecase=False) if suffixes else None
        parts = rule.option("parts")
        self.parts = rule.pattern(parts, "parts", ignorecase=False) if parts else None

    def split_points(self, token: str) -> list[int]:
        """Where spaces belong: the first ``split`` pattern that finds a point outside every kept
        spelling ("YouTuber" has none: its case change is inside "YouTube")."""
        protected = [(m.start(), m.end()) for m in self.keep.finditer(token)] if self.keep is not None else []
        # A kept spelling with a word run into either side: "dikutipdetikJogja", "WhatsAppmengumumkan".
        edges = {a for a, _ in protected if a > 0}
        edges |= {b for _, b in protected if b < len(token) and not (self.suffix and self.suffix.fullmatch(token, b))}
        for split in self.splits:
            points = {
                m.start() for m in split.finditer(token)
                if 0 < m.start() < len(token) and not any(a < m.start() < b for a, b in protected)
            }
            if points or edges:
                return sorted(points | edges)
        return []

    def suggestion(self, token: str, points: list[int]) -> str | None:
        parts = [token[a:b] for a, b in zip([0, *points], [*points, len(token)])]
        if self.parts is not None and not all(
            self.parts.fullmatch(part) or (self.keep is not None and self.keep.fullmatch(part)) for part in parts
        ):
            return None  # a part is still glued ("atau BRIterus"): no certain fix
        return " ".join(parts)

    def find(self, doc):
        for unit in doc.units(self.rule.scope):
            for m in finditer(self.regex, doc.norm, unit.start, unit.end):
                token = m.group()
                if not token or (self.except_re is not None and self.except_re.fullmatch(token)):
                    continue
                points = self.split_points(token)
                if not points:
                    continue
                fixed = self.suggestion(token, points)
                yield Hit(m.start(), m.end(), (token,), (fixed,) if fixed else (), fixed)
