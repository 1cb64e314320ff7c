"""How a source is cited: one canonical plain-text citation, one address to show, and hosts never to cite.

A clinician checking GluteMap should find each publication the way the literature cites it (Vancouver style,
with its DOI or PubMed id), and should never be sent to a pirated or unofficial copy of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from glutemap.knowledge.models import Source

# Hosts that hold copies of publications without being their publisher, or that mirror a reference work:
# file-sharing and document-upload sites, shadow libraries, staging (test) servers, Wikipedia mirrors,
# video aggregators and device-manual sites. Such a copy may be unlawful, altered, out of date or gone
# tomorrow, and a clinician cannot tell which; a source is cited by its publication (DOI, PubMed id or the
# publisher's own page) instead. An entry with a dot matches that host and its subdomains; an entry without
# a dot matches any host name that contains it (so "scribd" covers it.scribd.com and "staging" any test server).
UNOFFICIAL_HOSTS: tuple[str, ...] = (
    # file-sharing and document-upload sites
    "scribd",
    "studylib",
    "vdocuments",
    "docksci",
    "coek.info",
    "pubhtml5",
    "buboflash",
    "docplayer",
    "dokumen.pub",
    "idoc.pub",
    "pdfcoffee",
    "epdf.pub",
    "documents.pub",
    "1library",
    "docslib",
    "5dok",
    # textbook chapters and registries copied onto other sites, and unofficial archives of withdrawn sites
    "aneskey",
    "clinicalgate",
    "ichgcp",
    "jesse.tg",
    # shadow libraries
    "z-library",
    "zlibrary",
    "1lib",
    "singlelogin",
    "libgen",
    "sci-hub",
    # staging (test) servers, not the published site
    "staging",
    # Wikipedia mirrors: cite the en.wikipedia.org article instead
    "wikimili",
    "datana.cloud",
    "stringtranslate",
    "profilpelajar",
    "wikiwand",
    "wiki2.org",
    "wikizero",
    "en-academic.com",
    # video aggregators
    "metacafe",
    "dailymotion",
    "veoh",
    # device-manual sites
    "manuals.pub",
    "manualslib",
    "manualzz",
    "manua.ls",
    "usermanual.wiki",
    "manualsdir",
)

UNOFFICIAL_HOST_REASON = "file-sharing or unofficial copy: cite the publication instead"
DATE_UNKNOWN = "[date unknown]"


def url_host(url: str) -> str:
    """The lower-case host name of `url` ("" when it has none)."""
    return (urlsplit(url.strip()).hostname or "").lower()


def unofficial_host(url: str) -> str | None:
    """The host of `url` when it is a file-sharing or unofficial copy (see UNOFFICIAL_HOSTS), else None."""
    host = url_host(url)
    for entry in UNOFFICIAL_HOSTS:
        if "." in entry:
            if host == entry or host.endswith("." + entry):
                return host
        elif entry in host:
            return host
    return None


def _sentence(text: str) -> str:
    """`text` ending with one full stop (or its own question or exclamation mark)."""
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


def _issue_details(source: Source) -> str:
    """ "2018;361:k1662" / "2016;48(3):346-352" / "2020": year, volume, issue and pages as Vancouver writes them."""
    # A year that could not be found (an undated web page, say) reads as Citing Medicine writes it, so a reader
    # sees it is unknown rather than forgotten.
    unknown = DATE_UNKNOWN if "year" in source.unconfirmed else ""
    details = str(source.year) if source.year is not None else unknown
    if source.volume:
        details += f";{source.volume}"
    if source.issue:
        details += f"({source.issue})"
    if source.pages:
        details += f":{source.pages}"
    return details.lstrip(";")


def citation_text(source: Source) -> str:
    """The canonical citation as plain text: "Authors. Title. Journal. Year;Volume(Issue):Pages. doi:… PMID: …".

    Parts a source does not have are left out, so a web page reads "Title. Site. Year." and a seed its title.
    """
    parts = [_sentence(part) for part in (source.authors, source.title, source.journal) if part]
    details = _issue_details(source)
    if details:
        parts.append(_sentence(details))
    if source.doi:
        parts.append(f"doi:{source.doi}")
    if source.pmid:
        parts.append(f"PMID: {source.pmid}")
    return " ".join(parts)


def _author_names(authors: str) -> list[str]:
    """The names in an author list, split at commas and semicolons outside brackets ("et al" dropped)."""
    names, depth, current = [], 0, ""
    for char in authors:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char in ",;" and depth == 0:
            names.append(current)
            current = ""
        else:
            current += char
    names.append(current)
    return [name.strip().removesuffix(".") for name in names if name.strip().removesuffix(".") not in ("", "et al")]


def short_citation(source: Source) -> str:
    """One short line: first author (et al.), journal (or title, for a body's own publication), year and address."""
    if source.authors:
        names = _author_names(source.authors)
        first = names[0] if names else source.authors
        several = len(names) > 1 or "et al" in source.authors
        line = _sentence(f"{first}, et al" if several else first)
        own_publication = source.journal is None or source.journal in source.authors or source.authors in source.journal
        line += " " + _sentence(source.title if own_publication else str(source.journal))
    else:
        line = _sentence(source.title)
        if source.journal:
            line += f" {_sentence(source.journal)}"
    if source.year is not None and str(source.year) not in line:
        line += f" {source.year}."
    address = source_address(source)
    return f"{line} {address}" if address else line


def brief_citation(source: Source) -> str:
    """The shortest line a reader can still find the work by, for print: first author, journal or title, year, and
    its DOI or PubMed id when it has one (never a long web address)."""
    line = short_citation(source)
    address = source_address(source)
    if address:
        line = line.removesuffix(f" {address}")
    if source.doi:
        return f"{line} doi:{source.doi}"
    if source.pmid:
        return f"{line} PMID {source.pmid}"
    return line


def source_address(source: Source) -> str | None:
    """The one address to show: https://doi.org/DOI, else the PubMed page, else the official url, else None."""
    if source.doi:
        return f"https://doi.org/{source.doi}"
    if source.pmid:
        return f"https://pubmed.ncbi.nlm.nih.gov/{source.pmid}/"
    return source.url


def citation_line(source: Source) -> str:
    """The canonical citation and its one address (as text), on one line."""
    address = source_address(source)
    return f"{citation_text(source)} — {address}" if address else citation_text(source)
