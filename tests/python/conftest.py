import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
    return {k: v for k, v in gold.items() if not k.startswith("_")}


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


ARTICLE = (
    "Home\nWorld\nSport\n\n"
    "Storm closes the harbour for a day\n\n"
    "A winter storm closed the harbour for most of Sunday, as gusts of more than 100 km/h tore "
    "loose moorings and pushed two fishing boats onto the breakwater, the port authority said.\n\n"
    "Crews worked through the afternoon to clear timber and netting from the main channel, and the "
    "ferry to the islands was cancelled until the wind drops on Monday.\n\n"
    "© 2024 The Harbour Gazette. All rights reserved.\n"
)


@pytest.fixture
def article_text() -> str:
    return ARTICLE
