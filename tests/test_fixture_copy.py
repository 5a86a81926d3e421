"""The project's copy of the shared fixtures never drifts from the contract.

`make test` must pass on a clone of the project alone, so the tests read tests/fixtures/.
Where ../shared is beside the project (as in CI), the copy must equal it byte for byte.
"""

from __future__ import annotations

import pytest

from tests.conftest import FIXTURES, SHARED

NAMES = ("journeys.json", "journeys.expected.json")


@pytest.mark.parametrize("name", NAMES)
def test_the_copy_is_present(name: str) -> None:
    assert (FIXTURES / name).stat().st_size > 1000


@pytest.mark.skipif(not (SHARED / "fixtures").is_dir(), reason="../shared is not beside us")
@pytest.mark.parametrize("name", NAMES)
def test_the_copy_equals_the_shared_fixtures_byte_for_byte(name: str) -> None:
    assert (FIXTURES / name).read_bytes() == (SHARED / "fixtures" / name).read_bytes(), (
        f"tests/fixtures/{name} differs from ../shared/fixtures/{name}: copy it again"
    )
