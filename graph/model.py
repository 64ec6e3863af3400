"""The domain model's vocabulary (provisional: the declared model replaces this)."""

from __future__ import annotations

ROLE_TYPES: tuple[str, ...] = (
    "LEGAL_REPRESENTATIVE_OF",
    "PRINCIPAL_OF",
    "ACTUAL_CONTROLLER_OF",
    "DIRECTOR_OF",
    "SUPERVISOR_OF",
    "SENIOR_MANAGER_OF",
    "SHAREHOLDER_OF",
    "BRANCH_OF",
    "EMPLOYED_BY",
)
