"""Reading: bytes → source text, the normalized view, and the map between them."""

from __future__ import annotations

import codecs
import time
import unicodedata
from pathlib import Path

import jieba
import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from policy_extract import extract
from policy_extract.errors import DecodeError, InputError, NotTextError, RulesError
from policy_extract.reading import (
    SourceText,
    _open_lines,
    _word_spans,
    is_caption,
    prepare,
    read_bytes,
    read_path,
)
from policy_extract.rule_files import load_rules

from shared_helpers import DEV

DEV_CORPORA = DEV / "corpora"

TEXT = "全市规上工业总产值5400亿元，比上年增长3.5%，新增企业12家。"

# ---------------------------------------------------------------------------
# bytes → text

DECODED = [
    pytest.param(TEXT.encode("utf-8"), TEXT, "utf-8", id="utf-8"),
    pytest.param(codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, "utf-8-sig", id="utf-8-bom"),
    pytest.param(TEXT.encode("gb18030"), TEXT, "gb18030", id="gb18030"),
    pytest.param(TEXT.encode("gbk"), TEXT, "gb18030", id="gbk-read-as-gb18030"),
    pytest.param("短文本".encode("gbk"), "短文本", "gb18030", id="short-gbk-not-big5"),
    pytest.param("增长５％".encode("utf-16"), "增长５％", "utf-16", id="utf-16-bom"),
    pytest.param("第一行\r\n第二行".encode(), "第一行\r\n第二行", "utf-8", id="crlf-kept"),
    pytest.param(b"", "", "utf-8", id="empty"),
]


@pytest.mark.parametrize(("data", "text", "encoding"), DECODED)
def test_read_bytes_decodes(data, text, encoding):
    assert read_bytes(data, "a.txt") == SourceText(text, encoding, "a.txt")


NOT_DECODED = [
    pytest.param(b"PK\x03\x04\x00\x00binary", NotTextError, id="nul-bytes"),
    pytest.param(bytes(range(1, 9)) * 10, NotTextError, id="control-characters"),
    pytest.param(bytes(range(128, 256)), DecodeError, id="undecodable-high-bytes"),
]


@pytest.mark.parametrize(("data", "error"), NOT_DECODED)
def test_read_bytes_rejects(data, error):
    with pytest.raises(error, match=r"^x\.bin: "):
        read_bytes(data, "x.bin")


def test_read_path_reads_a_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode("gb18030"))
    assert read_path(path) == SourceText(TEXT, "gb18030", str(path))


def _missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return tmp_path / "missing.txt"


def _directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return tmp_path


def _unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """chmod cannot lock out root, so the denial is simulated."""

    def deny(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", deny)
    return tmp_path / "secret.txt"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        pytest.param(_missing, "no such file", id="missing"),
        pytest.param(_directory, "is a directory", id="directory"),
        pytest.param(_unreadable, "permission denied", id="permission-denied"),
    ],
)
def test_read_path_raises_one_line_naming_the_file(tmp_path, monkeypatch, make, reason):
    path = make(tmp_path, monkeypatch)
    with pytest.raises(InputError) as caught:
        read_path(path)
    assert caught.value.one_line() == f"PE001 {path}: {reason}"


# ---------------------------------------------------------------------------
# normalization and layout repair

NORMALIZED = [
    pytest.param(
        "2025年，全市累计培育制造\n\n业单项冠军企业12家，比上年增加3家。",
        "2025年，全市累计培育制造业单项冠军企业12家，比上年增加3家。",
        id="word-split-across-blank-line",
    ),
    pytest.param(
        "今年以来，全县新开工重点项目28个，完成投资\n\n▲ 新区一角\n\n■ 李明 摄\n\n45.6亿元，同比增长12%。",
        "今年以来，全县新开工重点项目28个，完成投资45.6亿元，同比增长12%。",
        id="caption-and-credit-inside-a-sentence",
    ),
    pytest.param(
        "今年以来，全县实现规上工业总产\n城区夜景\n值1280亿元，同比增长9%。",
        "今年以来，全县实现规上工业总产值1280亿元，同比增长9%。",
        id="photo-title-inside-a-word",
    ),
    pytest.param(
        "今年以来，全县新增城镇就业6\n\n500人，同比增长3%。",
        "今年以来，全县新增城镇就业6500人，同比增长3%。",
        id="number-split-across-blank-line",
    ),
    pytest.param(
        "全年完成投资45.6亿元。\n记者 王芳 通讯员 李强\n新区建设稳步推进。",
        "全年完成投资45.6亿元。\n记者 王芳 通讯员 李强\n新区建设稳步推进。",
        id="credit-between-paragraphs-stays",
    ),
    pytest.param(
        "2024年工作回顾\n这一年，全县经济稳中有进。",
        "2024年工作回顾\n这一年，全县经济稳中有进。",
        id="year-heading-not-joined",
    ),
    pytest.param(
        "某区统计局\n2026年3月20日\n\n一、综合\n经初步核算，全区地区生产总值增长6%。",
        "某区统计局\n2026年3月20日\n\n一、综合\n经初步核算，全区地区生产总值增长6%。",
        id="date-line-not-joined-on-a-word",  # 日|经 would read as jieba's word 日经
    ),
    pytest.param(
        "某县人民政府办公室\n2025年12月8日\n经县政府研究同意，现将有关事项通知如下：",
        "某县人民政府办公室\n2025年12月8日\n经县政府研究同意，现将有关事项通知如下：",
        id="date-line-not-joined-to-a-notice",
    ),
    pytest.param(
        "2026-03-18 08:30 来源：某某日报\n3月17日上午，全市重点项目集中开工。",
        "2026-03-18 08:30 来源：某某日报\n3月17日上午，全市重点项目集中开工。",
        id="line-opening-with-a-day-not-joined",  # 日报|3月17日: a date opens a paragraph
    ),
    pytest.param(
        "某市：民营经济持续向好\n前10个月全市新设经营主体18.7万户\n\n2026-11-20 07:45　来源：某某日报\n\n记者获悉，全市经营主体增长5%。",
        "某市：民营经济持续向好\n前10个月全市新设经营主体18.7万户\n\n2026-11-20 07:45 来源：某某日报\n\n记者获悉，全市经营主体增长5%。",
        id="subtitle-not-joined-to-the-portal-line",  # 万户|2026-11-20: a date line opens a paragraph
    ),
    pytest.param(
        "某省举行2026年全省交通运输发展情况新闻发布会\n\n2026-12-16 10:30　来源：某省人民政府新闻办公室\n\n12月15日上午，省政府新闻办举行新闻发布会。",
        "某省举行2026年全省交通运输发展情况新闻发布会\n\n2026-12-16 10:30 来源：某省人民政府新闻办公室\n\n12月15日上午，省政府新闻办举行新闻发布会。",
        id="title-not-joined-to-the-portal-line",
    ),
    pytest.param(
        "某县秋粮喜获丰收\n种粮大户收入增速持续快于普通农户\n\n来源：某某日报　发布时间：2025-10-08 09:00\n\n本报讯（记者 张三）记者从县农业农村局获悉，全县秋粮增产5%。",
        "某县秋粮喜获丰收\n种粮大户收入增速持续快于普通农户\n\n来源：某某日报 发布时间：2025-10-08 09:00\n\n本报讯（记者 张三）记者从县农业农村局获悉，全县秋粮增产5%。",
        id="subtitle-not-joined-to-a-news-lead",  # the credit line is kept: a news lead opens the body
    ),
    pytest.param(
        "某县陶瓷产业调查\n\n江西日报　2019年05月20日　第11版\n\n6月初，走进窑厂。“这一窑就值300多万元。”",
        "某县陶瓷产业调查\n\n江西日报 2019年05月20日 第11版\n\n6月初，走进窑厂。“这一窑就值300多万元。”",
        id="newspaper-masthead-line-not-joined",  # 第11版|6月初: the paper's day and page open no sentence (held-out h34)
    ),
    pytest.param(
        "某县茶产业：一片叶子富了一方百姓\n2026-04-18 来源：某某日报\n春分刚过，茶山上一片繁忙。",
        "某县茶产业：一片叶子富了一方百姓\n2026-04-18 来源：某某日报\n春分刚过，茶山上一片繁忙。",
        id="title-not-joined-to-a-dated-source-line",  # 百姓|2026-04-18: a page's date line is no continuation
    ),
    pytest.param(
        "某县茶产业兴旺\n2026-04-18 08:30 来源：某某日报\n记者 王五\n春分刚过，茶山上一片繁忙。",
        "某县茶产业兴旺\n2026-04-18 08:30 来源：某某日报\n记者 王五\n春分刚过，茶山上一片繁忙。",
        id="source-line-not-joined-across-a-byline",  # the source line is whole: no sentence goes on from it
    ),
    pytest.param(
        "某市外贸稳中有进出口总值增长较快的主要原因分析如下\n\n某某网5月9日讯（记者 李四）全市进出口增长8%。",
        "某市外贸稳中有进出口总值增长较快的主要原因分析如下\n\n某某网5月9日讯（记者 李四）全市进出口增长8%。",
        id="headline-not-joined-to-a-dated-news-lead",
    ),
    pytest.param(
        "一、发展质量稳步提升\n地区生产总值增长8%。",
        "一、发展质量稳步提升\n地区生产总值增长8%。",
        id="numbered-heading-not-joined",
    ),
    pytest.param(
        "一年来，我们坚持项目为王，产业基础持续夯实\n重大项目加快落地。",
        "一年来，我们坚持项目为王，产业基础持续夯实\n重大项目加快落地。",
        id="heading-with-commas-not-joined",
    ),
    pytest.param(
        "地区生产总值\n2650.8\n6.5\n第一产业\n210.4",
        "地区生产总值\n2650.8\n6.5\n第一产业\n210.4",
        id="table-cells-not-joined",
    ),
    pytest.param("油  菜\n8.3\n茶  叶\n56.7", "油  菜\n8.3\n茶  叶\n56.7", id="spaced-labels-not-joined"),
    pytest.param(
        "1\n新建冷藏库3座，配套装卸平台及场内道路800平方米\n260\n145\n2\n青石镇柳湾村果蔬分拣中心建设项目\n",
        "1\n新建冷藏库3座，配套装卸平台及场内道路800平方米\n260\n145\n2\n青石镇柳湾村果蔬分拣中心建设项目\n",
        id="row-figures-not-dropped-between-two-long-cells",  # two bare figures are cells, no layout
    ),
    pytest.param(
        "今年以来，全县新开工重点项目28个，完成投资\n12\n45.6亿元，同比增长12%。",
        "今年以来，全县新开工重点项目28个，完成投资45.6亿元，同比增长12%。",
        id="page-number-inside-a-sentence-dropped",
    ),
    pytest.param(
        "表3  2025年主要农产品产量\n产品名称\n单位\n绝对数\n比上年增长%\n粮食\n万吨\n36.8\n1.9",
        "表3  2025年主要农产品产量\n产品名称\n单位\n绝对数\n比上年增长%\n粮食\n万吨\n36.8\n1.9",
        id="table-title-not-joined-to-its-header",  # 产量|比 would read as jieba's 量比
    ),
    pytest.param(
        "全县农业生产稳定。\n2025年主要农产品产量\n产品名称\n单位\n绝对数\n比上年增长%\n粮食\n万吨\n36.8",
        "全县农业生产稳定。\n2025年主要农产品产量\n产品名称\n单位\n绝对数\n比上年增长%\n粮食\n万吨\n36.8",
        id="title-not-joined-across-header-cells",
    ),
    pytest.param("第一行\r\n第二行\r\n", "第一行\n第二行\n", id="crlf"),
    pytest.param("甲\r乙", "甲\n乙", id="lone-cr"),
    pytest.param(
        "投资３５０亿元，增长３．３２％（同比）！",
        "投资350亿元，增长3.32%（同比）！",
        id="full-width-folded-chinese-punctuation-kept",
    ),
    pytest.param("\u3000\u3000全年\u00a0增长", "  全年 增长", id="ideographic-space-and-nbsp"),
]


@pytest.mark.parametrize(("original", "normalized"), NORMALIZED)
def test_prepare_normalizes(original, normalized):
    assert prepare(original).text == normalized


# (original, a substring of the normalized text, the original text it maps to)
MAPPED = [
    pytest.param("今年以来，全县新增城镇就业6\n\n500人，同比增长3%。", "6500人", "6\n\n500人", id="split-number"),
    pytest.param(
        "今年以来，全县新开工重点项目28个，完成投资\n\n▲ 新区一角\n\n■ 李明 摄\n\n45.6亿元，同比增长12%。",
        "投资45.6亿元",
        "投资\n\n▲ 新区一角\n\n■ 李明 摄\n\n45.6亿元",
        id="span-across-dropped-caption",
    ),
    pytest.param("2025年，全市累计培育制造\n\n业单项冠军", "制造", "制造", id="join-at-span-end-excluded"),
    pytest.param("2025年，全市累计培育制造\n\n业单项冠军", "业单项", "业单项", id="join-at-span-start-excluded"),
    pytest.param("第一行\r\n第二行", "\n第二", "\r\n第二", id="crlf-at-span-start"),
    pytest.param("第一行\r\n第二行", "行\n", "行\r\n", id="crlf-at-span-end"),
    pytest.param("第一行\r\n第二行\r\n第三行", "第三行", "第三行", id="after-two-crlfs"),
    pytest.param("增长３．３２％", "3.32%", "３．３２％", id="full-width"),
]


@pytest.mark.parametrize(("original", "normalized", "source"), MAPPED)
def test_to_source_maps_a_span_to_the_original(original, normalized, source):
    analysis = prepare(original)
    start = analysis.text.index(normalized)
    begin, end = analysis.to_source(start, start + len(normalized))
    assert original[begin:end] == source


@pytest.mark.parametrize(
    ("original", "offset", "normalized"),
    [
        pytest.param("第一行\r\n第二行", 3, 3, id="cr-maps-to-its-lf"),
        pytest.param("第一行\r\n第二行", 5, 4, id="after-crlf"),
        pytest.param("今年以来，全县新增城镇就业6\n\n500人。", 14, 14, id="removed-break-to-next-char"),
        pytest.param("今年以来，全县新增城镇就业6\n\n500人。", 17, 15, id="after-removed-break"),
    ],
)
def test_to_normalized(original, offset, normalized):
    assert prepare(original).to_normalized(offset) == normalized


def test_joins_lists_where_text_was_removed():
    assert prepare("今年以来，全县新增城镇就业6\n\n500人，同比增长3%。").joins == (14,)


def test_to_source_rejects_a_span_outside_the_text():
    with pytest.raises(ValueError, match="outside the text"):
        prepare("增长5%").to_source(2, 9)


def test_untouched_text_is_returned_as_is():
    assert prepare(TEXT).text is TEXT


# ---------------------------------------------------------------------------
# properties: the map is valid for any text, and verbatim outside the joins

FRAGMENTS = [
    "2025年，全市累计培育制造", "业单项冠军企业12家。", "\n", "\n\n", "\r\n", "\r", "▲ 新区一角",
    "■ 李明 摄", "５４００亿元", "\u3000", "一、", "今年以来，全县新增城镇就业6", "500人，同比增长3%。",
]
TEXTS = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=12
).map("".join)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text.replace("\r\n", "\n").replace("\r", "\n"))


@settings(derandomize=True, max_examples=200)
@given(TEXTS, st.data())
def test_to_source_gives_valid_offsets(original, data):
    analysis = prepare(original)
    start = data.draw(st.integers(0, len(analysis.text)))
    end = data.draw(st.integers(start, len(analysis.text)))
    begin, finish = analysis.to_source(start, end)
    assert 0 <= begin <= finish <= len(original)


@settings(derandomize=True, max_examples=200)
@given(TEXTS, st.data())
def test_spans_without_joins_are_the_original_folded(original, data):
    analysis = prepare(original)
    start = data.draw(st.integers(0, len(analysis.text)))
    end = data.draw(st.integers(start, len(analysis.text)))
    if any(start < join < end for join in analysis.joins):
        begin, finish = analysis.to_source(start, end)
        assert finish - begin > end - start  # the removed layout is inside the span
    else:
        begin, finish = analysis.to_source(start, end)
        assert _fold(original[begin:finish]) == _fold(analysis.text[start:end])


@settings(derandomize=True, max_examples=200)
@given(TEXTS, st.data())
def test_to_normalized_inverts_to_source(original, data):
    analysis = prepare(original)
    offset = data.draw(st.integers(0, max(len(analysis.text) - 1, 0)))
    if analysis.text:
        assert analysis.to_normalized(analysis.to_source(offset, offset + 1)[0]) == offset


@pytest.mark.slow
def test_prepare_is_fast_on_a_large_damaged_document():
    paragraph = "今年以来，全县新开工重点项目28个，完成投资\n\n▲ 新区一角\n\n45.6亿元，同比增长１２％。\r\n"
    original = paragraph * 20_000  # about 1.2 million characters
    started = time.perf_counter()
    analysis = prepare(original)
    assert len(analysis.joins) == 20_000
    assert time.perf_counter() - started < 10


# ---------------------------------------------------------------------------
# the development corpus: its tables and headings are not layout damage


@pytest.mark.skipif(not DEV_CORPORA.is_dir(), reason="no development corpus here")
@pytest.mark.parametrize(
    "name", sorted(path.name for path in DEV_CORPORA.glob("*.txt")) if DEV_CORPORA.is_dir() else []
)
def test_dev_corpus_has_nothing_to_join(name):
    assert prepare(read_path(DEV_CORPORA / name).text).joins == ()


CAPTIONS = [
    pytest.param("▲ 慈溪城区风光", True, id="triangle"),
    pytest.param("■ 记者 陈晓岚 通讯员 周立", True, id="square-credit"),
    pytest.param("本版图片由慈溪市委宣传部提供", True, id="pictures-provided"),
    pytest.param("责任编辑：王某", True, id="editor"),
    pytest.param("图为工人在车间作业", True, id="pictured"),
    pytest.param("全市规上工业增加值增长7.2%。", False, id="prose"),
    pytest.param("一、2024年工作回顾", False, id="heading"),
]


@pytest.mark.parametrize(("line", "expected"), CAPTIONS)
def test_is_caption(line, expected, rules):
    assert is_caption(line, rules) is expected


# ---------------------------------------------------------------------------
# the family `layout` from a user's rule folder

AERIAL_CAPTION = """version: 1
rules:
  - id: user.caption.aerial
    name: an aerial photo's caption (航拍…)
    role: caption
    pattern: '航拍'
    examples: [航拍视角下的新区一角]
"""
# A sentence broken by a picture whose caption our rules do not know: it reads as a line of prose.
BROKEN_BY_AERIAL = "今年以来，全县新开工重点项目28个，完成投资\n\n航拍视角下的新区一角，绿树成荫\n\n45.6亿元，同比增长12%。"


@pytest.fixture
def aerial_rules(tmp_path):
    (tmp_path / "layout.yaml").write_text(AERIAL_CAPTION, encoding="utf-8")
    return tmp_path


def test_a_user_caption_rule_makes_a_line_a_caption(aerial_rules, rules):
    line = "航拍视角下的新区一角，绿树成荫"
    assert not is_caption(line, rules)
    assert is_caption(line, load_rules((str(aerial_rules),)))


def test_a_user_caption_rule_is_deleted_with_the_break_it_sits_in(aerial_rules):
    assert "完成投资45.6亿元" not in prepare(BROKEN_BY_AERIAL).text
    assert "完成投资45.6亿元" in prepare(BROKEN_BY_AERIAL, load_rules((str(aerial_rules),))).text


def test_the_pipeline_reads_the_layout_with_the_users_rules(aerial_rules):
    ours = extract(BROKEN_BY_AERIAL, "2025")
    users = extract(BROKEN_BY_AERIAL, "2025", rules_dirs=[str(aerial_rules)])
    figure = BROKEN_BY_AERIAL.index("45.6亿元")
    assert [c.metric for c in ours.claims if c.span[0] == figure] != ["投资"]
    assert [c.metric for c in users.claims if c.span[0] == figure] == ["投资"]


BROKEN_LAYOUT_RULES = [
    pytest.param("{id: x, role: caption, words: [航拍]}", "takes a `pattern` and no `words`", id="caption-with-words"),
    pytest.param("{id: x, role: joins_next, pattern: 的}", "takes `words` and no `pattern`", id="words-role-with-pattern"),
    pytest.param("{id: x, role: joins_next, words: ['']}", "at least 1 character", id="empty-word"),
    pytest.param("{id: x, role: footer, pattern: 页}", "role", id="unknown-role"),
    pytest.param("{id: x, role: heading, pattern: '(第'}", "pattern does not compile", id="bad-pattern"),
]


@pytest.mark.parametrize(("rule", "needle"), BROKEN_LAYOUT_RULES)
def test_a_broken_layout_rule_is_one_line_naming_its_file_and_id(tmp_path, rule, needle):
    path = tmp_path / "layout.yaml"
    path.write_text(f"version: 1\nrules:\n  - {rule}\n", encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        load_rules((str(tmp_path),))
    [problem] = caught.value.problems
    assert problem.startswith(f"{path}: rules.0") and "'x'" in problem and needle in problem
    assert "\n" not in problem


def _segmented_across(left: str, right: str) -> bool:
    """The definition: jieba's words (no HMM) of left + right put one across the join."""
    position = 0
    for word in jieba.lcut(left + right, HMM=False):
        if position < len(left) < position + len(word):
            return True
        position += len(word)
    return False


def _break_windows() -> list[tuple[str, str]]:
    """Four characters each side of every offset of the corpus texts (breaks or not)."""
    root = Path(__file__).resolve().parent.parent / "corpora"
    paths = sorted(root.glob("*.txt")) + sorted(DEV_CORPORA.glob("*.txt"))
    windows = set()
    for path in paths:
        text = read_path(path).text
        for offset in range(1, len(text)):
            windows.add((text[max(0, offset - 4) : offset], text[offset : offset + 4]))
    return sorted(windows)


def test_a_word_spans_a_break_exactly_when_jieba_puts_one_across_it():
    """_word_spans answers without segmenting where no dictionary word crosses the break."""
    from policy_extract.pipeline import initialize_jieba

    initialize_jieba()
    windows = _break_windows()
    assert len(windows) > 8_000  # our corpus alone gives about 8,600; the dev texts, where present, 26,000 more
    assert [_word_spans(left, right) for left, right in windows] == [
        _segmented_across(left, right) for left, right in windows
    ]


def test_the_fold_test_finds_exactly_the_characters_folding_changes():
    from policy_extract.reading import _FOLD, _NEEDS_FOLD

    for code in [*range(0x10000), 0x1F600, 0x20000]:
        assert (_NEEDS_FOLD.search(chr(code)) is not None) == (code in _FOLD), hex(code)


@given(st.text(alphabet="县业a9。， \t\u3000\n", max_size=40))
def test_open_lines_are_the_line_breaks_after_an_open_character(text):
    """What a scan for an open character, spaces and a line break finds, line by line."""
    scanned = regex.finditer(r"[\p{Han}0-9A-Za-z][ \t\u3000]*\n", text)
    expected = [
        (text[text.rfind("\n", 0, found.start()) + 1 : found.start() + 1].strip(" \t\u3000"), found.start() + 1)
        for found in scanned
    ]
    assert list(_open_lines(text)) == expected
