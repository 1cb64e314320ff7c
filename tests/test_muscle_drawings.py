"""The muscles on the bones: what each drawing emphasises, marks, layers and labels, and its text equivalent."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from glutemap import strings
from glutemap.figures.muscles import (
    VIEWS,
    View,
    drawn_muscles,
    has_muscle_drawing,
    muscle_drawing,
    muscle_drawing_text,
    muscles_over,
)
from glutemap.knowledge.models import KnowledgeBase

SVG = "{http://www.w3.org/2000/svg}"


def _svg(knowledge: KnowledgeBase, muscle_id: str, view: View) -> ET.Element:
    return ET.fromstring(muscle_drawing(knowledge, muscle_id, view))


def _groups(root: ET.Element, attribute: str) -> list[ET.Element]:
    return [element for element in root.iter(f"{SVG}g") if attribute in element.attrib]


def _texts(element: ET.Element) -> list[str]:
    """Every text line drawn in `element`; joined with spaces, a wrapped legend row reads as written."""
    return [text.text or "" for text in element.iter(f"{SVG}text")]


def _drawing_cases(knowledge: KnowledgeBase) -> list[tuple[str, View]]:
    return [(muscle_id, view) for muscle_id in knowledge.muscles for view in VIEWS]


def test_every_muscle_in_the_knowledge_is_drawn_in_both_views(shipped_knowledge: KnowledgeBase) -> None:
    """Each muscle record has a drawing from the side and from behind."""
    assert [muscle_id for muscle_id in shipped_knowledge.muscles if not has_muscle_drawing(shipped_knowledge, muscle_id)] == []
    for muscle_id, view in _drawing_cases(shipped_knowledge):
        assert _svg(shipped_knowledge, muscle_id, view).get("role") == "img"


def test_the_drawing_has_a_title_naming_the_muscle_and_the_view(shipped_knowledge: KnowledgeBase) -> None:
    """The SVG's <title> names the chosen muscle and the view, for tools that read the picture itself."""
    root = _svg(shipped_knowledge, "gluteus_medius", "side")
    title = root.find(f"{SVG}title")
    assert title is not None
    assert title.text == strings.MUSCLE_DRAWING_TITLE.format(
        name="Gluteus medius", view=strings.MUSCLE_DRAWING_VIEW_TITLES["side"]
    )
    assert root.get("aria-labelledby") == title.get("id")


@pytest.mark.parametrize("view", VIEWS)
def test_only_the_chosen_muscle_is_emphasised(shipped_knowledge: KnowledgeBase, view: View) -> None:
    """The chosen muscle is the one group drawn "chosen"; every other muscle is drawn, but not emphasised."""
    for muscle_id in shipped_knowledge.muscles:
        groups = _groups(_svg(shipped_knowledge, muscle_id, view), "data-muscle")
        chosen = [group.get("data-muscle") for group in groups if group.get("data-emphasis") == "chosen"]
        assert chosen == [muscle_id]
        assert {group.get("data-muscle") for group in groups} == set(shipped_knowledge.muscles)


def test_muscles_nearer_the_viewer_are_see_through(shipped_knowledge: KnowledgeBase) -> None:
    """With the gluteus minimus chosen, the medius and maximus over it are drawn see-through with a dashed outline."""
    root = _svg(shipped_knowledge, "gluteus_minimus", "side")
    groups = {group.get("data-muscle"): group for group in _groups(root, "data-muscle")}
    for over in ("gluteus_medius", "gluteus_maximus"):
        assert groups[over].get("data-emphasis") == "over"
        assert any("stroke-dasharray" in path.attrib for path in groups[over].iter(f"{SVG}path"))
    assert strings.MUSCLE_DRAWING_LEGEND_OVER in " ".join(_texts(root))


def test_the_outermost_muscle_has_nothing_see_through_over_it(shipped_knowledge: KnowledgeBase) -> None:
    """From behind, no muscle lies over the gluteus maximus: none is see-through and the legend leaves that row out."""
    root = _svg(shipped_knowledge, "gluteus_maximus", "back")
    assert not [group for group in _groups(root, "data-muscle") if group.get("data-emphasis") == "over"]
    assert strings.MUSCLE_DRAWING_LEGEND_OVER not in " ".join(_texts(root))


@pytest.mark.parametrize("view", VIEWS)
def test_deeper_muscles_are_drawn_first(view: View) -> None:
    """Minimus is drawn before (under) medius, medius before maximus, and the piriformis before maximus."""
    order = drawn_muscles(view)
    assert order.index("gluteus_minimus") < order.index("gluteus_medius") < order.index("gluteus_maximus")
    assert order.index("piriformis") < order.index("gluteus_maximus")


def test_the_svg_draws_muscles_in_the_layer_order(shipped_knowledge: KnowledgeBase) -> None:
    """The muscle groups appear in the SVG in drawing order, so later ones really lie on top."""
    root = _svg(shipped_knowledge, "piriformis", "back")
    assert tuple(group.get("data-muscle") for group in _groups(root, "data-muscle")) == drawn_muscles("back")


def test_muscles_over_follows_the_drawing_order() -> None:
    """The muscles counted as lying over the medius from behind are exactly those drawn after it."""
    assert muscles_over("back", "gluteus_medius") == ("gluteus_maximus",)


def test_origin_and_insertion_are_marked_and_labelled(shipped_knowledge: KnowledgeBase) -> None:
    """Every drawing marks where the chosen muscle starts and ends, each marker labelled in words."""
    for muscle_id, view in _drawing_cases(shipped_knowledge):
        markers = _groups(_svg(shipped_knowledge, muscle_id, view), "data-marker")
        starts = [marker for marker in markers if marker.get("data-marker") == "starts"]
        ends = [marker for marker in markers if marker.get("data-marker") == "ends"]
        assert starts and ends, (muscle_id, view)
        assert all(_texts(marker) == [strings.MUSCLE_DRAWING_STARTS] for marker in starts)
        assert all(_texts(marker) == [strings.MUSCLE_DRAWING_ENDS] for marker in ends)


def test_the_legend_repeats_the_marker_labels(shipped_knowledge: KnowledgeBase) -> None:
    """The legend explains the dot and the ring in words, and names the chosen muscle."""
    texts = " ".join(_texts(_svg(shipped_knowledge, "gluteus_medius", "back")))
    assert strings.MUSCLE_DRAWING_LEGEND_STARTS in texts
    assert strings.MUSCLE_DRAWING_LEGEND_ENDS in texts
    assert "Gluteus medius" in texts


def test_gluteus_maximus_ends_in_two_places(shipped_knowledge: KnowledgeBase) -> None:
    """The maximus is marked at both its insertions, the IT band and the gluteal tuberosity of the femur."""
    for view in VIEWS:
        markers = _groups(_svg(shipped_knowledge, "gluteus_maximus", view), "data-marker")
        assert len([marker for marker in markers if marker.get("data-marker") == "ends"]) == 2


def test_an_attachment_on_the_far_side_of_a_bone_is_marked_hidden(shipped_knowledge: KnowledgeBase) -> None:
    """The piriformis starts on the front of the sacrum: from behind that start is a dashed ring, explained in the legend."""
    root = _svg(shipped_knowledge, "piriformis", "back")
    (start,) = [marker for marker in _groups(root, "data-marker") if marker.get("data-marker") == "starts"]
    assert start.get("data-hidden") == "true"
    assert strings.MUSCLE_DRAWING_LEGEND_HIDDEN in " ".join(_texts(root))
    assert strings.MUSCLE_DRAWING_ALT_START_HIDDEN in muscle_drawing_text(shipped_knowledge, "piriformis", "back")


def test_the_minimus_ends_on_the_front_of_the_trochanter_hidden_from_behind(shipped_knowledge: KnowledgeBase) -> None:
    """From behind, the minimus's insertion on the front of the greater trochanter is out of sight; from the side it shows."""
    def end_hidden(view: View) -> bool:
        markers = _groups(_svg(shipped_knowledge, "gluteus_minimus", view), "data-marker")
        return all(marker.get("data-hidden") == "true" for marker in markers if marker.get("data-marker") == "ends")

    assert end_hidden("back")
    assert not end_hidden("side")


def test_knowledge_text_in_the_drawing_is_escaped(shipped_knowledge: KnowledgeBase) -> None:
    """A muscle name holding markup is drawn as text: the SVG still parses and shows the name as written."""
    medius = shipped_knowledge.muscles["gluteus_medius"]
    name = '<script>alert("x")</script> & Co'
    changed = shipped_knowledge.model_copy(
        update={"muscles": {**shipped_knowledge.muscles, "gluteus_medius": medius.model_copy(update={"name": name})}}
    )
    svg = muscle_drawing(changed, "gluteus_medius", "side")
    assert "<script>" not in svg
    root = ET.fromstring(svg)
    assert strings.MUSCLE_DRAWING_LEGEND_CHOSEN.format(name=name) in " ".join(_texts(root))


def test_the_text_equivalent_names_origin_and_insertion(shipped_knowledge: KnowledgeBase) -> None:
    """The words for each drawing give the muscle's origin and insertion as the knowledge writes them."""
    for muscle_id, view in _drawing_cases(shipped_knowledge):
        muscle = shipped_knowledge.muscles[muscle_id]
        text = muscle_drawing_text(shipped_knowledge, muscle_id, view)
        assert strings.MUSCLE_DRAWING_ALT_STARTS.format(origin=muscle.origin) in text
        assert strings.MUSCLE_DRAWING_ALT_ENDS.format(insertion=muscle.insertion) in text
        assert muscle.name in text


def test_the_text_equivalent_names_the_muscles_drawn_over_it(shipped_knowledge: KnowledgeBase) -> None:
    """The words say which muscles are drawn see-through over the chosen one in that view."""
    text = muscle_drawing_text(shipped_knowledge, "gluteus_medius", "back")
    assert strings.MUSCLE_DRAWING_ALT_OVER.format(names="Gluteus maximus") in text


def test_an_unknown_muscle_or_view_is_refused(shipped_knowledge: KnowledgeBase) -> None:
    """A muscle without a drawing raises KeyError and an unknown view ValueError, never a half-drawn picture."""
    assert not has_muscle_drawing(shipped_knowledge, "deltoid")
    with pytest.raises(KeyError):
        muscle_drawing(shipped_knowledge, "deltoid", "side")
    with pytest.raises(ValueError):
        muscle_drawing(shipped_knowledge, "gluteus_medius", "front")  # type: ignore[arg-type]
