"""The request id: the caller's `X-Request-ID` when it is sane, else a new one.

A proxy or client that already names its requests keeps its id, so one id follows a request
through every hop. "Sane" means 1 to 128 characters of letters, digits and `-._:+=/@`: nothing
that could break a log line, a header or a query (no spaces, quotes or control characters). The
id is set in `graph.correlation.REQUEST_ID` for the request's duration and returned in the
response's `X-Request-ID` header.
"""

from __future__ import annotations

import os
import re

HEADER = "X-Request-ID"
HEADER_KEY = HEADER.lower().encode("latin-1")  # as ASGI gives header names
_SANE = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-._:+=/@]{0,127}")


def new_request_id() -> str:
    """128 random bits in hex (like a uuid4's, at a fifth of its cost)."""
    return os.urandom(16).hex()


def request_id_from(value: bytes | None) -> str:
    """The id for a request whose `X-Request-ID` header is `value` (None: no header)."""
    if value:
        text = value.decode("latin-1")
        if _SANE.fullmatch(text):
            return text
    return new_request_id()
