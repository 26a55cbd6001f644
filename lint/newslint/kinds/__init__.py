"""The built-in check kinds: Vale's extension points that newslint implements."""
from newslint.kinds.conditional import Conditional
from newslint.kinds.consistency import Consistency
from newslint.kinds.dates import ImpossibleDateCheck, RelativeDateCheck, TimelineCheck, WeekdayCheck
from newslint.kinds.duplicate import Duplicate
from newslint.kinds.existence import Existence
from newslint.kinds.glued import Glued
from newslint.kinds.invisible import Invisible
from newslint.kinds.mojibake import Mojibake
from newslint.kinds.namevariants import NameVariants
from newslint.kinds.language import LanguageCheck
from newslint.kinds.occurrence import Occurrence
from newslint.kinds.repetition import Repetition
from newslint.kinds.substitution import Substitution
from newslint.kinds.titles import NamesCheck, TitleCheck

KINDS = {
    "existence": Existence,
    "substitution": Substitution,
    "occurrence": Occurrence,
    "repetition": Repetition,
    "consistency": Consistency,
    "conditional": Conditional,
    # newslint's own kinds
    "duplicate": Duplicate,
    "glued": Glued,
    "invisible": Invisible,
    "weekday": WeekdayCheck,
    "impossible_date": ImpossibleDateCheck,
    "relative_date": RelativeDateCheck,
    "timeline": TimelineCheck,
    "title": TitleCheck,
    "names": NamesCheck,
    "language": LanguageCheck,
    "mojibake": Mojibake,
    "name_variants": NameVariants,
}
