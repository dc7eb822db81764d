"""The date stage: when each coded event happened, resolved against the article's publication date.

One DateResolver per article. The coder calls ``read(sent)`` for every sentence in order (it finds the
date mentions and remembers the article's last year and last date), then ``resolve(sent, trigger)`` for
each event of that sentence.

How a trigger gets its date (docs/dates.md has the full rules and examples):

1. Date mentions are found with precompiled regular expressions and token checks, never with NER.
2. The mention attached to the trigger or to the trigger's own clause wins (dependency tree); a trigger
   in a subordinate clause with its own date uses that; otherwise a date of a governing clause; a date
   inside another clause, or behind "since"/"after"/"until", does not date the trigger.
3. "N months after <clause>" dates the events inside the clause: N months before the main clause's date,
   which defaults to the publication date.
4. No date in the sentence: future tense gives no date (future); the narrative-past heuristic below; a
   past tense inside a direct quotation takes the article's latest historical date (quotes are not
   backshifted, so their past is history); else the publication day.

Narrative-past heuristic: a sentence with no date of its own that continues a historical passage
inherits the previous sentence's date, precision included. It applies when the previous sentence
resolved to a historical date (with no publication date: to any absolute date) and both the trigger's
clause and the sentence's main verb are in the simple past or past perfect, and not a reporting verb
("said", "told", "announced" are news of the day). "Its forces secured the region and later recognized
it" after "... the short war of August 2008 ..." is 2008-08; "The ministry said it welcomed the offer"
after the same sentence is the publication day.
"""

from detente.dates.resolver import DateResolver, ResolvedDate

__all__ = ["DateResolver", "ResolvedDate"]
