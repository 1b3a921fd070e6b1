"""Norwegian phone numbers: validated with ``phonenumbers``, stored in E.164, shown nationally."""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from phonenumbers import shortnumberinfo

REGION = "NO"


@dataclass(frozen=True, order=True)
class Phone:
    """``e164`` is the dialable form for full numbers; short codes (112, 02800) are kept as dialled."""

    e164: str
    display: str

    @property
    def tel(self) -> str:
        return f"tel:{self.e164}"

    @property
    def digits(self) -> str:
        return self.display.replace(" ", "")

    def __str__(self) -> str:
        return self.display


def parse_phone(text: str, *, allow_short: bool = False, placeholder_ok: bool = False) -> Phone:
    """Raise ValueError with a sentence an editor understands when ``text`` is not a usable number."""
    raw = str(text).strip()
    try:
        number = phonenumbers.parse(raw, REGION)
    except phonenumbers.NumberParseException:
        raise ValueError(f"'{raw}' is not a phone number") from None
    if number.country_code != 47:
        raise ValueError(f"'{raw}' is not a Norwegian number (+47)")
    national = phonenumbers.national_significant_number(number)
    if phonenumbers.is_valid_number(number) and len(national) == 8:
        return Phone(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), _group(national))
    if allow_short and len(national) <= 6 and _is_service_number(number, national):
        return Phone(national, _group(national))
    if placeholder_ok and phonenumbers.is_possible_number(number) and len(national) == 8:
        return Phone(f"+47{national}", _group(national))
    if not allow_short and len(national) <= 6:
        raise ValueError(f"'{raw}' is a short number; TryggEst needs a full 8-digit number")
    raise ValueError(f"'{raw}' is not a valid Norwegian phone number (8 digits, e.g. '33 41 60 00')")


def _is_service_number(number: phonenumbers.PhoneNumber, national: str) -> bool:
    # 116 xxx are the harmonised European helplines; the metadata does not know every one of them.
    return (
        phonenumbers.is_valid_number(number)
        or shortnumberinfo.is_valid_short_number_for_region(number, REGION)
        or (len(national) == 6 and national.startswith("116"))
    )


def _group(digits: str) -> str:
    """Norwegian house style: 22 12 34 56, mobile 412 34 567, 800 30 196, 116 006, 02800, 112."""
    if len(digits) == 8 and digits[0] in "489":
        return f"{digits[:3]} {digits[3:5]} {digits[5:]}"
    if len(digits) == 8:
        return " ".join(digits[i : i + 2] for i in range(0, 8, 2))
    if len(digits) == 6:
        return f"{digits[:3]} {digits[3:]}"
    return digits
