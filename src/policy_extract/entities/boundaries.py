"""Where a text's words start and end, by jieba's dictionary (`Boundaries`: a name must not cut a
word of it in two, so 合作市 is not found in 合作市场 nor 长治 in 长治久安), which words are
everyday ones (`common`), where a word stands (`occurrences_of`), and the text's sentences and
paragraphs (`units_of`)."""

from __future__ import annotations

from collections.abc import Container, Iterator
from functools import lru_cache

from ..rule_files import CompiledPattern
from ..text_units import TextUnits


class Boundaries:
    """Word boundaries: an offset is one unless a word of jieba's dictionary runs across it.

    Asking the dictionary around each candidate (rather than segmenting the whole text) keeps
    a 5 MB text with many names fast; and it is the question that matters: a name must not
    cut a word in two (合作市|场, 长治|久安, 县人大|和县政协).
    """

    _LONGEST = 6  # longest dictionary word looked for across an offset

    def __init__(self, text: str, followers: CompiledPattern, names: Container[str] = ()):
        self.text = text
        self.followers = followers
        self.names = names  # words that are names themselves: 江宁 does not split 浙江|宁波
        self.frequencies = self._frequencies()

    @staticmethod
    @lru_cache(maxsize=1)
    def _frequencies() -> dict[str, int]:
        from .._jieba import jieba

        jieba.initialize()
        return jieba.dt.FREQ

    def _crossed(self, offset: int, after_name: bool, name: tuple[int, int] | None = None) -> bool:
        """Whether a dictionary word runs across `offset`. At an end of a `name`, a word with one
        part inside the name loses to a word at the offset that holds its other part (其中|南昌市:
        中南 loses to 其中; 连云港市|外贸: 市外 loses to 外贸)."""
        frequencies = self.frequencies
        text = self.text
        limit = -1  # found when a word first runs past `offset`: most offsets have none
        for start in range(max(0, offset - self._LONGEST + 1), offset):
            # jieba's table holds every prefix of its words: when text[start:offset + 1] is not
            # there, no word from `start` runs past `offset`
            if text[start : offset + 1] not in frequencies:
                continue
            if limit < 0:
                follower = self.followers.match(text, offset - 1) if after_name and offset > 0 else None
                # 浙江省|政府, 米易县|政府: a word that ends inside 省政府, 县政府 does not count
                limit = max(offset, follower.end()) if follower is not None else offset
            for end in range(offset + 1, min(len(text), start + self._LONGEST) + 1):
                word = text[start:end]
                frequency = frequencies.get(word)
                if frequency is None:
                    break
                if end > limit and frequency > 0 and word not in self.names:
                    if name is not None and self._loses(start, end, offset, name):
                        continue
                    return True
        return False

    def _loses(self, start: int, end: int, offset: int, name: tuple[int, int]) -> bool:
        """Whether the word [start, end) across an end of `name` loses to a word of two or more
        characters that meets the name at `offset` and covers the word's part outside it."""
        frequencies, text = self.frequencies, self.text
        if offset == name[0] and end < name[1]:
            return any(
                frequencies.get(text[other:offset], 0) > 0
                for other in range(max(0, offset - self._LONGEST), min(start, offset - 2) + 1)
            )
        if offset == name[1] and start > name[0]:
            return any(
                frequencies.get(text[offset:other], 0) > 0
                for other in range(max(end, offset + 2), min(len(text), offset + self._LONGEST) + 1)
            )
        return False

    def aligned(self, *offsets: int) -> bool:
        for offset in offsets:  # a loop, not `any` over a generator: one or two offsets a call
            if self._crossed(offset, False):
                return False
        return True

    def ends(self, start: int, end: int) -> bool:
        """A name ending in the word [start, end) cuts no word at its end (航空城|建设: 城建 loses),
        except the words its last character opens as a follower (…博览会|上: 会上)."""
        return not self._crossed(end, True, (start, end))

    def ends_but_for_followers(self, end: int) -> bool:
        """No word runs across `end` but one the character before it opens as a follower (街道|办事处:
        街道办; 镇|政府), with no other word's claim weighed (培训街道|社区: 街道社区 still cuts)."""
        return not self._crossed(end, True)

    def name_fits(self, start: int, end: int) -> bool:
        """A place name cuts no word, except the ones its suffix opens (米易县|政府 from 县政府)."""
        return not self._crossed(start, False, (start, end)) and not self._crossed(end, True, (start, end))

    def only_word_across(self, offset: int, start: int, end: int) -> bool:
        """The one dictionary word across `offset` is [start, end), and a rare one (姜|山镇: 山镇,
        not 乡镇 or 城镇, which jieba counts as everyday words of their own)."""
        frequencies, text = self.frequencies, self.text
        if not 0 < frequencies.get(text[start:end], 0) < _SETTLEMENT_FREQ:
            return False
        for other in range(max(0, offset - self._LONGEST + 1), offset):
            for stop in range(offset + 1, min(len(text), other + self._LONGEST) + 1):
                word = text[other:stop]
                frequency = frequencies.get(word)
                if frequency is None:
                    break
                if frequency > 0 and (other, stop) != (start, end):
                    return False
        return True

    def is_rare_word(self, start: int, end: int) -> bool:
        """text[start:end] is the longest dictionary word at `start`, and a rare one (新市镇 8: a
        town jieba knows; 市镇 484 and 乡镇 1277 are not names)."""
        word = self.text[start:end]
        return 0 < self.frequencies.get(word, 0) < _SETTLEMENT_FREQ and self.word_at(start, start + self._LONGEST) == word

    def splits_at(self, start: int, offset: int, end: int) -> bool:
        """jieba's segmentation of text[start:end] puts a word boundary at `offset`: the reading a
        whole window decides, where two names overlap (从江|江西: 记者/从/江西省, but 从江/西部)."""
        from .._jieba import jieba

        position = start
        for word in jieba.cut(self.text[start:end], HMM=False):
            position += len(word)
            if position >= offset:
                return position == offset
        return False

    def word_at(self, start: int, limit: int) -> str:
        """The longest dictionary word at `start` ending by `limit` (one character when none)."""
        frequencies = self.frequencies
        for end in range(min(limit, start + self._LONGEST), start + 1, -1):
            if frequencies.get(self.text[start:end], 0) > 0:
                return self.text[start:end]
        return self.text[start : start + 1]


def occurrences_of(word: str, text: str) -> Iterator[tuple[int, int]]:
    """Where the non-empty `word` stands in `text`: left to right, not overlapping, as its regex finds it."""
    start = text.find(word)
    while start >= 0:
        yield start, start + len(word)
        start = text.find(word, start + len(word))


_EVERYDAY_FREQ = 50  # a word jieba counts this often is an everyday word, not a name
_SETTLEMENT_FREQ = 1000  # 山镇 (537) may end a town's name; 乡镇 (1277), 城镇, 城乡 are words of their own


def common(word: str) -> bool:
    from .._jieba import jieba

    return (jieba.get_FREQ(word) or 0) >= _EVERYDAY_FREQ


@lru_cache(maxsize=8)
def units_of(text: str) -> TextUnits:
    return TextUnits(text)
