from __future__ import annotations

from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    """Partner organisations and their knowledge, with the funding finder and "Stel je vraag" in subfolders."""

    name = "knowledge"
    verbose_name = "Kennis"

    def ready(self) -> None:
        from knowledge import alerts, counts, feedback, metrics, personal_data, related, search, workqueue
        from knowledge.funding import metrics as funding_metrics
        from knowledge.funding import search as funding_search
        from knowledge.questions import metrics as question_metrics
        from knowledge.questions import personal_data as question_personal_data

        search.register()
        counts.register()
        funding_search.register()
        metrics.register()
        funding_metrics.register()
        question_metrics.register()
        personal_data.register()
        question_personal_data.register()
        workqueue.register()
        related.register()
        feedback.register()
        alerts.register()
