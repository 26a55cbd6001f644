"""One finding per problem.

Several rules can see one problem: an "Advertisement" line is page furniture (boilerplate) and
English (language); a glued word is a case change, a function word and a name at once. The user
should get one finding with one fix, so when findings overlap:

1. A finding whose fix deletes its span (a boilerplate line; or leaves only a space, as removing
   a "Baca Juga" box glued into a paragraph does) absorbs every finding inside that span: once the
   text goes, so do the problems in it.
2. A rule may name rules it is more specific than (``supersedes:``); where their spans overlap,
   only the superseding rule's finding is kept.
3. Findings of different rules on exactly the same span: the most severe is kept, then one with a
   fix over one without, then the first rule by id (so the result never depends on rule order).
"""
from __future__ import annotations

from newslint.findings import Finding, level_rank


def _inside(inner: Finding, outer: Finding) -> bool:
    return outer.offset <= inner.offset and inner.end_offset <= outer.end_offset


def _overlap(a: Finding, b: Finding) -> bool:
    return a.offset < b.end_offset and b.offset < a.end_offset


def _preference(f: Finding):
    return (-level_rank(f.severity), f.fix is None, f.rule)


def _deleting(f: Finding) -> bool:
    return f.fix is not None and not f.fix.strip()


def _deletes(d: Finding, f: Finding) -> bool:
    """Whether ``d``'s fix deletes the text ``f`` is about (``d`` is one of the deleting findings;
    it never deletes itself, as rule 3 below never prefers a finding to itself)."""
    if not _inside(f, d):
        return False
    if (d.offset, d.end_offset) == (f.offset, f.end_offset):
        return _preference(d) < _preference(f)  # the same span: rule 3 decides
    return True


def one_per_problem(findings: list[Finding], supersedes: dict[str, frozenset[str]]) -> list[Finding]:
    """The findings without those another finding already covers (see the module's rules)."""
    deleting = [f for f in findings if _deleting(f)]
    dropped: set[int] = set()
    ordered = sorted(findings, key=lambda f: (f.offset, -f.end_offset, _preference(f)))
    # A finding can only be dropped while it or one before it in this order is looked at, so
    # "dropped" is settled for every finding before this one: a finding not kept hides nothing
    # (a superseded deletion deletes nothing, and A > B > C drops B but keeps C where A is not).
    for i, f in enumerate(ordered):
        if id(f) in dropped:
            continue
        if any(id(d) not in dropped and _deletes(d, f) for d in deleting):
            dropped.add(id(f))
            continue
        for g in ordered[i + 1:]:
            if g.offset >= f.end_offset:
                break
            if id(g) in dropped or g.rule == f.rule or not _overlap(f, g):
                continue
            if g.rule in supersedes.get(f.rule, ()):
                dropped.add(id(g))
            elif f.rule in supersedes.get(g.rule, ()):
                dropped.add(id(f))
                break
            elif (f.offset, f.end_offset) == (g.offset, g.end_offset):
                dropped.add(id(g))  # rule 3: on the same span the order puts the preferred one first
    return [f for f in findings if id(f) not in dropped]
