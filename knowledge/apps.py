from __future__ import annotations

from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = "Kennis"

    def ready(self) -> None:
        from knowledge import (
            demo,
            demo_funding,
            demo_questions,
            editor_views,
            metrics,
            personal_data,
            views,
            views_funding,
            views_questions,
        )
        from knowledge.sitemaps import FundingSchemeSitemap, OrganisationSitemap, ResourceSitemap
        from wdhs.portal import (
            Breakdown,
            DemoLoader,
            Metric,
            Section,
            register_breakdown,
            register_dashboard_section,
            register_demo_loader,
            register_home_section,
            register_metric,
            register_personal_data,
            register_sitemap,
        )
        from wdhs.search_sources import SearchSource, register_search_source

        register_home_section(Section("knowledge_start", 10, "knowledge/_home_start.html", views.home_start_context))
        register_home_section(Section("themes", 20, "knowledge/_home_themes.html", views.themes_context))
        register_home_section(Section("knowledge", 60, "knowledge/_home_knowledge.html", views.home_context))
        register_dashboard_section(
            Section("knowledge", 20, "knowledge/_dashboard_section.html", editor_views.dashboard_context)
        )
        register_sitemap("knowledge", ResourceSitemap)
        register_sitemap("organisations", OrganisationSitemap)
        register_personal_data("kennis", personal_data.export)
        register_demo_loader(DemoLoader("kennis", 20, demo.load))
        # The funding finder and "Stel je vraag" live in this app: funders and partners are its organisations.
        register_home_section(Section("help", 30, "funding/_home_section.html", views_funding.home_context))
        register_dashboard_section(
            Section("questions", 15, "questions/_dashboard_section.html", views_questions.dashboard_context)
        )
        register_dashboard_section(
            Section("funding", 40, "funding/_dashboard_section.html", views_funding.dashboard_context)
        )
        register_sitemap("funding", FundingSchemeSitemap)
        register_personal_data("vragen", views_questions.personal_data)
        register_demo_loader(DemoLoader("financiering", 30, demo_funding.load))
        # Schemes in /zoeken/. The finder has no text filter of its own (it sorts by answers, not words),
        # so "Bekijk alle" links to /zoeken/?soort=financiering (list_url_name None).
        register_search_source(
            SearchSource(
                key="financiering",
                label="Financiering",
                order=40,
                queryset=views_funding.search_schemes,
                template="search/result_funding.html",
                title=lambda scheme: scheme.name,
                text=views_funding.search_text,
                table="knowledge_fundingscheme",
                freshness=("updated_at",),
            )
        )
        register_demo_loader(DemoLoader("vragen", 31, demo_questions.load))
        register_metric(
            Metric(
                code="questions.answered",
                label="Beantwoorde vragen van bewoners",
                unit="vragen",
                current=metrics.answered_questions,
                series=metrics.answered_questions_series,
            )
        )
        register_metric(
            Metric(
                code="funding.schemes",
                label="Financieringsregelingen in de wijzer",
                unit="regelingen",
                current=metrics.funding_schemes,
            )
        )
        register_metric(
            Metric(
                code="knowledge.published_resources",
                label="Gepubliceerde kennisitems",
                unit="kennisitems",
                current=metrics.published_resources,
                series=metrics.published_resources_series,
            )
        )
        register_metric(
            Metric(
                code="knowledge.partners",
                label="Organisaties die kennis delen",
                unit="organisaties",
                current=metrics.active_partners,
            )
        )
        register_breakdown(
            Breakdown(
                code="knowledge.by_organisation",
                label="Gepubliceerde kennis per organisatie",
                columns=("organisatie", "gepubliceerde kennisitems"),
                rows=metrics.by_organisation,
            )
        )
