from __future__ import annotations

from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate, pre_save
from django_tasks_db.apps import TasksAppConfig


class WdhsConfig(AppConfig):
    default = True  # this module also holds TasksConfig
    name = "wdhs"
    verbose_name = "Basis: accounts, plaatsen en taxonomie"

    def ready(self) -> None:
        from wdhs import counts, feedback, pagecache, personal_data
        from wdhs.models import Term
        from wdhs.reference import after_migrate
        from wdhs.search.index import watch
        from wdhs.text import strip_on_save

        post_migrate.connect(after_migrate, sender=self, dispatch_uid="wdhs.reference")
        # Every migrate (re)installs the triggers that tell the page cache the content changed.
        post_migrate.connect(pagecache.after_migrate, sender=self, dispatch_uid="wdhs.pagecache")
        # ... and the triggers that keep the counts of published rows (wdhs/counts.py), counted once again.
        post_migrate.connect(counts.after_migrate, sender=self, dispatch_uid="wdhs.counts")
        # Theme and kind names are part of the documents' search text (see the triggers).
        watch(Term)
        # The one rule for text (wdhs.text): no row of any model is written with a control character.
        pre_save.connect(strip_on_save, dispatch_uid="wdhs.text")
        personal_data.register_account()
        feedback.register_personal_data_source()
        feedback.register_queue_line()


class PortalAdminConfig(admin_apps.AdminConfig):
    """Django's admin, whose login goes through allauth (wdhs/adminsite.py)."""

    default = False  # named in INSTALLED_APPS; WdhsConfig stays this module's default
    default_site = "wdhs.adminsite.PortalAdminSite"

    def ready(self) -> None:
        super().ready()
        from django.contrib.admin.templatetags import admin_list

        from wdhs.adminsite import boolean_icon

        # Django's lists and read-only fields import this helper when they render, so they get the Dutch alt text.
        admin_list._boolean_icon = boolean_icon  # type: ignore[attr-defined]  # private helper, not in the stubs


class TasksConfig(TasksAppConfig):
    """django-tasks-db's queue table, under a Dutch name in the admin."""

    verbose_name = "Achtergrondtaken"

    def ready(self) -> None:
        super().ready()
        from wdhs.adminsite import dutch_permission_names

        # Connected by the last app in INSTALLED_APPS, so that for every app it runs after django.contrib.auth
        # made that app's rights (receivers run in the order they were connected).
        post_migrate.connect(dutch_permission_names, dispatch_uid="wdhs.adminsite.permissions")
