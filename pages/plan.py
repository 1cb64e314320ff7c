"""My plan: edit the chosen exercises, then take them home as a print-out, a PDF or a QR code of plain text."""

import datetime as dt

import streamlit as st

from glutemap import strings
from glutemap.settings import deployment
from glutemap.takehome.handout import Handout, build_handout, handout_pdf, take_home_code
from glutemap.takehome.qr import qr_svg
from glutemap.ui.assets import asset
from glutemap.ui.clinic_settings import clinic_settings
from glutemap.ui.components import bullets, exercise_pictures, numbered, page_knowledge, plain, say
from glutemap.ui.plan_widgets import plan_conditions, plan_editor

# Static CSS only (no knowledge or visitor text): printing shows the handout, not the controls.
PRINT_CSS = f"<style>\n{asset('print.css')}</style>"

knowledge = page_knowledge()
kiosk = deployment().kiosk
today = dt.date.today()


def show_take_home(text: str, handout: Handout, is_link: bool) -> None:
    """The QR code everywhere (a link to the plan when the clinic gave an address); the PDF only off the kiosk."""
    caption, help_text = (
        (strings.PLAN_QR_LINK_CAPTION, strings.PLAN_QR_LINK_HELP) if is_link else (strings.PLAN_QR_CAPTION, strings.PLAN_QR_HELP)
    )
    st.subheader(strings.PLAN_TAKE_HOME_HEADING)
    qr_column, other_column = st.columns([3, 2])
    with qr_column:
        st.markdown(f"**{strings.PLAN_QR_HEADING}**")
        # SVG goes into the page itself (a data: address): a PNG would be kept on the server under a URL that
        # stays fetchable after the visit, until the session expires.
        svg = qr_svg(text, caption)
        if svg is None:
            st.warning(strings.PLAN_QR_TOO_LONG)
        else:
            st.image(svg, caption=caption, alt=caption, width="stretch")
            st.caption(help_text)
            with st.expander(strings.PLAN_QR_TEXT):
                st.text(text)
    with other_column:
        if kiosk:
            st.write(strings.PLAN_KIOSK_NOTE)
            return
        st.download_button(
            strings.PLAN_PDF,
            # Made only when the button is pressed: building the PDF takes about a second.
            data=lambda: handout_pdf(handout),
            file_name=strings.HANDOUT_FILE_NAME.format(date=today.isoformat()),
            mime="application/pdf",
            key="plan_pdf",
            icon=":material/picture_as_pdf:",
            on_click="ignore",
            help=strings.PLAN_PDF_HELP,
        )
        st.caption(strings.PLAN_PRINT_HINT)


def show_handout(handout: Handout) -> None:
    """The print-friendly handout: what the PDF holds, laid out for the screen and the printer."""
    with st.container(key="plan_handout"):
        st.header(strings.PLAN_HANDOUT_HEADING, divider="gray")
        st.subheader(handout.title)
        st.write(handout.date_line)
        st.markdown(f"**{plain(handout.intro)}**")
        if handout.pain_rules:
            st.markdown(f"**{strings.HANDOUT_PAIN}**")
            bullets(handout.pain_rules)
        if handout.stop_every:
            st.markdown(f"**{strings.HANDOUT_STOP_EVERY}**")
            bullets(handout.stop_every)
        for index, item in enumerate(handout.items):
            with st.container(border=True, key=f"handout_item_{index}"):
                st.markdown(f"#### {plain(item.heading)}")
                if item.pictures is not None:
                    exercise_pictures(item.pictures)
                st.markdown(f"**{strings.HANDOUT_DOSAGE}:** {plain(item.dosage)}")
                if item.equipment:
                    st.markdown(f"**{strings.HANDOUT_EQUIPMENT}:** {plain(', '.join(item.equipment))}")
                st.markdown(f"**{strings.HANDOUT_STEPS}**")
                numbered(item.steps)
                if item.stop_if:
                    st.markdown(f"**{strings.HANDOUT_STOP_IF}**")
                    bullets(item.stop_if)
        if handout.questions:
            st.markdown(f"**{strings.HANDOUT_QUESTIONS}**")
            for group in handout.questions:
                st.markdown(f"*{plain(group.condition_name)}*")
                bullets(group.questions)
        st.markdown(f"**{strings.HANDOUT_NOTICE}**")
        for paragraph in handout.notice:
            say(paragraph)
        st.markdown(f"**{strings.HANDOUT_EMERGENCY}:** {plain(handout.emergency)}")
        st.markdown(f"**{strings.HANDOUT_SOURCES}**")
        # Plain text, not Markdown: web addresses must not become links (a kiosk visitor must not leave).
        for number, source in enumerate(handout.sources, start=1):
            st.text(f"{number}. {source}")


st.html(PRINT_CSS)
with st.container(key="plan_screen_only_top"):
    st.title(strings.PLAN_TITLE)
    st.write(strings.PLAN_INTRO)
    st.header(strings.PLAN_EDIT_HEADING)
    plan = plan_editor(knowledge)
    if not plan:
        st.info(strings.PLAN_EMPTY)
        st.page_link("pages/exercises.py", label=strings.PLAN_GO_EXERCISES, icon=":material/fitness_center:")
if plan:
    handout = build_handout(knowledge, plan, today, plan_conditions(knowledge))
    with st.container(key="plan_screen_only_take_home"):
        clinic, _problems = clinic_settings()
        address = clinic.plan_address if clinic is not None else None
        show_take_home(take_home_code(knowledge, plan, today, address), handout, is_link=bool(address))
    show_handout(handout)
