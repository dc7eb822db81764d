"""A plain-Python view of a parsed Doc, built once per article, that the coding stages walk.

spaCy builds a new Token object on every access (`token.head`, each of `token.children`) and looks up
strings for `dep_`, `lemma_` and the like each time; the actors, events and dates stages walk the
dependency tree hundreds of times a sentence, so that cost was most of theirs. `ParsedDoc` reads the
parse once, with `Doc.to_array`, into `Word` objects with the same attribute names as spaCy's Token
(`i`, `text`, `dep_`, `head`, `children`, `subtree`, `sent`, ...), and `Words` stands for a Span. Code
that only reads those attributes works on either, so tests may still pass spaCy objects.

The view is read-only: it is a snapshot of the parse when it was built.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, IS_SPACE, LEMMA, LENGTH, POS, SENT_START, TAG
from spacy.tokens import Doc

from detente.memory import collector_paused

_COLUMNS = [HEAD, DEP, POS, TAG, LEMMA, IDX, LENGTH, IS_SPACE, IS_PUNCT, SENT_START]
TEXT_KEY = "detente_text"  # user_data key for the text a Doc was made from, when its maker knows it


class _Strings(dict):
    """hash -> string, filled from spaCy's StringStore on first use of each hash."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit
        self.store = None

    def __missing__(self, key: int) -> str:
        value = self.store[key]
        if len(self) >= self.limit:  # lemmas of a long archive: start over rather than grow without end
            self.clear()
        self[key] = value
        return value


_LABELS = _Strings(10_000)  # dep, pos and tag labels: a few dozen
_LEMMAS = _Strings(200_000)


class Word:
    """One token of a ParsedDoc, with spaCy Token's attribute names."""

    __slots__ = (
        "doc", "i", "idx", "text", "dep_", "pos_", "tag_", "lemma_", "lower_", "is_space", "is_punct",
        "head", "lefts", "rights",
    )  # fmt: skip

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return self.text

    @property
    def whitespace_(self) -> str:
        """The space after the word, if any (spaCy keeps one; more spaces are words of their own)."""
        end = self.idx + len(self.text)
        return " " if self.doc.text[end : end + 1] == " " else ""

    @property
    def like_num(self) -> bool:
        return self.doc.spacy_doc[self.i].like_num

    @property
    def text_with_ws(self) -> str:
        return self.text + self.whitespace_

    @property
    def children(self) -> tuple[Word, ...]:
        return self.lefts + self.rights

    @property
    def n_lefts(self) -> int:
        return len(self.lefts)

    @property
    def n_rights(self) -> int:
        return len(self.rights)

    @property
    def subtree(self) -> Iterator[Word]:
        """The word and its descendants in text order (as spaCy yields them)."""
        # a stack, not recursion: a degenerate parse may nest a thousand words deep
        stack: list[tuple[Word, bool]] = [(self, False)]
        while stack:
            word, expanded = stack.pop()
            if expanded:
                yield word
                continue
            stack.extend((right, False) for right in reversed(word.rights))
            stack.append((word, True))
            stack.extend((left, False) for left in reversed(word.lefts))

    @property
    def left_edge(self) -> Word:
        """The leftmost word of the subtree."""
        return self.doc.words[self.doc.edges()[0][self.i]]

    @property
    def right_edge(self) -> Word:
        """The rightmost word of the subtree."""
        return self.doc.words[self.doc.edges()[1][self.i]]

    @property
    def ancestors(self) -> Iterator[Word]:
        """Heads up to the root, nearest first."""
        word, steps = self, 0
        while word.head is not word and steps < len(self.doc):
            word = word.head
            steps += 1
            yield word

    @property
    def conjuncts(self) -> tuple[Word, ...]:
        """The words coordinated with this one, without itself (spaCy's definition)."""
        if self.dep_ != "conj" and not any(c.dep_ == "conj" for c in self.rights):
            return ()  # the common case, without building the queue
        start = self
        while start.head is not start and start.dep_ == "conj":
            start = start.head
        queue, output = [start], [start]
        for word in queue:
            for child in word.rights:
                if child.dep_ == "conj":
                    output.append(child)
                    queue.append(child)
        return tuple(w for w in output if w is not self)

    @property
    def sent(self) -> Words:
        return self.doc.sentence_of(self.i)


class Words:
    """Words [start, end) of a ParsedDoc, with spaCy Span's attribute names."""

    __slots__ = ("doc", "start", "end", "_text")

    def __init__(self, doc: ParsedDoc, start: int, end: int):
        self.doc, self.start, self.end, self._text = doc, start, end, None

    def __iter__(self) -> Iterator[Word]:
        return iter(self.doc.words[self.start : self.end])

    def __len__(self) -> int:
        return self.end - self.start

    def __getitem__(self, key: int | slice) -> Word | Words:
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self))
            return Words(self.doc, self.start + start, self.start + max(start, stop))
        if key < 0:
            key += len(self)
        if not 0 <= key < len(self):
            raise IndexError(key)
        return self.doc.words[self.start + key]

    def __repr__(self) -> str:
        return self.text

    @property
    def start_char(self) -> int:
        return self.doc.words[self.start].idx if self.end > self.start else 0

    @property
    def end_char(self) -> int:
        if self.end <= self.start:
            return self.start_char
        last = self.doc.words[self.end - 1]
        return last.idx + len(last.text)

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.doc.text[self.start_char : self.end_char]
        return self._text

    @property
    def root(self) -> Word:
        """The word nearest the root of the tree (spaCy's Span.root)."""
        words = self.doc.words[self.start : self.end]
        for word in words:
            if word.head is word:
                return word
        best, best_depth = None, len(self.doc) + 1
        for word in words:
            if self.start <= word.head.i < self.end:
                continue
            depth = sum(1 for _ in word.ancestors)
            if depth < best_depth:
                best, best_depth = word, depth
        return best if best is not None else words[0]


class ParsedDoc:
    """All words of a parsed Doc, their tree, and its sentences."""

    def __init__(self, doc: Doc):
        self.spacy_doc = doc
        # spaCy joins every token to make doc.text; whoever made the Doc may have left its text for us
        self.text = doc.user_data.get(TEXT_KEY) or doc.text
        self.words: list[Word] = []
        self.sents: list[Words] = []
        self._word_starts: list[int] | None = None
        self._edges: tuple[list[int], list[int]] | None = None
        if not len(doc):
            self._sentence_starts: list[int] = []
            return
        with collector_paused():
            self._sentence_starts = self._read(doc)
        ends = [*self._sentence_starts[1:], len(self.words)]
        self.sents = [Words(self, start, end) for start, end in zip(self._sentence_starts, ends, strict=True)]

    def _read(self, doc: Doc) -> list[int]:
        """Read the words and their tree; returns where the sentences start."""
        text = self.text
        array = doc.to_array(_COLUMNS)
        heads = array[:, 0].astype("int64").tolist()  # relative offsets, so signed
        labels, lemmas = _LABELS, _LEMMAS
        labels.store = lemmas.store = doc.vocab.strings
        words = self.words
        new = Word.__new__
        starts = [0]
        for i, (_, dep, pos, tag, lemma, idx, length, is_space, is_punct, sent_start) in enumerate(array.tolist()):
            if sent_start == 1 and i:
                starts.append(i)
            word = new(Word)
            word.doc, word.i, word.idx = self, i, idx
            word.text = word_text = text[idx : idx + length]
            word.lower_ = word_text.lower()
            word.dep_, word.pos_, word.tag_, word.lemma_ = labels[dep], labels[pos], labels[tag], lemmas[lemma]
            word.is_space, word.is_punct = is_space == 1, is_punct == 1
            words.append(word)
        lefts: dict[int, list[Word]] = {}
        rights: dict[int, list[Word]] = {}
        for word, offset in zip(words, heads, strict=True):
            if offset:
                word.head = words[word.i + offset]
                (lefts if offset > 0 else rights).setdefault(word.i + offset, []).append(word)
            else:
                word.head = word
        for word in words:
            word.lefts = tuple(lefts[word.i]) if word.i in lefts else ()
            word.rights = tuple(rights[word.i]) if word.i in rights else ()
        return starts

    def __len__(self) -> int:
        return len(self.words)

    def __iter__(self) -> Iterator[Word]:
        return iter(self.words)

    def __getitem__(self, key: int | slice) -> Word | Words:
        if isinstance(key, slice):
            start, stop, _ = key.indices(len(self.words))
            return Words(self, start, max(start, stop))
        return self.words[key]

    def release(self) -> None:
        """Break the links between words (head <-> children, word <-> doc) once the view is no longer
        needed, so that it is freed at once rather than left for the cyclic collector."""
        for word in self.words:
            word.doc = word.head = None
            word.lefts = word.rights = ()
        self.words, self.sents = [], []

    def edges(self) -> tuple[list[int], list[int]]:
        """The first and last word index of every word's subtree, worked out on first use (spaCy's
        left_edge/right_edge: the extremes of the whole subtree, even where the tree is not projective)."""
        if self._edges is None:
            left = list(range(len(self.words)))
            right = list(left)
            walk = [w for w in self.words if w.head is w]
            preorder = []
            while walk:  # heads before their children; read backwards, children come first
                word = walk.pop()
                preorder.append(word)
                walk.extend(word.lefts)
                walk.extend(word.rights)
            for word in reversed(preorder):
                head = word.head.i
                if head != word.i:
                    left[head] = min(left[head], left[word.i])
                    right[head] = max(right[head], right[word.i])
            self._edges = left, right
        return self._edges

    def sentence_of(self, i: int) -> Words:
        """The sentence that holds word i."""
        return self.sents[bisect_right(self._sentence_starts, i) - 1]

    def char_span(self, start_char: int, end_char: int, alignment_mode: str = "expand") -> Words | None:
        """The words that the characters [start_char, end_char) touch (spaCy's 'expand' alignment)."""
        if alignment_mode != "expand":
            raise ValueError("only the 'expand' alignment is supported")
        if self._word_starts is None:
            self._word_starts = [w.idx for w in self.words]
        starts = self._word_starts
        first = bisect_right(starts, start_char) - 1
        last = bisect_right(starts, end_char - 1) - 1
        if first < 0 or last < 0 or start_char >= len(self.text) + 1:
            return None
        if start_char == self.words[first].idx + len(self.words[first].text):
            first += 1
        return Words(self, first, last + 1)


def release(doc: Doc) -> None:
    """Drop everything the coding stages kept on a Doc (its view, actors, candidates): they refer back to
    the Doc, and a Doc in a reference cycle waits for the cyclic collector, which costs more than coding."""
    view = doc.user_data.get("detente_words")
    if view is not None:
        view.release()
    doc.user_data.clear()


def parsed(doc: Doc | ParsedDoc) -> ParsedDoc:
    """The ParsedDoc of a Doc, built on first use and kept in its user_data."""
    if isinstance(doc, ParsedDoc):
        return doc
    view = doc.user_data.get("detente_words")
    if view is None:
        view = doc.user_data["detente_words"] = ParsedDoc(doc)
    return view


def hyphen_prefix(token: Word) -> str:
    """The word joined to this one by a hyphen before it, with no space ("test" of "test-fired"), or ""."""
    if token.i < 2 or token.doc[token.i - 1].text != "-":
        return ""
    hyphen, prefix = token.doc[token.i - 1], token.doc[token.i - 2]
    touching = prefix.idx + len(prefix.text) == hyphen.idx and hyphen.idx + 1 == token.idx
    return prefix.lower_ if touching and prefix.text.isalpha() else ""
