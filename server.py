"""The server: `streamlit run server.py` serves app.py, warms it up as it starts, and answers two staff routes.

An `st.App` rather than `streamlit run app.py` for the start-up hook (glutemap/ui/warm_up.py) and the
routes below; routes, security settings and .streamlit/config.toml are otherwise Streamlit's own.

- /_glutemap/health: 200 while this replica can answer, 503 while its knowledge load hangs or when it
  has no valid knowledge at all. The balancer checks this one (Streamlit's /_stcore/health says "ok"
  even then), so such a replica stops getting visitors.
- /_glutemap/status: what is being served (the files, the last good knowledge, a snapshot) and how many
  problems the files have, as JSON for staff. The balancer refuses both from outside.
"""

import streamlit as st
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route

from glutemap.knowledge import knowledge_status
from glutemap.logs import configure_logging
from glutemap.ui.warm_up import warm_up_in_background

configure_logging()


async def health(_request: Request) -> PlainTextResponse:
    """200 "ok", or 503 with the reason."""
    healthy, why = knowledge_status.health()
    return PlainTextResponse(why, status_code=200 if healthy else 503, headers={"Cache-Control": "no-store"})


async def status(_request: Request) -> JSONResponse:
    """What the knowledge being served is, for staff."""
    return JSONResponse(knowledge_status.status(), headers={"Cache-Control": "no-store"})


app = st.App(
    "app.py",
    lifespan=warm_up_in_background,
    routes=[Route("/_glutemap/health", health), Route("/_glutemap/status", status)],
)
