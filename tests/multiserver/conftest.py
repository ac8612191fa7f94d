"""The cluster of the multi-server test: started once for the module, stopped and cleaned up afterwards."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests import summary
from tests.multiserver.cluster import Cluster, Unavailable, find_postgres, find_redis


@pytest.fixture(scope="session")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    try:
        postgres, redis_url = find_postgres(), find_redis()
    except Unavailable as exc:
        if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
            pytest.fail(f"DE TEST MET TWEE SERVERS KAN NIET DRAAIEN, en in CI is dat een fout: {exc}", pytrace=False)
        reason = f"TEST MET TWEE SERVERS OVERGESLAGEN: {exc}. Start PostgreSQL en Redis (zie docs/scaling.md)."
        summary.report("twee servers", [reason], loud=True)
        pytest.skip(reason)
    cluster = Cluster(tmp_path_factory.mktemp("multiserver"), postgres, redis_url)
    try:
        cluster.start()
        summary.report(
            "twee servers",
            [
                f"{cluster.server_kind} op {', '.join(s.url for s in cluster.servers.values())}; database "
                f"{cluster.database}; Redis {redis_url} met prefix {cluster.cache_prefix}"
            ],
        )
        yield cluster
    finally:
        cluster.stop()
