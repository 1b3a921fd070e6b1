"""The benchmark's projection of the first national build over N machines follows from the measured costs."""

from __future__ import annotations

from tryggest.bench.scale import NATIONAL, Costs, projection


def test_the_projection_shares_the_measured_work_over_machines_and_cores() -> None:
    lines: dict[str, str] = {}
    # One second of one core per drawing job, 100 ms per page, measured on a portal of national size.
    costs = Costs(municipalities=NATIONAL, files=1000, file_seconds=1000.0, pages=100, web_seconds=10.0)
    projection(costs, lambda label, value: lines.__setitem__(label, value), cores=2)
    assert lines["measured cost per drawing job / per page"].startswith("1.000 s of one core / 100.0 ms")
    # 1000 jobs over 2 cores and 10 s of pages: 510 s; 8 machines each build 46 of the 368.
    assert lines["projected first national build, 1 machine"].startswith("8.5 min")
    assert lines["projected first national build, 8 machines"].startswith("1.1 min")
    assert lines["projected first national build, 16 machines"].startswith("0.5 min"), "23 of 368 each"
