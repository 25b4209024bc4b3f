"""Figures in tables (SPEC 1): the row names the metric, the header gives unit and kind.

A table reaches us as plain lines in one of two layouts: one cell per line (PDF
and web copies flatten rows so) or one row per line, cells separated by tabs or
runs of spaces. Both are read as one stream of cells, so one reading serves
both: between two prose lines a block holds a title, maybe a unit line
(单位：亿元), the column headers (after the header of the label column: 指标,
产品名称 …) and the rows, each a label followed by its cells.

Units written in a header, a row label or a unit column are read with
``numbers.parse_quantity("1" + unit)``, so they fold exactly as the same unit
written after a number would (亿千瓦时 → 100000000 千瓦时; 万人 → 10000 人). The
family ``tables`` (``rules/tables.yaml``) holds the patterns; each reads one
cell with its white space removed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache
from typing import Literal

import regex

from .numbers import NotAQuantity, fold_width, parse_quantity
from .rule_files import CompiledPattern, RuleBase, RuleSet, compile_pattern
from .text_units import HAN, KEEP_GIL


class TableRule(RuleBase):
    """A pattern that reads one table cell (white space removed).

    role: ``block_end`` (a prose line: the table block stops before it),
    ``unit_line`` (the unit of the whole table, group ``unit``: 单位：亿元),
    ``label_header`` (the header of the label column: the column headers follow
    it), ``unit_in_cell`` (where a header or a row label writes its unit, group
    ``unit``: 万吨, 产量（万吨）),
    ``blank_cell`` (a cell without a figure that still fills its column: 持平),
    ``figure_cell`` (a figure written with what the cell says of it, group ``figure``: a plan's
    6左右, 84以上, and its cumulative 〔2.8〕, group ``cumulative``),
    ``flow_label`` (a row label of a flow, 城镇新增就业: its cumulative cell is a sum over the
    period, not a change), ``index_header`` (the header of a column of row numbers: 序号),
    ``unit_header`` (the header of a unit column: 单位; a blank cell there means no unit),
    ``rate_header`` (a column of yearly growth rates, in % unless the header writes a unit:
    年均增长〔累计〕), ``year_header`` (a column of one year, group ``year``: 2030年),
    ``block_start`` (a table's title, read in the first cell of a line: 表4 starts a block of its
    own, also right after another table with no prose between them), ``generic_header`` (a
    column header that names only the figure's form, 绝对数, 比上年增长: what the column measures
    is the title's subject), ``title_noise`` (what a title says besides what its table measures,
    removed: 表3, 2025年, 分地区, 情况), ``total_label`` (the label of a row that totals the others:
    合计, 总计; it measures the title's subject), ``change_header`` (a generic header that names the
    change of the column before it: 同比增长（%） after 快递业务量（万件） measures 快递业务量),
    ``place_header`` (the header of a column that says where a row's item is: 实施地点, 建设地点),
    ``place_cell`` (the most specific place such a cell names, group ``place``: 某镇某村 → 某村).
    """

    role: Literal[
        "block_end",
        "unit_line",
        "label_header",
        "unit_in_cell",
        "blank_cell",
        "figure_cell",
        "flow_label",
        "index_header",
        "unit_header",
        "rate_header",
        "year_header",
        "block_start",
        "generic_header",
        "title_noise",
        "total_label",
        "change_header",
        "place_header",
        "place_cell",
    ]
    pattern: str


@dataclass(frozen=True)
class TableUnit:
    """The unit a table gives a bare figure: multiply the value by `scale`."""

    scale: Decimal
    unit: str
    rule: str


@dataclass(frozen=True)
class TableCell:
    """A figure read as a table cell: its row label, column header and unit (each None when
    the table does not say), the year its column names, and whether the cell is a plan's
    cumulative change (〔2.8〕)."""

    label: str | None
    header: str | None
    unit: TableUnit | None
    year: str | None = None
    cumulative: bool = False
    flow: bool = False  # a cumulative cell of a row that counts what is added (城镇新增就业 〔12.5〕): a sum, no change
    index: bool = False  # a row's number in a 序号 column, no figure
    title: tuple[int, int] | None = None  # the line of the table's title (表2 …, 专栏1 …)
    label_span: tuple[int, int] | None = None  # where the row label stands (a place there is the row's subject)
    header_before: str | None = None  # the header of the column before (what a growth column measures)
    # a row that names an item in several cells (项目名称 | 实施地点 | 建设内容): the header names the measure
    item: bool = False
    place: str | None = None  # the most specific place the item row's 实施地点 cell names


@dataclass(frozen=True)
class _Cell:
    start: int
    end: int
    text: str  # white space removed
    role: Literal["label", "figure", "unit", "blank", "unit_line"]


_SEPARATOR = regex.compile(r"\t+|[ \u3000]{2,}")
_FIGURE = regex.compile(r"[-+－]?\d+(?:,\d{3})*(?:\.\d+)?")
_SPACE = regex.compile(r"\s+")
_NEWLINE = regex.compile(r"\n")
_DIGIT = regex.compile(r"\d")
_APPENDIX_MARK = regex.compile(r"附表\d{0,2}[:：]?")
_LABEL_NOISE = regex.compile(r"[（(][^）)]*[）)]|^[#＃]+|^其中[:：]")


@lru_cache(maxsize=16)
def _patterns(rules: RuleSet) -> dict[str, list[tuple[str, CompiledPattern]]]:
    by_role: dict[str, list[tuple[str, CompiledPattern]]] = {}
    for rule in rules["tables"]:
        pattern = compile_pattern(rule.id, rule.pattern, limited=not rules.is_builtin("tables", rule.id))  # type: ignore[attr-defined]
        by_role.setdefault(rule.role, []).append((rule.id, pattern))  # type: ignore[attr-defined]
    return by_role


def _squeeze(text: str) -> str:
    return _SPACE.sub("", fold_width(text), 0, None, None, KEEP_GIL)


@lru_cache(maxsize=512)
def _unit_of(written: str, rules: RuleSet) -> tuple[Decimal, str] | None:
    """(multiplier, canonical unit) of a unit written alone: 亿元 → (100000000, 元); a rate's base
    written whole (1/10万, as a 单位 cell writes it) is the unit its figures read with (/10万)."""
    if written.startswith("1/"):
        written = written[1:]
    if not written or _DIGIT.search(written.split("/")[0]):
        return None
    try:
        parsed = parse_quantity("1" + written, rules)
    except NotAQuantity:
        return None
    if not parsed.unit or parsed.kind is not None or parsed.upper is not None:
        return None
    return parsed.value, parsed.unit


@lru_cache(maxsize=512)
def unit_in_cell(cell: str, rules: RuleSet) -> TableUnit | None:
    """The unit a header or row label writes: the whole cell (万吨), or the part the rules
    point at (产量（万吨）, 比上年增长%)."""
    squeezed = _squeeze(cell)
    for rule_id, pattern in _patterns(rules).get("unit_in_cell", []):
        for match in pattern.finditer(squeezed):
            found = _unit_of(match.group("unit"), rules)
            if found is not None:
                return TableUnit(found[0], found[1], rule_id)
    return None


def _matches(role: str, cell: str, rules: RuleSet, whole: bool) -> regex.Match[str] | None:
    for _, pattern in _patterns(rules).get(role, []):
        match = pattern.fullmatch(cell, None, None, KEEP_GIL) if whole else pattern.search(cell, None, None, KEEP_GIL)
        if match:
            return match
    return None


def _role(cell: str, rules: RuleSet) -> str:
    if _FIGURE.fullmatch(cell, None, None, KEEP_GIL) or (
        _DIGIT.search(cell, None, None, KEEP_GIL) and _matches("figure_cell", cell, rules, whole=True)
    ):
        return "figure"
    if _matches("blank_cell", cell, rules, whole=True):
        return "blank"
    if _matches("unit_line", cell, rules, whole=False):
        return "unit_line"
    if _unit_of(cell, rules) is not None:
        return "unit"
    return "label"


_VALUES = ("figure", "unit", "blank")  # the cells of a row after its label


@dataclass
class _Block:
    """The cells of a table block, with what every figure of it asks: the cells' starts, the
    positions of unit lines, and, once worked out, each row's carried unit (row label -> unit)
    and the column headers of rows of each width."""

    cells: list[_Cell]
    starts: list[int]
    unit_lines: list[int]
    title: tuple[int, int] | None = None
    carried: dict[int, TableUnit | None] = field(default_factory=dict)
    headers: dict[int, list[str]] = field(default_factory=dict)
    _numbered: bool | None = None
    _header_cells: list[_Cell] | None = None
    _row_numbers: frozenset[int] | None = None
    items: dict[int, tuple[int, list[str]] | None] = field(default_factory=dict)  # row label -> `_item_row`

    @cached_property
    def first_label(self) -> int | None:
        """The label cell of the first row (None when no cell is a figure): the headers stand before it."""
        first_figure = next((i for i, cell in enumerate(self.cells) if cell.role in ("figure", "blank")), None)
        if first_figure is None:
            return None
        first_label = first_figure - 1
        while first_label >= 0 and self.cells[first_label].role in _VALUES:  # the first row may open with a unit column
            first_label -= 1
        return first_label if first_label >= 0 else None

    def header_end(self, rules: RuleSet) -> int:
        """The first cell after the header: the first row's label, or its number when the first
        figure numbers a row under a 序号 header."""
        first_figure = next((i for i, cell in enumerate(self.cells) if cell.role in ("figure", "blank")), None)
        return first_figure if first_figure is not None and first_figure in self.row_numbers(rules) else self.first_label or 0

    def header_cells(self, rules: RuleSet) -> list[_Cell]:
        """The header cells over the first row, after the title's line (the cells of every column,
        those of the text columns too: 序号 | 项目名称 | 实施地点 | 衔接资金（万元）)."""
        if self._header_cells is None:
            start = self.title[1] if self.title else -1
            self._header_cells = [
                cell
                for cell in self.cells[: self.header_end(rules)]
                if cell.start > start and cell.role in ("label", "unit")
            ]
        return self._header_cells

    def row_numbers(self, rules: RuleSet) -> frozenset[int]:
        """The cells that number the rows under a 序号 header: 1, 2, 3 … in turn, each before a row's
        label. A small figure at the end of a row before the next label (受益人口 | 600 | 合计) is none."""
        if self._row_numbers is None:
            found, expected = set(), 1
            if self.numbered(rules):
                for index, cell in enumerate(self.cells[:-1]):
                    if cell.text == str(expected) and self.cells[index + 1].role == "label":
                        found.add(index)
                        expected += 1
            self._row_numbers = frozenset(found)
        return self._row_numbers

    def numbered(self, rules: RuleSet) -> bool:
        """Whether the headers name a column of row numbers (序号): its cells are no figures."""
        if self._numbered is None:
            first = self.first_label or 0
            self._numbered = any(_matches("index_header", cell.text, rules, whole=True) for cell in self.cells[:first])
        return self._numbered

    def column_headers(self, first_label: int, width: int, rules: RuleSet) -> list[str]:
        if width not in self.headers:
            self.headers[width] = _column_headers(self.cells, first_label, width, rules)
        return self.headers[width]


_NO_BLOCK = _Block([], [], [])


class _Lines:
    """The lines of one text, which of them are prose, and the cells of each table block, each
    worked out once: every figure of a table asks for the same block, and rescanning it per
    figure made long tables quadratic."""

    def __init__(self, text: str, rules: RuleSet) -> None:
        self.text, self.rules = text, rules
        self.starts = [0, *(match.end() for match in _NEWLINE.finditer(text))]
        self._pieces: dict[int, list[tuple[int, int, str]]] = {}
        self._prose: dict[int, bool] = {}
        self._blocks: dict[int, _Block] = {}  # line -> its block
        self._found: dict[tuple[int, int], TableCell | None] = {}

    def span(self, index: int) -> tuple[int, int]:
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return self.starts[index], end

    def pieces(self, index: int) -> list[tuple[int, int, str]]:
        """The cells of a line: their (start, end) in the text and their text without white space."""
        if index not in self._pieces:
            start, end = self.span(index)
            line = self.text[start:end]
            self._pieces[index] = [
                (start + left, start + right, _squeeze(line[left:right])) for left, right in _pieces(line, self.rules)
            ]
        return self._pieces[index]

    def opens(self, index: int) -> bool:
        """Whether the line is a table's title, which starts a block."""
        pieces = self.pieces(index)
        return bool(pieces) and _matches("block_start", pieces[0][2], self.rules, whole=False) is not None

    def prose(self, index: int) -> bool:
        if index not in self._prose:
            self._prose[index] = any(
                _matches("block_end", squeezed, self.rules, whole=False) for _, _, squeezed in self.pieces(index)
            )
        return self._prose[index]

    def block(self, offset: int) -> _Block:
        """The cells of the lines around `offset` up to the prose before and after it (blank
        lines skipped); none when `offset` stands in prose."""
        here = bisect_right(self.starts, offset) - 1
        if self.prose(here):
            return _NO_BLOCK
        if here not in self._blocks:
            first = last = here
            while first > 0 and not self.prose(first - 1) and not self.opens(first):
                first -= 1
            while last + 1 < len(self.starts) and not self.prose(last + 1) and not self.opens(last + 1):
                last += 1
            # the block as one stream of cells: a line is one cell, or several split by tabs or spaces
            cells = [
                _Cell(start, end, squeezed, _role(squeezed, self.rules))  # type: ignore[arg-type]
                for index in range(first, last + 1)
                for start, end, squeezed in self.pieces(index)
            ]
            units = [index for index, cell in enumerate(cells) if cell.role == "unit_line"]
            title = self._title(first, last) if self.opens(first) else self._title_over_unit(cells, units)
            found = _Block(cells, [cell.start for cell in cells], units, title)
            for index in range(first, last + 1):
                self._blocks[index] = found
        return self._blocks[here]

    def _title_over_unit(self, cells: list[_Cell], units: list[int]) -> tuple[int, int] | None:
        """The line of a title written with no 表N: a line of one text cell right over the unit
        line that opens the table (2026年5月份…居民消费价格分类涨跌幅 / 单位：%), before any figure."""
        if not units or units[0] == 0 or cells[units[0] - 1].role != "label":
            return None
        if any(cell.role in ("figure", "blank") for cell in cells[: units[0]]):
            return None
        if not _matches("unit_line", cells[units[0]].text, self.rules, whole=True):
            return None  # a title and its unit in one cell (…存贷款单位：亿元)
        line = bisect_right(self.starts, cells[units[0] - 1].start) - 1
        if line == bisect_right(self.starts, cells[units[0]].start) - 1 or len(self.pieces(line)) != 1:
            return None
        return self.span(line)

    def _title(self, first: int, last: int) -> tuple[int, int]:
        """The title of a block that opens with one: its first line, or the next line written when
        the first is a mark alone (附表 ⏎ 2025年农机购置补贴兑付情况)."""
        pieces = self.pieces(first)
        if len(pieces) == 1 and _APPENDIX_MARK.fullmatch(pieces[0][2]):
            written = next((index for index in range(first + 1, last + 1) if self.pieces(index)), None)
            if written is not None:
                return self.span(written)
        return self.span(first)

    def cell(self, quantity: tuple[int, int]) -> TableCell | None:
        if quantity not in self._found:
            self._found[quantity] = _read_cell(self.text, self.block(quantity[0]), quantity, self.rules)
        return self._found[quantity]


@lru_cache(maxsize=8)
def _lines(text: str, rules: RuleSet) -> _Lines:
    return _Lines(text, rules)


def _pieces(line: str, rules: RuleSet) -> list[tuple[int, int]]:
    """Spans of the cells of one line, split at tabs and runs of spaces; a word the layout
    spaced out (粮  食, 单  位, 其中：男  性) stays one cell: single characters join each
    other, and a single character that is no unit joins the label before it."""
    spans: list[tuple[int, int]] = []
    spaced: list[bool] = []  # the cell so far is a run of single characters
    position = 0
    for piece in [*_SEPARATOR.finditer(line, None, None, False, KEEP_GIL), None]:
        stop = piece.start() if piece else len(line)
        word = _squeeze(line[position:stop])
        if word:
            single = len(word) == 1 and bool(HAN.match(word))
            before = _squeeze(line[spans[-1][0] : spans[-1][1]]) if spans else ""
            if single and spans and (
                spaced[-1] or (_unit_of(word, rules) is None and _role(before, rules) == "label")
            ):
                spans[-1] = (spans[-1][0], stop)
            else:
                spans.append((position, stop))
                spaced.append(single)
        position = piece.end() if piece else len(line)
    return spans


def _clean_label(cells: list[_Cell]) -> str | None:
    """A row label without notes in brackets, sub-item marks (#, 其中：) and spaces."""
    label = _LABEL_NOISE.sub("", "".join(cell.text for cell in cells))
    return label or None


def _label_cells(cells: list[_Cell], index: int) -> list[_Cell]:
    """The label of the row whose label cell is at `index`; a label the layout split into
    single characters (农 / 业) is joined again."""
    first = index
    while (
        first > 0
        and len(cells[first].text) == 1
        and cells[first - 1].role == "label"
        and len(cells[first - 1].text) == 1
    ):
        first -= 1
    return cells[first : index + 1]


def _row_unit(cells: list[_Cell], label: int, row_end: int, rules: RuleSet) -> TableUnit | None:
    """The unit a row writes in its label (大牲畜（万头）) or in a unit column (万吨)."""
    for cell in cells[label + 1 : row_end]:
        if cell.role == "unit":
            return unit_in_cell(cell.text, rules)
    return unit_in_cell(cells[label].text, rules)


def _column_headers(cells: list[_Cell], first_label: int, width: int, rules: RuleSet) -> list[str]:
    """The headers of the figure columns (a header may be a unit alone: 亿千瓦时): the cells
    after the label column's header, else the `width` cells before the first row."""
    header = [cell for cell in cells[:first_label] if cell.role in ("label", "unit")]
    for position in range(len(header) - 1, -1, -1):
        if _matches("label_header", header[position].text, rules, whole=True):
            return [cell.text for cell in header[position + 1 : position + 1 + width]]
    return [cell.text for cell in header[-width:]] if len(header) >= width else []


def _bounded(text: str, quantity: tuple[int, int]) -> bool:
    """White space, a line end or a cumulative cell's bracket on both sides (the bracket
    stays outside the quantity) and no prose after: the cheap test a cell must pass first."""
    return (quantity[0] == 0 or text[quantity[0] - 1] in "\n\t \u3000〔") and (
        quantity[1] == len(text) or text[quantity[1]] in "\r\n\t \u3000〕"
    )


def table_cell(text: str, quantity: tuple[int, int], rules: RuleSet) -> TableCell | None:
    """The row label, column header and unit of a figure that fills a table cell; None when
    the figure is not a cell (it stands in prose, or no row label precedes it)."""
    if not _bounded(text, quantity):
        return None
    return _lines(text, rules).cell(quantity)


def _read_cell(text: str, block: _Block, quantity: tuple[int, int], rules: RuleSet) -> TableCell | None:
    cells = block.cells
    here = bisect_right(block.starts, quantity[0]) - 1
    if here < 0 or quantity[0] >= cells[here].end:
        return None
    written = _squeeze(text[quantity[0] : quantity[1]])
    cumulative = False
    if cells[here].text != written:
        match = _matches("figure_cell", cells[here].text, rules, whole=True)
        if match is None or match.group("figure") != written:
            return None
        cumulative = match.group("cumulative") is not None
    if here in block.row_numbers(rules):
        # a row's number before its label (序号 | 指标 …: 1 | 地区生产总值)
        return TableCell(None, None, None, index=True)
    label = here - 1
    while label >= 0 and cells[label].role in _VALUES:
        label -= 1
    if label < 0 or cells[label].role != "label":
        return None
    row_end = here + 1
    while row_end < len(cells) and cells[row_end].role in _VALUES:
        row_end += 1
    column = here - label - 1
    first_label = block.first_label
    if first_label is None:
        return None
    headers = block.column_headers(first_label, row_end - label - 1, rules)
    item = _item_row(block, label, row_end, rules)
    place = None
    if item is not None:
        # each cell under its own header, the row's text cells too (项目名称 | 实施地点 | 建设内容 | 资金（万元）)
        row_start, aligned = item
        headers = aligned[label + 1 - row_start :]
        place = _place_of_row(block, row_start, aligned, rules)
    header = headers[column] if column < len(headers) else None

    # a unit column whose cell is blank (城乡居民收入比 | — ) says the row has no unit: none is carried
    unitless = (
        bool(headers)
        and cells[label + 1].role == "blank"
        and _matches("unit_header", headers[0], rules, whole=True) is not None
    )
    row_unit = None if unitless else _carried_row_unit(cells, first_label, label, row_end, rules, block.carried)
    if cumulative:
        # a plan's cumulative change counts in the row's unit; a change of a rate, in 百分点
        unit = row_unit
        if unit is not None and unit.unit == "%":
            unit = TableUnit(unit.scale, "百分点", "table.cumulative_percent")
    else:
        unit = unit_in_cell(header, rules) if header else None
        if unit is None and header and _matches("rate_header", header, rules, whole=False):
            unit = TableUnit(Decimal(1), "%", "table.rate_header")
        if unit is None:
            unit = row_unit
    if unit is None and not unitless:
        before = bisect_left(block.unit_lines, here)
        if before:
            match = _matches("unit_line", cells[block.unit_lines[before - 1]].text, rules, whole=False)
            found = unit_in_cell(match.group("unit"), rules) if match else None
            unit = TableUnit(found.scale, found.unit, "table.unit_line") if found else None
    year = _matches("year_header", header, rules, whole=True) if header else None
    label_cells = _label_cells(cells, label)
    row = _clean_label(label_cells)
    flow = cumulative and row is not None and _matches("flow_label", row, rules, whole=False) is not None
    return TableCell(
        row,
        header,
        unit,
        year=year and year.group("year"),
        cumulative=cumulative,
        flow=flow,
        title=block.title,
        label_span=(label_cells[0].start, label_cells[-1].end),
        header_before=headers[column - 1] if 0 < column <= len(headers) else None,
        item=item is not None,
        place=place,
    )


def _row_start(block: _Block, label: int, rules: RuleSet) -> int:
    """The first cell of the row whose last text cell is at `label`: the text cells before it back to
    the previous row's figures, and the row's number (序号) before them."""
    floor = block.header_end(rules)
    start = label
    while start > floor and block.cells[start - 1].role == "label":
        start -= 1
    if start > floor and start - 1 in block.row_numbers(rules):
        start -= 1
    return start


def _item_row(block: _Block, label: int, row_end: int, rules: RuleSet) -> tuple[int, list[str]] | None:
    """(first cell, the header of each cell) of a row that names an item in two or more text columns
    (项目名称 | 实施地点 | 建设内容 | 衔接资金（万元）, or a 合计 row whose text columns are dashes), when its
    cells line up one for one with the header's, and the header names a 序号 or a place column (a
    list of items, not of measures); None for any other row, whose label names the metric. Worked
    out once per row: each of its figures asks."""
    if label not in block.items:
        block.items[label] = _line_up(block, label, row_end, rules)
    return block.items[label]


def _grid_row(block: _Block, label: int, rules: RuleSet) -> tuple[int, int] | None:
    """(first cell, end) of the row holding `label` in a numbered table whose every row fills one
    cell per header, so that text columns after the figures (…| 受益户数（户） | 联农带农方式 | 完成情况)
    belong to their row: each row from the first opens with its number (序号) or is a row with no
    number (小计), and the next row opens right after it. None when the cells do not line up so."""
    width = len(block.header_cells(rules))
    first = block.header_end(rules)
    numbers = block.row_numbers(rules)
    if first not in numbers or label < first:
        return None
    start = first + (label - first) // width * width
    for opening in range(first, min(start + width, len(block.cells)) + 1, width):
        if opening < len(block.cells) and opening not in numbers and block.cells[opening].role != "label":
            return None
    return start, start + width


def _line_up(block: _Block, label: int, row_end: int, rules: RuleSet) -> tuple[int, list[str]] | None:
    headers = block.header_cells(rules)
    if len(headers) < 3:
        return None
    cells = block.cells
    grid = _grid_row(block, label, rules)
    if grid is not None:
        start, row_end = grid
    else:
        start = _row_start(block, label, rules)
    if row_end - 1 in block.row_numbers(rules):
        row_end -= 1  # the next row's number (序号), read as one more figure of this row
    width = row_end - start
    written = [cell.text for cell in headers]
    if len(written) == width + 1 and block.title is None:
        written = written[1:]  # a title line with no 表N over the header
    if len(written) != width:
        return None
    # the text columns: those before the first figure after the row's number
    first_value = next((i for i in range(start + 1, row_end) if cells[i].role == "figure"), row_end) - start
    named = written[:first_value]
    numbered = [header for header in named if _matches("index_header", header, rules, whole=True)]
    placed = [header for header in named if _matches("place_header", header, rules, whole=True)]
    if not (numbered or placed):
        return None  # a title line or a group row over the rows (期末畜禽存栏) would line up by chance
    texts = [header for header in named if header not in numbered and not _matches("unit_header", header, rules, whole=True)]
    return (start, written) if len(texts) >= 2 else None


def _place_of_row(block: _Block, start: int, headers: list[str], rules: RuleSet) -> str | None:
    """The most specific place the row's cell under a place header names (某镇某村 → 某村); None
    when there is no such column, or its cell names no single place (全县, 全县各乡镇, A镇、B镇)."""
    for position, header in enumerate(headers):
        if _matches("place_header", header, rules, whole=True):
            cell = block.cells[start + position]
            found = _matches("place_cell", cell.text, rules, whole=True) if cell.role == "label" else None
            return found.group("place") if found else None
    return None


def item_row_place(text: str, quantity: tuple[int, int], rules: RuleSet) -> str | None:
    """The place of the item row whose text cell holds `quantity` (a figure written inside a 建设内容
    cell: 新建圈舍6栋): the row's 实施地点 cell names it. None outside such a table."""
    lines = _lines(text, rules)
    block = lines.block(quantity[0])
    here = bisect_right(block.starts, quantity[0]) - 1
    if here < 0 or quantity[1] > block.cells[here].end or block.cells[here].role != "label":
        return None
    row_end = here + 1
    while row_end < len(block.cells) and block.cells[row_end].role == "label":
        row_end += 1
    if row_end == len(block.cells) or block.cells[row_end].role not in _VALUES:
        return None
    label = row_end - 1
    while row_end < len(block.cells) and block.cells[row_end].role in _VALUES:
        row_end += 1
    if here < block.header_end(rules):
        return None
    item = _item_row(block, label, row_end, rules)
    return _place_of_row(block, item[0], item[1], rules) if item is not None else None


_HEADER_UNIT = regex.compile(r"[（(][^（）()]*[）)]|[%％‰]$")


def column_metric(text: str, cell: TableCell, rules: RuleSet) -> str | None:
    """What a column measures, for a table whose rows are places (地区 | R&D经费（亿元） | …: 石家庄市 |
    286.4 | …): the header without the unit it writes (R&D经费); a header that names only the
    figure's form (绝对数, 比上年增长%) leaves it to the table's title, without its number, its
    year and the words that say it is broken down (表3 2025年分地区地区生产总值 → 地区生产总值);
    but a growth column right after a column that names its measure measures that one (快递业务量（万件）
    | 同比增长（%） | 快递业务收入（万元） | 同比增长（%）: a title covers both measures, or neither)."""
    if cell.header:
        named = _HEADER_UNIT.sub("", cell.header)
        if named and _matches("generic_header", named, rules, whole=True) is None:
            return named
        before = _HEADER_UNIT.sub("", cell.header_before) if cell.header_before else ""
        if (
            before
            and _matches("change_header", named, rules, whole=True) is not None
            and _matches("generic_header", before, rules, whole=True) is None
        ):
            return before
    return _title_words(text, cell, rules)


def _title_words(text: str, cell: TableCell, rules: RuleSet) -> str | None:
    """The table's title without its number, its year and the words that say it is broken down."""
    if cell.title is None:
        return None
    title = fold_width(text[cell.title[0] : cell.title[1]]).strip()  # spaced: 表5　2024年 is no 表52024
    for _, pattern in _patterns(rules).get("title_noise", []):
        title = pattern.sub("", title)
    return _squeeze(title) or None


def is_total_row(cell: TableCell, rules: RuleSet) -> bool:
    """Whether the cell's row totals the others (合计, 总计: `total_label`)."""
    return cell.label is not None and _matches("total_label", cell.label, rules, whole=True) is not None


_FIRST_ITEM = regex.compile(r"[^、，,和及与]+")


def total_metric(text: str, cell: TableCell, rules: RuleSet, places: tuple[str, ...] = ()) -> str | None:
    """What a row that totals the others (合计, 总计) measures: the whole the title names, without a
    place that opens it and cut to the first of the things it lists (…仁寿县医疗卫生机构、床位和卫生技术
    人员情况 → 医疗卫生机构), then the column's header without its unit (机构数 → 医疗卫生机构机构数). A
    header that repeats the whole's last word before its own measure is joined on it (基本医疗保险基金
    + 基金收入 → 基本医疗保险基金收入). None for any other row, or when the title names nothing."""
    if not is_total_row(cell, rules):
        return None
    whole = _title_words(text, cell, rules)
    for place in sorted(places, key=len, reverse=True):
        if whole and whole.startswith(place) and len(whole) > len(place):
            whole = whole[len(place) :]
            break
    first = _FIRST_ITEM.match(whole) if whole else None
    if first is None:
        return None
    whole = first.group()
    column = _HEADER_UNIT.sub("", cell.header) if cell.header else ""
    if not column or whole.endswith(column) or _matches("generic_header", column, rules, whole=True) is not None:
        return whole  # (the header names the whole again: 以旧换新补贴资金 + 补贴资金)
    for overlap in range(min(len(whole), len(column) - 2), 1, -1):
        if whole.endswith(column[:overlap]):
            return whole + column[overlap:]  # 基本医疗保险基金 + 基金收入; not 医疗卫生机构 + 机构数
    return whole + column


def _carried_row_unit(
    cells: list[_Cell],
    first_label: int,
    label: int,
    row_end: int,
    rules: RuleSet,
    carried: dict[int, TableUnit | None],
) -> TableUnit | None:
    """The row's own unit, else the unit of the nearest row above that writes one: the
    sub-items of 大牲畜（万头） (#黄牛及肉牛, 奶牛) count in 万头 too.

    `carried` remembers the answer of every row walked (a row ends where the next row's
    label starts, so a row label alone fixes it): a long table without units is walked once.
    """
    walked = []
    unit = None
    end = row_end
    while label >= first_label:
        if label in carried:
            unit = carried[label]
            break
        walked.append(label)
        unit = _row_unit(cells, label, end, rules)
        if unit is not None:
            break
        end = label
        label -= 1
        while label >= first_label and cells[label].role in _VALUES:
            label -= 1
    for row in walked:
        carried[row] = unit
    return unit


def probe(text: str, rules: RuleSet) -> set[str]:
    """Ids of the table rules that fire on some line of `text`."""
    fired = set()
    for rule in rules["tables"]:
        pattern = compile_pattern(rule.id, rule.pattern, limited=not rules.is_builtin("tables", rule.id))  # type: ignore[attr-defined]
        for line in text.split("\n"):
            cell = _squeeze(line)
            if rule.role in ("label_header", "blank_cell", "figure_cell", "index_header", "unit_header", "year_header", "generic_header", "total_label", "change_header", "place_header", "place_cell"):  # type: ignore[attr-defined]
                hit = pattern.fullmatch(cell) is not None
            elif rule.role in ("unit_line", "unit_in_cell"):  # type: ignore[attr-defined]
                hit = any(_unit_of(match.group("unit"), rules) for match in pattern.finditer(cell))
            else:
                hit = pattern.search(cell) is not None
            if hit:
                fired.add(rule.id)
    return fired
