"""The Anatomy screen's figures: what they draw and label, and their text and table equivalents."""

from __future__ import annotations

import plotly.graph_objects as go

from glutemap import strings
from glutemap.figures.anatomy import (
    compare_muscles_table,
    layer_figure,
    layer_text,
    trendelenburg_figure,
    trendelenburg_text,
)
from glutemap.knowledge.models import KnowledgeBase


def _annotation_texts(figure: go.Figure) -> list[str]:
    return [annotation.text for annotation in figure.layout.annotations]


def _trace(figure: go.Figure, name: str) -> go.Scatter:
    (found,) = [trace for trace in figure.data if trace.name == name]
    return found


# --- layer diagram ----------------------------------------------------------------------------------------
def test_layer_figure_stacks_skin_maximus_medius_minimus_bone(shipped_knowledge: KnowledgeBase) -> None:
    """The slice is drawn from the outside in: skin, the three gluteal muscles by depth, then bone."""
    names = [trace.name for trace in layer_figure(shipped_knowledge).data]
    expected = [strings.LAYER_FIGURE_OUTSIDE, "Gluteus maximus", "Gluteus medius", "Gluteus minimus"]
    assert names == [*expected, strings.LAYER_FIGURE_BONE]


def test_layer_figure_draws_deeper_layers_lower(shipped_knowledge: KnowledgeBase) -> None:
    """Each band lies below the one before it, so the picture reads from skin down to bone."""
    figure = layer_figure(shipped_knowledge)
    middles = [sum(trace.y) / len(trace.y) for trace in figure.data]
    assert middles == sorted(middles, reverse=True)


def test_layer_figure_labels_every_layer_in_words(shipped_knowledge: KnowledgeBase) -> None:
    """Every band carries a written label with its layer number, so colour is not needed to read it."""
    texts = _annotation_texts(layer_figure(shipped_knowledge))
    assert {"Layer 1: Gluteus maximus", "Layer 2: Gluteus medius", "Layer 3: Gluteus minimus"} <= set(texts)
    assert {strings.LAYER_FIGURE_OUTSIDE, strings.LAYER_FIGURE_BONE} <= set(texts)


def test_layer_figure_marks_the_chosen_muscle_in_words_and_outline(shipped_knowledge: KnowledgeBase) -> None:
    """The muscle being read about is pointed out in its label and drawn with a heavier outline."""
    figure = layer_figure(shipped_knowledge, highlight="gluteus_minimus")
    assert f"<b>Layer 3: Gluteus minimus{strings.LAYER_FIGURE_THIS}</b>" in _annotation_texts(figure)
    assert _trace(figure, "Gluteus minimus").line.width > _trace(figure, "Gluteus medius").line.width


def test_layer_figure_shows_knowledge_text_as_written(tiny_knowledge: KnowledgeBase) -> None:
    """A muscle name containing markup is escaped, so plotly shows it instead of styling it."""
    renamed = tiny_knowledge.muscles["gluteus_medius"].model_copy(update={"name": "Medius <b>bold</b>"})
    knowledge = tiny_knowledge.model_copy(update={"muscles": {**tiny_knowledge.muscles, renamed.id: renamed}})
    figure = layer_figure(knowledge)
    assert "Layer 2: Medius &lt;b&gt;bold&lt;/b&gt;" in _annotation_texts(figure)
    assert "Medius &lt;b&gt;bold&lt;/b&gt;" in [trace.name for trace in figure.data]


def test_layer_text_reads_from_the_skin_inward(shipped_knowledge: KnowledgeBase) -> None:
    """The text equivalent names the layers in the order the picture draws them, ending at the bone."""
    lines = layer_text(shipped_knowledge)
    assert lines[0] == strings.LAYER_TEXT_INTRO
    assert lines[1:4] == (
        "Layer 1 (outermost): Gluteus maximus",
        "Layer 2 (middle): Gluteus medius",
        "Layer 3 (deep): Gluteus minimus",
    )
    assert lines[4] == strings.LAYER_TEXT_BONE


def test_layer_text_says_where_a_context_muscle_lies(shipped_knowledge: KnowledgeBase) -> None:
    """For a muscle not drawn in the slice (piriformis), the text says where it lies."""
    assert layer_text(shipped_knowledge, "piriformis")[-1].startswith("Piriformis: layer 3 (deep)")


# --- Trendelenburg figure ---------------------------------------------------------------------------------
def test_strong_side_pelvis_stays_level() -> None:
    """In the first picture both hips are at the same height."""
    pelvis = _trace(trendelenburg_figure(), strings.TRENDELENBURG_PELVIS_LEVEL)
    assert pelvis.y[0] == pelvis.y[1]


def test_weak_side_pelvis_drops_on_the_lifted_leg_side() -> None:
    """In the second picture the hip on the person's left (the lifted leg, drawn on the left) is lower."""
    pelvis = _trace(trendelenburg_figure(), strings.TRENDELENBURG_PELVIS_DROP)
    (left_x, right_x), (left_y, right_y) = pelvis.x, pelvis.y
    assert left_x < right_x
    assert left_y < right_y


def test_pelvis_lines_differ_in_marker_shape_not_only_colour() -> None:
    """The level and the dropping pelvis use different marker shapes as well as colours."""
    figure = trendelenburg_figure()
    level = _trace(figure, strings.TRENDELENBURG_PELVIS_LEVEL)
    drop = _trace(figure, strings.TRENDELENBURG_PELVIS_DROP)
    assert level.marker.symbol != drop.marker.symbol


def test_trendelenburg_figure_labels_sides_legs_and_pictures() -> None:
    """Both pictures say which side is the person's left and right, which leg stands, and what they show."""
    texts = _annotation_texts(trendelenburg_figure())
    for label in (strings.TRENDELENBURG_PERSON_LEFT, strings.TRENDELENBURG_PERSON_RIGHT, strings.TRENDELENBURG_STANDING_LEG,
                  strings.TRENDELENBURG_LIFTED_LEG):
        assert texts.count(label) == 2
    assert f"<b>{strings.TRENDELENBURG_LEVEL_TITLE}</b>" in texts
    assert f"<b>{strings.TRENDELENBURG_DROP_TITLE}</b>" in texts


def test_trendelenburg_figure_draws_a_dashed_level_line_in_each_picture() -> None:
    """A dashed level line in each picture lets the drop be seen without relying on colour."""
    lines = [trace for trace in trendelenburg_figure().data if trace.name == strings.TRENDELENBURG_LEVEL_LINE]
    assert len(lines) == 2
    assert all(line.line.dash == "dash" and line.y[0] == line.y[1] for line in lines)


def test_trendelenburg_text_describes_both_pictures() -> None:
    """The text equivalent describes the level picture and the dropping picture."""
    text = " ".join(trendelenburg_text())
    assert "Left picture" in text and "Right picture" in text
    assert "not a test you can use to diagnose yourself" in text


# --- medius vs minimus ------------------------------------------------------------------------------------
def test_comparison_puts_medius_and_minimus_side_by_side(tiny_knowledge: KnowledgeBase) -> None:
    """The comparison has one column per muscle after the feature names."""
    table = compare_muscles_table(tiny_knowledge)
    assert table.columns == (strings.COMPARE_FEATURE, "Gluteus medius", "Gluteus minimus")


def test_comparison_holds_the_knowledge_values(tiny_knowledge: KnowledgeBase) -> None:
    """Attachments, nerve roots and actions in the table are the knowledge's own words."""
    rows = {row[0]: row[1:] for row in compare_muscles_table(tiny_knowledge).rows}
    medius, minimus = tiny_knowledge.muscles["gluteus_medius"], tiny_knowledge.muscles["gluteus_minimus"]
    assert rows[strings.COMPARE_ROWS["origin"]] == (medius.origin, minimus.origin)
    assert rows[strings.COMPARE_ROWS["nerve_roots"]] == ("L4, L5, S1", "L4, L5, S1")
    assert rows[strings.COMPARE_ROWS["actions"]] == (
        "Whole muscle: Moves the thigh out to the side.",
        "Front fibres: Turn the thigh inward.",
    )


def test_comparison_names_the_main_pain_areas(tiny_knowledge: KnowledgeBase) -> None:
    """The referral row names each pattern with its main areas only."""
    rows = {row[0]: row[1:] for row in compare_muscles_table(tiny_knowledge).rows}
    assert rows[strings.COMPARE_ROWS["referral"]] == ("", "Front fibres: Side of the hip")


def test_comparison_leaves_out_features_neither_muscle_has(tiny_knowledge: KnowledgeBase) -> None:
    """A feature with nothing recorded for either muscle (no Latin names in the tiny knowledge) is not shown."""
    features = [row[0] for row in compare_muscles_table(tiny_knowledge).rows]
    assert strings.COMPARE_ROWS["latin_name"] not in features
    assert strings.COMPARE_ROWS["origin"] in features
