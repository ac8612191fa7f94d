"""The staff groups and their permissions: the one list behind /beheer/ and the editorial rights on the portal.

Being staff (`is_staff`) only opens the door of /beheer/; what someone may see and do there and on the portal
comes from these groups (or from permissions given one by one). A data migration creates the groups; tests and
`load_demo` call `ensure_groups()` again, because a flushed database keeps the permissions but not the groups.
docs/authorisation.md says in plain Dutch who may do what.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps as global_apps
from django.db.models import Q

STAFF_GROUP = "Coalitiemedewerkers"
EDITORS_GROUP = "Redactie"

ALL = ("view", "add", "change", "delete")
READ = ("view",)


def _model(label: str, actions: tuple[str, ...] = ALL) -> list[str]:
    app_label, model = label.split(".")
    return [f"{app_label}.{action}_{model}" for action in actions]


# Knowledge, funding, questions, the task pages (/aan-de-slag/) and the links to the goals: the editorial team's work.
_EDITORIAL = [
    *_model("knowledge.resource"),
    "knowledge.publish_resource",
    *_model("knowledge.attachment", ("view", "delete")),
    *_model("knowledge.statuschange", READ),
    *_model("knowledge.organisation"),
    *_model("knowledge.membership"),
    *_model("knowledge.fundingscheme"),
    *_model("knowledge.event"),
    *_model("knowledge.question", ("view", "change", "delete")),
    *_model("knowledge.questiontransfer", READ),
    *_model("knowledge.route"),
    *_model("knowledge.routestep"),
    *_model("knowledge.routesteplink"),
    # Readers' reactions on pages ("Was deze pagina nuttig?", "Meld een fout"): read and mark handled.
    *_model("wdhs.pagefeedback", ("view", "change", "delete")),
    # How often each page was read per day (wdhs/reads.py): only to look at.
    *_model("wdhs.pageread", READ),
    *_model("goals.goallink"),
    *_model("goals.goal", READ),
    # The lists to choose from (author, themes, places) in the forms of /beheer/.
    *_model("wdhs.user", READ),
    *_model("wdhs.term", READ),
    *_model("wdhs.province", READ),
    *_model("wdhs.municipality", READ),
]

GROUP_PERMISSIONS: dict[str, list[str]] = {
    EDITORS_GROUP: _EDITORIAL,
    # Everything a coalition staff member does: the editorial work, the initiatives, the goals and their figures,
    # the word lists, blocking accounts, and reading how the background work goes. Not: giving rights (groups,
    # permissions, staff or superuser status); that stays with a superuser.
    STAFF_GROUP: [
        *_EDITORIAL,
        *_model("initiatives.initiative", ("view", "change", "delete")),
        *_model("initiatives.membership"),
        *_model("initiatives.invitation", ("view", "change", "delete")),
        *_model("initiatives.problemreport", ("view", "change", "delete")),
        *_model("goals.goal", ("change",)),
        "goals.view_dashboard",
        *_model("goals.indicator"),
        *_model("goals.measurement"),
        *_model("goals.milestone"),
        *_model("goals.update"),
        *_model("goals.regulation"),
        *_model("wdhs.user", ("change",)),
        *_model("wdhs.term", ("add", "change")),
        *_model("wdhs.searchsynonym"),
        *_model("wdhs.searchword", ("view", "change")),
        *_model("wdhs.dailyjobrun", READ),
        *_model("wdhs.formsubmission", READ),
        *_model("wdhs.workerheartbeat", READ),
        *_model("wdhs.municipalityneighbour", READ),
        # E-mail alerts (wdhs.alerts): see who follows what, switch an alert off or delete it; never add one.
        *_model("alerts.subscription", ("view", "change", "delete")),
        *_model("alerts.sentitem", READ),
        *_model("django_tasks_database.dbtaskresult", READ),
        *_model("account.emailaddress", READ),
        # The audit log (wdhs/audit.py): staff read it; nobody can change it.
        "wdhs.view_auditentry",
    ],
}


def ensure_groups(apps: Any = global_apps, *, strict: bool = True) -> None:
    """Create the groups (or put them back) with exactly the permissions above; takes a migration's `apps`.

    `strict=False` (in a migration) skips permissions of models that do not exist yet at that point of the
    migration history; a later migration that adds a model to a group calls this again."""
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for name, perms in GROUP_PERMISSIONS.items():
        wanted = set(perms)
        query = Q()
        for perm in wanted:
            app_label, codename = perm.split(".")
            query |= Q(content_type__app_label=app_label, codename=codename)
        found = list(permission_model.objects.filter(query).select_related("content_type"))
        missing = wanted - {f"{p.content_type.app_label}.{p.codename}" for p in found}
        if missing and strict:
            raise LookupError(f"Rechten voor de groep {name} bestaan niet: {', '.join(sorted(missing))}")
        group, _ = group_model.objects.get_or_create(name=name)
        group.permissions.set(found)
