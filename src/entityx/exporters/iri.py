"""Turning strings that are meant as IRIs into valid RFC 3987 IRIs, or refusing them.

Knowledge-base files and registries hold ``same_as`` links typed by people:
``https://example.org/50%off`` (a ``%`` that starts no escape), spaces, ``<>``, ``"``, braces.
Strict RDF parsers (pyoxigraph, Jena) reject a whole file for one such IRI, so every IRI entityx
writes goes through :func:`valid_iri`: characters an IRI cannot hold are percent-encoded (their
UTF-8 bytes), a ``%`` that is not followed by two hex digits becomes ``%25``, and what cannot be
repaired (no scheme, a port that is not a number, a bad IP literal, a lone surrogate) is
refused with ``None``, for the caller to drop and count.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata

__all__ = ["is_web_iri", "valid_iri"]

_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*")
# RFC 3986 appendix B: scheme, authority, path, query, fragment.
_PARTS = re.compile(r"^([^:/?#]+):(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$", re.S)
_PCT_OK = re.compile(r"%[0-9A-Fa-f]{2}")
_PORT = re.compile(r"[0-9]*")
_IPVFUTURE = re.compile(r"v[0-9A-Fa-f]+\.[A-Za-z0-9\-._~!$&'()*+,;=:]+")

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_SUB_DELIMS = frozenset("!$&'()*+,;=")
_REG_NAME = _UNRESERVED | _SUB_DELIMS
_USERINFO = _REG_NAME | {":"}
_PATH = _REG_NAME | set(":@/")
_FRAGMENT = _PATH | {"?"}

# RFC 3987 ucschar (allowed everywhere) and iprivate (allowed in the query only).
_UCSCHAR = (
    (0xA0, 0xD7FF),
    (0xF900, 0xFDCF),
    (0xFDF0, 0xFFEF),
    *((base, base + 0xFFFD) for base in range(0x10000, 0xE0000, 0x10000)),
    (0xE1000, 0xEFFFD),
)
_IPRIVATE = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD))


def _in(ranges: tuple[tuple[int, int], ...], cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in ranges)


#: Unicode spaces, line/paragraph separators and format characters (bidi controls, BOM) are
#: valid in an IRI or forbidden by RFC 3987 section 4.1; either way a reader that splits lines
#: or words on them (rdflib's N-Triples parser cuts at U+2028) misreads the IRI, so they are
#: percent-encoded.
_ENCODED_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cf"})


def _non_ascii_ok(cp: int, *, private: bool) -> bool:
    if cp < 0xA0 or unicodedata.category(chr(cp)) in _ENCODED_CATEGORIES:
        return False
    return _in(_UCSCHAR, cp) or (private and _in(_IPRIVATE, cp))


def _encode(part: str, allowed: frozenset[str] | set[str], *, private: bool = False) -> str:
    """``part`` with every character an IRI component cannot hold percent-encoded.

    Raises ``UnicodeEncodeError`` for a lone surrogate (it has no UTF-8 form).
    """
    out: list[str] = []
    i = 0
    while i < len(part):
        ch = part[i]
        if ch == "%":
            if _PCT_OK.match(part, i):
                out.append(part[i : i + 3])
                i += 3
                continue
            out.append("%25")  # a bare '%' means itself
        elif ch in allowed or _non_ascii_ok(ord(ch), private=private):
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8")))
        i += 1
    return "".join(out)


def _authority(authority: str) -> str | None:
    userinfo, at, hostport = authority.rpartition("@")
    prefix = _encode(userinfo, _USERINFO) + "@" if at else ""
    if hostport.startswith("["):
        literal, bracket, port = hostport[1:].partition("]")
        if not bracket or not (_is_ipv6(literal) or _IPVFUTURE.fullmatch(literal)):
            return None
        host = f"[{literal}]"
    else:
        host, colon, port = hostport.partition(":")
        port = colon + port
        host = _encode(host, _REG_NAME)
    if port and not (port.startswith(":") and _PORT.fullmatch(port[1:])):
        return None
    return prefix + host + port


def _is_ipv6(literal: str) -> bool:
    try:
        ipaddress.IPv6Address(literal)
    except ValueError:
        return False
    return "%" not in literal  # zone ids are not part of the IRI syntax


def valid_iri(value: str) -> str | None:
    """``value`` as a valid absolute IRI (RFC 3987), or ``None`` when it cannot be one.

    Leading and trailing whitespace is removed and the scheme lower-cased; nothing that is
    valid already changes otherwise.
    """
    m = _PARTS.match(value.strip())
    if m is None or not _SCHEME.fullmatch(m[1]):
        return None
    scheme, authority, path, query, fragment = m.groups()
    try:
        parts = [scheme.lower(), ":"]
        if authority is not None:
            fixed = _authority(authority)
            if fixed is None:
                return None
            parts += ["//", fixed]
        parts.append(_encode(path, _PATH))
        if query is not None:
            parts += ["?", _encode(query, _FRAGMENT, private=True)]
        if fragment is not None:
            parts += ["#", _encode(fragment, _FRAGMENT)]
    except UnicodeEncodeError:
        return None
    return "".join(parts)


def is_web_iri(iri: str) -> bool:
    """Whether ``iri`` is an http(s) IRI: the only kind a rendered page makes into a link."""
    return iri.lower().startswith(("http://", "https://"))
