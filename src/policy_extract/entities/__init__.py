"""Places, organisations, named areas and references, the article's main region, and the
entity each claim belongs to.

Three sources of names, each checked against jieba's dictionary (a name must not cut a
word of it in two, so 合作市 is not found in 合作市场 nor 长治 in 长治久安):

* places, from the gazetteer of administrative divisions (`gazetteer`);
* organisations and named areas, by their forms (``rules/entities.yaml``: a suffix such
  as 有限公司 or 开发区, with the name read backwards from it up to a stop word);
* references (全县, 我市, 该公司), resolved to the name they stand for.

A match that opens its clause (after only time phrases and connectives) is marked
`subject`: `entity_for` takes the last subject before a figure in its sentence, then
one carried from earlier in the paragraph, then the main region.

One module per job: `results` (EntityMatch, and lookups over names by where they stand), `rules`
(the rule model, compiled), `boundaries` (jieba's word boundaries, a text's sentences), `places`
(the gazetteer's), `names` (organisations, facilities, events and areas, read back from their
suffix), `region` (the main region, and what references stand for), `finding` (a text's names put
together, and `probe`) and `subjects` (the entity of each figure). This module gives the API the
other stages use; a name without an underscore in a module that is not listed here is used by the
modules of the package only.
"""

from __future__ import annotations

from .finding import find_entities, find_entities_and_main_region, probe
from .region import main_region
from .results import EntityLevel, EntityMatch, Label
from .rules import FAMILY, EntityRule, RuleKind
from .subjects import EntityIndex, entity_for, index_entities, place_named

__all__ = [
    "FAMILY",
    "EntityIndex",
    "EntityLevel",
    "EntityMatch",
    "EntityRule",
    "Label",
    "RuleKind",
    "entity_for",
    "find_entities",
    "find_entities_and_main_region",
    "index_entities",
    "main_region",
    "place_named",
    "probe",
]
