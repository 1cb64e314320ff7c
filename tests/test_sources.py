"""Sources a clinician can trust: canonical citations, one address, no unofficial copies, every record sourced."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from pydantic import ValidationError

from glutemap.knowledge.citation import (
    UNOFFICIAL_HOSTS,
    brief_citation,
    citation_text,
    short_citation,
    source_address,
    unofficial_host,
)
from glutemap.knowledge.loader import check_knowledge
from glutemap.knowledge.models import KnowledgeBase, Source
from glutemap.screens.about import sources_view
from glutemap.screens.plan import PlanItem
from glutemap.takehome.handout import build_handout

ARTICLE: dict[str, Any] = {
    "id": "mellor_2018",
    "title": "Education plus exercise versus corticosteroid injection use versus a wait and see approach",
    "kind": "primary",
    "authors": "Mellor R, Bennell K, Grimaldi A, et al.",
    "year": 2018,
    "journal": "BMJ",
    "volume": "361",
    "pages": "k1662",
    "doi": "10.1136/bmj.k1662",
    "pmid": "29720374",
}
SPINAL_FLAG_GROUPS = ("cauda_equina", "cancer", "infection", "fracture")


def _source(**changes: Any) -> Source:
    return Source.model_validate({**ARTICLE, **changes})


# --- the host check -----------------------------------------------------------------------------------------
def test_unofficial_copy_is_rejected_with_a_located_message(make_knowledge: Any) -> None:
    """A source linking a file-sharing subdomain is refused at its url line, naming the host and why."""
    folder = make_knowledge(
        edits={"sources.yaml": ('url: "https://example.org/review"', 'url: "https://it.scribd.com/document/1/"')}
    )
    knowledge, errors = check_knowledge(folder)
    assert knowledge is None
    assert [str(error) for error in errors] == [
        "knowledge/sources.yaml:7: review_one › url: the host 'it.scribd.com' is a file-sharing or unofficial copy: "
        "cite the publication instead"
    ]


@pytest.mark.parametrize(
    "url",
    [
        "https://it.scribd.com/document/127539282/",
        "https://studylib.net/doc/10804806/",
        "https://vdocuments.mx/some-paper.html",
        "https://docksci.com/a-paper.html",
        "https://c.coek.info/pdf-a-paper.html",
        "https://pubhtml5.com/ylgr/rpoy/basic/151-200",
        "https://buboflash.eu/bubo5/show-dao2?d=1",
        "https://zlibrary.cc/dl/a-paper",
        "https://z-library.se/book/1",
        "https://1lib.sk/book/1",
        "https://singlelogin.re/",
        "https://rds.staging.tactuum.com/msk-pathways/",
        "https://staging.scite.ai/reports/a-report",
        "https://wikimili.com/en/Superior_gluteal_artery",
        "https://encyclopedia.datana.cloud/content/wikipedia_en_all_mini_2024-04/A/Gluteus_medius",
        "https://wiki.stringtranslate.com/wiki/Gluteus_minimus_muscle",
        "https://profilpelajar.com/article/Trendelenburg_gait",
        "https://www.metacafe.com/videos_about/gluteus",
        "http://manuals.pub/en/samsung/galaxy-s/galaxy-s4/694/120",
    ],
)
def test_file_sharing_and_unofficial_hosts_are_recognised(url: str) -> None:
    """Every kind of unofficial copy in the brief, subdomains included, is recognised by its host."""
    assert unofficial_host(url) is not None


@pytest.mark.parametrize(
    "url",
    [
        "https://doi.org/10.1136/bmj.k1662",
        "https://pubmed.ncbi.nlm.nih.gov/29720374/",
        "https://pmc.ncbi.nlm.nih.gov/articles/PMC4975825",
        "https://en.wikipedia.org/wiki/Gluteus_medius",
        "https://www.nice.org.uk/guidance/ng59",
        "https://www.nhs.uk/conditions/sciatica/",
    ],
)
def test_official_hosts_are_accepted(url: str) -> None:
    """Publisher, PubMed, NICE, NHS and Wikipedia's own addresses pass the host check."""
    assert unofficial_host(url) is None


def test_host_list_entries_are_lower_case_and_distinct() -> None:
    """The one host list is written in lower case without repeats, so matching stays predictable."""
    assert all(entry == entry.lower() for entry in UNOFFICIAL_HOSTS)
    assert len(set(UNOFFICIAL_HOSTS)) == len(UNOFFICIAL_HOSTS)


def test_no_shipped_source_links_a_rejected_host(shipped_knowledge: KnowledgeBase) -> None:
    """No shipped source links a file-sharing site, staging server, mirror, video or manual site."""
    linked = {source.id: source.url for source in shipped_knowledge.sources.values() if source.url}
    assert {key: url for key, url in linked.items() if unofficial_host(url)} == {}


# --- the citation fields ------------------------------------------------------------------------------------
def test_journal_kinds_need_authors_year_and_journal() -> None:
    """A primary study without authors, year or journal is refused, naming what is missing."""
    with pytest.raises(ValidationError, match=r"a primary source needs authors, year, journal \(missing: year\)"):
        _source(year=None)


def test_guideline_needs_its_body_and_year_only() -> None:
    """A guideline validates with authors (the body) and year but no journal."""
    guideline = _source(kind="guideline", journal=None, volume=None, pages=None, doi=None, pmid=None)
    assert guideline.journal is None


def test_a_trial_registration_is_cited_by_registry_and_year_without_authors() -> None:
    """A registry record names its registry (as journal) and year of registration; it has no authors to give."""
    registration = _source(kind="registry", authors=None, title="The LEAP trial. ACTRN12612001126808", year=2012,
                           journal="Australian New Zealand Clinical Trials Registry", volume=None, pages=None,
                           doi=None, pmid=None, url="https://anzctr.org.au/Trial/Registration/TrialReview.aspx?id=1")
    assert citation_text(registration) == (
        "The LEAP trial. ACTRN12612001126808. Australian New Zealand Clinical Trials Registry. 2012."
    )


def test_a_trial_registration_needs_its_year() -> None:
    """Without the year of registration a registry record is refused, as a study without its year is."""
    with pytest.raises(ValidationError, match="a registry source needs year, journal"):
        _source(kind="registry", authors=None, year=None)


def test_a_source_that_says_nowhere_where_it_was_published_is_refused() -> None:
    """A copy whose publication was never identified (no journal, publisher or site, no address) is refused."""
    with pytest.raises(ValidationError, match="a source must say where it was published"):
        _source(kind="secondary", authors=None, journal=None, doi=None, pmid=None, url=None)


def test_an_unconfirmed_part_may_be_left_out_when_named() -> None:
    """A needed part that could not be confirmed is left out and named in unconfirmed."""
    assert _source(year=None, unconfirmed=("year",)).year is None


def test_unconfirmed_may_not_name_a_part_that_is_given() -> None:
    """Naming a part as unconfirmed while giving it is refused."""
    with pytest.raises(ValidationError, match="unconfirmed names parts that are given: year"):
        _source(unconfirmed=("year",))


@pytest.mark.parametrize(
    ("field", "bad"), [("doi", "https://doi.org/10.1136/bmj.k1662"), ("doi", "11.1/x"), ("pmid", "PMID29720374")]
)
def test_identifiers_must_have_their_form(field: str, bad: str) -> None:
    """A DOI is written 10.NNNN/... without its address, and a PubMed id is digits only."""
    with pytest.raises(ValidationError):
        _source(**{field: bad})


def test_citation_text_is_vancouver_like() -> None:
    """The canonical citation reads Authors. Title. Journal. Year;Volume(Issue):Pages. doi:... PMID: ..."""
    assert citation_text(_source(issue="3")) == (
        "Mellor R, Bennell K, Grimaldi A, et al. Education plus exercise versus corticosteroid injection use versus "
        "a wait and see approach. BMJ. 2018;361(3):k1662. doi:10.1136/bmj.k1662 PMID: 29720374"
    )


def test_citation_text_leaves_out_missing_parts() -> None:
    """A web page without authors or year cites its title and site only."""
    page = Source(id="wp_gmed", title="Wikipedia: Gluteus medius", kind="reference", journal="Wikipedia")
    assert citation_text(page) == "Wikipedia: Gluteus medius. Wikipedia."


def test_address_prefers_doi_then_pubmed_then_url() -> None:
    """The one address is the DOI link, else the PubMed page, else the official url, else none."""
    assert source_address(_source(url="https://example.org/a")) == "https://doi.org/10.1136/bmj.k1662"
    assert source_address(_source(doi=None)) == "https://pubmed.ncbi.nlm.nih.gov/29720374/"
    assert source_address(_source(doi=None, pmid=None, url="https://example.org/a")) == "https://example.org/a"
    assert source_address(_source(doi=None, pmid=None)) is None


def test_a_year_that_could_not_be_found_reads_date_unknown() -> None:
    """An undated page is cited as Citing Medicine does, "[date unknown]", not as if the year were forgotten."""
    page = _source(year=None, volume=None, issue=None, pages=None, unconfirmed=("year",))
    assert citation_text(page).endswith(" BMJ. [date unknown]. doi:10.1136/bmj.k1662 PMID: 29720374")


def test_a_year_left_out_without_saying_so_is_simply_absent() -> None:
    """Only a year named in unconfirmed reads "[date unknown]"; a page that has no date at all shows none."""
    page = _source(kind="reference", year=None, volume=None, issue=None, pages=None)
    assert "[date unknown]" not in citation_text(page)


def test_short_citation_is_first_author_journal_year_and_address() -> None:
    """The short line gives the first author with et al., the journal, the year and the address."""
    assert short_citation(_source()) == "Mellor R, et al. BMJ. 2018. https://doi.org/10.1136/bmj.k1662"


def test_brief_citation_gives_the_doi_instead_of_a_web_address() -> None:
    """For print: first author, journal, year and "doi:..." (a PubMed id when there is no DOI, else nothing)."""
    assert brief_citation(_source()) == "Mellor R, et al. BMJ. 2018. doi:10.1136/bmj.k1662"
    web_only = _source().model_copy(update={"doi": None, "pmid": None, "url": "https://example.org/page"})
    assert "http" not in brief_citation(web_only)


def test_short_citation_keeps_a_bracketed_body_whole() -> None:
    """A body named with its members in brackets is not cut at the commas inside the brackets."""
    body = _source(authors="American College of Sports Medicine (Ratamess NA, Alvar BA)", doi=None, pmid=None)
    assert short_citation(body).startswith("American College of Sports Medicine (Ratamess NA, Alvar BA). BMJ. 2018.")


def test_shipped_journal_and_guideline_sources_are_fully_cited(shipped_knowledge: KnowledgeBase) -> None:
    """Every shipped study, review and guideline gives authors, year and journal or names what is unconfirmed."""
    needs = {"primary": ("authors", "year", "journal"), "review": ("authors", "year", "journal")}
    needs["guideline"] = ("authors", "year")
    needs["registry"] = ("year", "journal")
    gaps = {
        source.id: name
        for source in shipped_knowledge.sources.values()
        for name in needs.get(source.kind, ())
        if getattr(source, name) is None and name not in source.unconfirmed
    }
    assert gaps == {}


def test_no_shipped_study_or_review_leaves_a_citation_part_unconfirmed(shipped_knowledge: KnowledgeBase) -> None:
    """Journal publications are cited in full: a study or review whose authors, year or journal could not be
    confirmed is replaced by one that can be, never shipped with a gap. Only a page that carries no date
    may say its year is unknown; every source names its authors or body when its kind needs them."""
    gaps = {
        source.id: source.unconfirmed
        for source in shipped_knowledge.sources.values()
        if source.unconfirmed and (source.kind in ("primary", "review", "registry") or source.unconfirmed != ("year",))
    }
    assert gaps == {}


# --- current guideline versions -----------------------------------------------------------------------------
def test_current_guideline_versions_are_cited(shipped_knowledge: KnowledgeBase) -> None:
    """NICE NG59 as updated in 2020 and the ACP 2017 guideline are sources with their official addresses."""
    ng59, acp = shipped_knowledge.sources["nice_ng59"], shipped_knowledge.sources["acp_2017"]
    assert (ng59.year, source_address(ng59)) == (2020, "https://www.nice.org.uk/guidance/ng59")
    assert "11 December 2020" in ng59.title
    assert (acp.year, acp.doi) == (2017, "10.7326/M16-2367")
    low_back_pain = shipped_knowledge.conditions["low_back_pain"].sources
    assert "nice_ng59" in low_back_pain and "nice_ng59_ngc" not in low_back_pain


def test_spinal_red_flags_cite_the_international_framework(shipped_knowledge: KnowledgeBase) -> None:
    """Every spinal red flag but the hip stress fracture cites the 2020 international red-flag framework."""
    framework = shipped_knowledge.sources["finucane_2020"]
    assert (framework.doi, framework.pmid) == ("10.2519/jospt.2020.9971", "32438853")
    spinal = [
        flag.id
        for flag in shipped_knowledge.red_flags.values()
        if flag.group in SPINAL_FLAG_GROUPS and flag.id != "hip_stress_fracture"
    ]
    assert spinal
    assert [flag for flag in spinal if "finucane_2020" not in shipped_knowledge.red_flags[flag].sources] == []


# --- every record sourced and reviewed ----------------------------------------------------------------------
def _sourced_records(knowledge: KnowledgeBase) -> Iterator[tuple[str, str, tuple[str, ...], dt.date | None]]:
    """(kind, id, sources, reviewed_on) for every record kind but glossary, sources, concepts and language."""
    kinds: dict[str, dict[str, Any]] = {
        "muscle": dict(knowledge.muscles),
        "condition": dict(knowledge.conditions),
        "exercise": dict(knowledge.exercises),
        "region": dict(knowledge.regions),
        "red_flag": dict(knowledge.red_flags),
        "emg": dict(knowledge.emg),
        "phase": dict(knowledge.phases),
        "option": dict(knowledge.options),
        "outcome": dict(knowledge.outcomes),
        "disclaimer": {"disclaimer": knowledge.disclaimer},
    }
    for kind, records in kinds.items():
        for record_id, record in records.items():
            yield kind, record_id, tuple(record.sources), getattr(record, "reviewed_on", None)


def test_every_record_has_a_source_and_a_review_date(shipped_knowledge: KnowledgeBase) -> None:
    """Each record of every kind (bar glossary and the vocabulary files) names a source and its review date."""
    records = list(_sourced_records(shipped_knowledge))
    assert {kind for kind, *_ in records} >= {"region", "phase", "emg", "disclaimer", "red_flag"}
    assert [(kind, key) for kind, key, sources, reviewed in records if not sources or reviewed is None] == []


def test_every_cited_source_exists(shipped_knowledge: KnowledgeBase) -> None:
    """Every source id a record names, the disclaimer's included, is a shipped source."""
    cited = {(kind, key, source) for kind, key, sources, _ in _sourced_records(shipped_knowledge) for source in sources}
    assert {item for item in cited if item[2] not in shipped_knowledge.sources} == set()


# --- showing citations --------------------------------------------------------------------------------------
def test_source_lines_show_the_citation_and_its_one_address(shipped_knowledge: KnowledgeBase) -> None:
    """On the sources screen each source reads as its canonical citation with the address from the DOI or PubMed id."""
    lines = {entry.source.id: entry.source for group in sources_view(shipped_knowledge).groups for entry in group.entries}
    for source_id in ("mellor_2018", "cooper_2016", "nice_ng59", "wp_gmed"):
        source = shipped_knowledge.sources[source_id]
        assert (lines[source_id].title, lines[source_id].address) == (citation_text(source), source_address(source))


def test_handout_lists_only_the_sources_of_its_exercises(shipped_knowledge: KnowledgeBase) -> None:
    """The handout's sources are one brief line for each source of the planned exercises, and nothing else."""
    exercise = next(iter(shipped_knowledge.exercises.values()))
    cited = dict.fromkeys((*exercise.sources, *filter(None, (exercise.dosage.numbers_from,))))
    handout = build_handout(shipped_knowledge, (PlanItem(exercise.id, "both"),), dt.date(2026, 12, 4))
    assert handout.sources == tuple(dict.fromkeys(brief_citation(shipped_knowledge.sources[source]) for source in cited))
