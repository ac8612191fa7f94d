from __future__ import annotations

from django.urls import path

from knowledge import editor_views, views
from knowledge.feeds import OrganisationAtomFeed, ResourceAtomFeed, ResourceRssFeed

app_name = "knowledge"

urlpatterns = [
    path("kennis/", views.resource_list, name="list"),
    path("kennis/feed/", ResourceAtomFeed(), name="feed"),
    path("kennis/feed/rss/", ResourceRssFeed(), name="feed_rss"),
    path("kennis/<slug:slug>/", views.resource_detail, name="detail"),
    path("kennis/<slug:slug>/bijlagen/<int:pk>/", views.attachment_download, name="attachment"),
    path("organisaties/", views.organisation_list, name="organisation_list"),
    path("organisaties/feed/", OrganisationAtomFeed(), name="organisation_feed"),
    path("organisaties/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("organisaties/<slug:slug>/logo/", views.organisation_logo, name="organisation_logo"),
    path("mijn/kennis/", editor_views.dashboard, name="editor_dashboard"),
    path("mijn/kennis/reacties/<int:pk>/afgehandeld/", editor_views.feedback_handled, name="editor_feedback_handled"),
    path("mijn/kennis/nieuw/", editor_views.resource_create, name="editor_resource_create"),
    path("mijn/kennis/organisatie/<slug:slug>/", editor_views.organisation_edit, name="editor_organisation_edit"),
    path("mijn/kennis/<slug:slug>/", editor_views.resource_edit, name="editor_resource_edit"),
    path("mijn/kennis/<slug:slug>/status/", editor_views.resource_status, name="editor_resource_status"),
    path(
        "mijn/kennis/<slug:slug>/bijlagen/<int:pk>/verwijderen/",
        editor_views.attachment_delete,
        name="editor_attachment_delete",
    ),
]
