"""The preflight report's sentences, in Norwegian (Bokmål) for staff and print shops, and in English."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "nb": {
        "decimal": ",",
        "mark_ok": "OK  ",
        "mark_fail": "FEIL",
        "verdict_ok": "klar til trykk",
        "verdict_fail": "ikke klar til trykk",
        "trim": "Side {page}: ferdig format {size}, {bleed} mm utfallende (trykkeriet vil ha minst 3 mm)",
        "no_boxes": "Side {page}: mangler TrimBox eller BleedBox, så trykkeriet vet ikke hvor det skal skjære",
        "pdfx": "PDF-standard: {version} (trykkeriene ber om PDF/X-4)",
        "no_pdfx": "PDF-standard: ikke PDF/X; trykkeriene ber om PDF/X-4",
        "intent": "Fargeprofil for trykket: «{condition}», {channels} kanaler, lagt inn i filen",
        "no_intent": "Fargeprofil for trykket mangler (PDF/X-utdataintensjon med CMYK-profil)",
        "colours": "Fargerom: {spaces}; ingen RGB",
        "rgb": "Fargerom: {spaces}; RGB ({rgb}) må gjøres om til CMYK før trykk",
        "fonts": "Skrifter: {count}, alle lagt inn i filen",
        "fonts_missing": "Skrifter som ikke er lagt inn i filen: {fonts}",
        "no_text": "Ingen tekst i filen",
        "smallest": "Minste tekst: {size} pt (minst {minimum} pt)",
        "rich_black": "{count} tekstbiter er svarte laget av alle fire farger; svart tekst skal bare bruke svart (K)",
        "code": "QR-kode side {page}: {width} mm bred, {module} mm per modul, fri sone {quiet} moduler "
                "(minst 4), leses som {text}",
        "no_codes": "Fant ingen QR-kode som kan leses",
        "unreadable": "{file}: kan ikke leses som PDF ({reason})",
    },
    "en": {
        "decimal": ".",
        "mark_ok": "OK  ",
        "mark_fail": "FAIL",
        "verdict_ok": "ready to print",
        "verdict_fail": "not ready to print",
        "trim": "Page {page}: trim size {size}, {bleed} mm bleed (print shops want at least 3 mm)",
        "no_boxes": "Page {page}: no TrimBox or BleedBox, so the print shop cannot tell where to cut",
        "pdfx": "PDF standard: {version} (print shops ask for PDF/X-4)",
        "no_pdfx": "PDF standard: not PDF/X; print shops ask for PDF/X-4",
        "intent": "Output intent: \"{condition}\", {channels} channels, embedded in the file",
        "no_intent": "No output intent (a PDF/X output intent with a CMYK profile)",
        "colours": "Colour spaces: {spaces}; no RGB",
        "rgb": "Colour spaces: {spaces}; RGB ({rgb}) must be converted to CMYK before printing",
        "fonts": "Fonts: {count}, all embedded",
        "fonts_missing": "Fonts not embedded: {fonts}",
        "no_text": "No text in the file",
        "smallest": "Smallest text: {size} pt (at least {minimum} pt)",
        "rich_black": "{count} pieces of text are black made of all four inks; black text must use black ink (K) only",
        "code": "QR code page {page}: {width} mm wide, {module} mm a module, quiet zone {quiet} modules "
                "(at least 4), reads {text}",
        "no_codes": "No readable QR code found",
        "unreadable": "{file}: cannot be read as a PDF ({reason})",
    },
}
