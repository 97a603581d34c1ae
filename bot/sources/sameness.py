"""Whether two addresses belong to one site: the same registrable domain (the Public Suffix
List's, through courlan), or for addresses by IP or on unlisted domains the same host."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from courlan import extract_domain


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def same_site(url: str, other: str) -> bool:
    """`news.sh.gov.cn` and `www.sh.gov.cn` are one site; `sousuo.gov.cn` and `www.gov.cn`
    are not (gov.cn is a public suffix: every body registers its own name under it)."""
    host, other_host = _host(url), _host(other)
    if host == other_host:
        return bool(host)
    if _is_ip(host) or _is_ip(other_host):
        return False
    domain, other_domain = extract_domain(url), extract_domain(other)
    return domain is not None and domain == other_domain


__all__ = ["same_site"]
