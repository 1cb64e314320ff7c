"""The body map's Streamlit side: the selection lives in session state, and the plain lists stay in step with it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from glutemap import strings
from glutemap.ui.bodymap import SELECTED_REGIONS_KEY

TIMEOUT = 30


def map_and_lists(view: str) -> None:
    """A page with the map of one view and its plain lists, fed the shipped knowledge (cached across runs)."""
    from glutemap.ui.bodymap import body_map, region_choices
    from glutemap.ui.knowledge import current_knowledge

    knowledge = current_knowledge().knowledge
    assert knowledge is not None
    body_map(knowledge, view, key="map")
    region_choices(knowledge, view, key="list")


def run_page(view: str, chosen: list[str] | None = None) -> AppTest:
    """Run the page once, with `chosen` already stored as the selection."""
    app = AppTest.from_function(map_and_lists, args=(view,), default_timeout=TIMEOUT)
    if chosen is not None:
        app.session_state[SELECTED_REGIONS_KEY] = chosen
    app.run()
    return app


def test_page_with_the_map_runs_without_error() -> None:
    """Mounting the component and the lists raises nothing."""
    assert not run_page("back").exception


def test_lists_show_one_group_per_side_with_your_left_and_right_labels() -> None:
    """The back view offers the person's left, the middle and the right as three labelled pill groups."""
    app = run_page("back")
    assert [pills.label for pills in app.get("button_group")] == [
        strings.BODYMAP_GROUP_LABELS["left"], strings.BODYMAP_GROUP_LABELS["none"], strings.BODYMAP_GROUP_LABELS["right"]
    ]


def test_lists_show_the_stored_selection() -> None:
    """Areas set directly in session state appear chosen in the matching list."""
    app = run_page("back", ["calf_l", "sacrum", "hip_lateral_r"])
    values = {pills.key: pills.value for pills in app.get("button_group")}
    assert values == {"list_back_left": ["calf_l"], "list_back_none": ["sacrum"], "list_back_right": []}


def test_choosing_in_a_list_updates_the_selection_and_keeps_other_views() -> None:
    """Picking from a list adds to the stored selection without dropping areas chosen on other views."""
    app = run_page("side_left", ["calf_r"])
    pills = next(widget for widget in app.get("button_group") if widget.key == "list_side_left_left")
    pills.set_value(["hip_lateral_l", "knee_lateral_l"]).run()
    assert app.session_state[SELECTED_REGIONS_KEY] == ["calf_r", "hip_lateral_l", "knee_lateral_l"]


def test_removing_in_a_list_removes_only_that_area() -> None:
    """Un-choosing an area in a list takes it out of the stored selection."""
    app = run_page("side_right", ["hip_lateral_r", "leg_lateral_r"])
    pills = next(widget for widget in app.get("button_group") if widget.key == "list_side_right_right")
    pills.set_value(["leg_lateral_r"]).run()
    assert app.session_state[SELECTED_REGIONS_KEY] == ["leg_lateral_r"]


def resent_groups(app: AppTest) -> list[str]:
    """The keys of the pill groups whose value this run pushed to the browser (which redraws every pill)."""
    return [pills.key for pills in app.get("button_group") if pills.proto.set_value]


def test_a_first_drawing_pushes_only_the_groups_with_a_choice() -> None:
    """An empty group shows nothing chosen by default; only a group holding a stored area needs its value sent."""
    app = run_page("back", ["calf_l"])
    assert resent_groups(app) == ["list_back_left"]


def test_a_change_from_the_map_pushes_only_the_group_it_belongs_to() -> None:
    """When the selection changes outside the lists (a tap on the map), only the matching side's group is re-sent."""
    app = run_page("back", ["calf_l"])
    app.session_state[SELECTED_REGIONS_KEY] = ["calf_l", "calf_r"]
    app.run()
    assert resent_groups(app) == ["list_back_right"]


def test_each_views_component_holds_only_its_own_drawing_with_its_clipped_areas() -> None:
    """One component per view, whose markup (sent on every rerun) draws that view alone, with its own clip path."""
    from glutemap.figures import body
    from glutemap.ui import bodymap

    for view in body.VIEWS:
        markup = bodymap._MARKUP[view]
        assert markup.count("data-view=") == 1
        assert markup.count(f'data-view="{view}"') == 1
        assert markup.count(f'<clipPath id="gm-clip-{view}">') == 1
        assert f'clip-path="url(#gm-clip-{view})"' in markup


def test_lines_and_captions_drawn_over_the_areas_never_take_a_tap() -> None:
    """The body's line, the detail lines and the captions sit on top of the areas and let taps through."""
    import re

    from glutemap.ui import bodymap

    rules = dict(re.findall(r"([^{}]+)\{([^}]*)\}", bodymap._CSS))
    for selector in (".gm-outline use", ".gm-details path", ".gm-captions"):
        rule = next(body for chosen, body in rules.items() if chosen.strip() == selector)
        assert "pointer-events: none" in rule, selector
