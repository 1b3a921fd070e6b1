"""schema.org data for search engines: the TryggEst service, who provides it and how to reach it."""

from __future__ import annotations

import json
from datetime import time
from typing import Any

from .context import LocalContext
from .hours import DAY_KEYS

_SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
assert len(_SCHEMA_DAYS) == len(DAY_KEYS)


def service_jsonld(local: LocalContext, page_url: str, languages: list[str]) -> dict[str, Any]:
    municipality = local.municipality
    contact = municipality.contact
    hours = [{"@type": "OpeningHoursSpecification",
              "dayOfWeek": [f"https://schema.org/{_SCHEMA_DAYS[d]}" for d in entry.days],
              "opens": f"{entry.opens:%H:%M}", "closes": _clock(entry.closes)} for entry in contact.hours]
    point: dict[str, Any] = {"@type": "ContactPoint", "telephone": contact.phone.e164, "contactType": "TryggEst",
                             "hoursAvailable": hours, "availableLanguage": languages, "areaServed": municipality.name}
    if contact.email:
        point["email"] = contact.email
    area = {"@type": "AdministrativeArea", "name": municipality.name}
    return {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": f"TryggEst {municipality.name}",
        "url": page_url,
        "serviceType": local.strings["ui"]["service_type"],
        "areaServed": area,
        "availableChannel": {"@type": "ServiceChannel", "servicePhone": point},
        "provider": {"@type": "GovernmentOrganization", "name": f"{municipality.name} {municipality.kind}",
                     "contactPoint": point, "areaServed": area},
    }


def _clock(value: time) -> str:
    # The model stores "24:00" as 23:59 (a time of day cannot be 24:00); say what the pages say.
    return "24:00" if (value.hour, value.minute) == (23, 59) else f"{value:%H:%M}"


def script_json(data: dict[str, Any]) -> str:
    """JSON safe to place inside a <script> element: no text from YAML can close the element or open
    a comment, because <, > and & are written as JSON escapes."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
