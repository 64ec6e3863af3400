"""The demo data set loaded by `make run` (and `creditgraph seed`)."""

from __future__ import annotations

import logging
from datetime import date

from graph import subjects
from graph.executor import Executor
from graph.inputs import EnterpriseIn

log = logging.getLogger("creditgraph.seeds")

# A fixed enterprise the README uses in its first query.
DEMO_USCC = "91110000600037341L"


async def load_demo(executor: Executor, id_key: bytes) -> None:
    """Load the demo graph; idempotent."""
    await subjects.upsert_enterprise(
        executor, EnterpriseIn(uscc=DEMO_USCC, name="北京示范科技有限公司", region="110105")
    )
    person = await subjects.upsert_person(executor, "11010519491231002X", "张伟", id_key)
    await subjects.assign_role(
        executor, "LEGAL_REPRESENTATIVE_OF", person["sid"], DEMO_USCC, date(2019, 3, 1), None
    )
    log.info("demo data loaded")
