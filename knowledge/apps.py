from __future__ import annotations

from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    """Partner organisations and their knowledge, with the funding finder and "Stel je vraag" in subfolders."""

    name = "knowledge"
    verbose_name = "Kennis"

    def ready(self) -> None:
        from knowledge import metrics, search
        from knowledge.funding import metrics as funding_metrics
        from knowledge.funding import search as funding_search
        from knowledge.questions import metrics as question_metrics

        search.register()
        funding_search.register()
        metrics.register()
        funding_metrics.register()
        question_metrics.register()
