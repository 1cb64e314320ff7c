"""GluteMap router: page config, navigation, kiosk switches, deep links and the error boundary."""

import streamlit as st

from glutemap import strings
from glutemap.settings import deployment
from glutemap.ui import kiosk
from glutemap.ui.app_shell import build_pages, deep_link_target, run_safely, screens
from glutemap.ui.heap import exempt_long_lived_objects
from glutemap.ui.language import choose_language
from glutemap.ui.plan_widgets import keep_plan_in_address
from glutemap.ui.reconnect import reload_after_reconnect
from glutemap.ui.warm_up import first_page_served

exempt_long_lived_objects()
choose_language()  # first: every word below is looked up in it

# No page_icon: a Material icon there makes the browser fetch it from Google's font servers.
st.set_page_config(page_title=strings.APP_TITLE, layout="wide")

settings = deployment()
pages = build_pages()
page = st.navigation(pages, position="hidden" if settings.kiosk else "top")

kiosk.touch_friendly()
reload_after_reconnect()
if settings.kiosk:
    kiosk.install(settings)
    if not kiosk.welcome():
        st.stop()
    kiosk.open_home_after_start(page.url_path)
    kiosk.navigation(screens())

target = deep_link_target(st.query_params.to_dict(), page.url_path or "home")
if target is not None:
    st.switch_page(target, query_params=st.query_params.to_dict())

run_safely(page.run, start_page=pages[0])
keep_plan_in_address()
first_page_served()
