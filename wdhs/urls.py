"""Every URL of the portal, in Dutch; each app brings its own urls.py (see ../shared/PRODUCT.md)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import URLPattern, URLResolver, include, path

from goals.sitemaps import GoalSitemap, UpdateSitemap
from initiatives.sitemaps import InitiativeSitemap
from knowledge.events.sitemaps import EventSitemap
from knowledge.funding.sitemaps import FundingSchemeSitemap
from knowledge.routes.sitemaps import RouteSitemap
from knowledge.sitemaps import OrganisationSitemap, ResourceSitemap
from wdhs import views
from wdhs.opendata import views as opendata
from wdhs.sitemaps import StaticPagesSitemap
from wdhs.sitemaps import section as section_sitemap

admin.site.site_header = "Beheer We Doen Het Samen"
admin.site.site_title = "Beheer WDHS"
admin.site.index_title = "Werkvoorraad"
admin.site.site_url = "/"

handler400 = "wdhs.views.bad_request"
handler403 = "wdhs.views.permission_denied"
handler404 = "wdhs.views.page_not_found"
handler500 = "wdhs.views.server_error"

XML = "application/xml; charset=utf-8"  # the character set named, as on every text answer (ASVS 4.1.1)

# /sitemap.xml is an index of these sections (/sitemap-kennis.xml, ...), each split in files of at most
# ModelSitemap.limit URLs (?p=2, ...), as the protocol asks at national size.
SITEMAPS = {
    "paginas": StaticPagesSitemap,
    "kennis": ResourceSitemap,
    "organisaties": OrganisationSitemap,
    "financiering": FundingSchemeSitemap,
    "agenda": EventSitemap,
    "aan-de-slag": RouteSitemap,
    "initiatieven": InitiativeSitemap,
    "doelen": GoalSitemap,
    "doelen-nieuws": UpdateSitemap,
}

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("healthz/full", views.healthz_full, name="healthz_full"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", sitemaps.index, {"sitemaps": SITEMAPS, "content_type": XML}, name="sitemap_index"),
    path(
        "sitemap-<section>.xml",
        section_sitemap,
        {"sitemaps": SITEMAPS, "content_type": XML},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("in-de-buurt/", views.nearby, name="nearby"),
    path("mijn/", views.mijn, name="mijn"),
    path("mijn/gegevens.json", views.my_data_export, name="my_data_export"),
    path("mijn/account-verwijderen/", views.account_delete, name="account_delete"),
    path("over/", views.static_page("pages/over.html"), name="about"),
    path("privacy/", views.static_page("pages/privacy.html"), name="privacy"),
    path("toegankelijkheid/", views.static_page("pages/toegankelijkheid.html"), name="accessibility"),
    path("open-data/", opendata.index, name="open_data"),
    path("open-data/", include("wdhs.opendata.urls")),
    path("contact/", views.static_page("pages/contact.html"), name="contact"),
    path("doelen/", include("goals.urls")),
    path("", include("wdhs.search.urls")),
    path("", include("wdhs.feedback.urls")),
    path("", include("wdhs.alerts.urls")),
    path("", include("initiatives.urls")),
    path("", include("knowledge.urls")),
    path("financiering/", include("knowledge.funding.urls")),
    path("agenda/", include("knowledge.events.urls")),
    path("aan-de-slag/", include("knowledge.routes.urls")),
    path("embed/", include("wdhs.embed.urls")),
    path("", include("knowledge.questions.urls")),
    path("accounts/mail-opnieuw/", views.verification_resend, name="account_verification_resend"),
    # allauth's own path and name, with the confirmation panel (the address, how long the link works).
    path("accounts/confirm-email/", views.verification_sent, name="account_email_verification_sent"),
    path("accounts/", include("allauth.urls")),
    path("api/v1/", include(("api.urls", "api_v1"), namespace="api_v1")),
    path("beheer/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
