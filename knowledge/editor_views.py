"""Pages under /mijn/kennis/ where partner editors write knowledge and keep their profile up to date."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.views.decorators.http import require_http_methods, require_POST

from knowledge import services
from knowledge.feedback import dashboard_feedback, feedback_for_editor
from knowledge.forms import OrganisationForm, ResourceCreateForm, ResourceForm, StatusForm
from knowledge.models import Attachment, Organisation, OrganisationQuerySet, Resource, StatusChange
from knowledge.reads import most_read_for_editor
from wdhs.audit import update_logged
from wdhs.forms.once import ALREADY_SENT, submit_once
from wdhs.http import AuthenticatedHttpRequest
from wdhs.markup import render_markdown_safely
from wdhs.models import AnyUser, PageFeedback, User
from wdhs.reads import MOST_READ_DAYS

Status = Resource.Status
PAST_REVIEW_SHOWN = 20


def edits_all(user: AnyUser) -> bool:
    """Coalition staff and the editorial team (Django permission, see wdhs/roles.py) edit every organisation's work."""
    return user.has_perm("knowledge.change_resource")


def _editor_organisations(user: User) -> OrganisationQuerySet:
    """The organisations the user writes for."""
    if edits_all(user):
        return Organisation.objects.all()
    return Organisation.objects.edited_by(user)


def _get_resource_for_editor(request: AuthenticatedHttpRequest, slug: str) -> Resource:
    """The resource if the user edits its organisation (or is staff); a 404 for everyone else."""
    return get_object_or_404(
        Resource.objects.editable_by(request.user).select_related("organisation", "kind"), slug=slug
    )


def _get_organisation_for_editor(request: AuthenticatedHttpRequest, slug: str) -> Organisation:
    user = request.user
    organisations = (
        Organisation.objects.all()
        if user.has_perm("knowledge.change_organisation")
        else Organisation.objects.edited_by(user)
    )
    return get_object_or_404(organisations, slug=slug)


def _add_uploaded_attachment(form: ResourceForm, resource: Resource) -> None:
    """The file from the form, already checked by content (form.checked_file), as an attachment of the resource."""
    if form.checked_file:
        services.attachment_add(
            resource=resource,
            upload=form.cleaned_data["attachment"],
            checked=form.checked_file,
            title=form.cleaned_data["attachment_title"],
        )


def _can_edit_content(user: User, resource: Resource) -> bool:
    # A published text changes only by someone who may publish; others put it back to draft first.
    return resource.status != Status.PUBLISHED or services.can_publish(user, resource)


def dashboard_context(request: HttpRequest) -> dict[str, Any] | None:
    """The knowledge block on /mijn/: only for editors and staff."""
    user = request.user
    if not user.is_authenticated:
        return None
    sees_all = edits_all(user)
    organisations = list(_editor_organisations(user)) if not sees_all else []
    if not organisations and not sees_all:
        return None
    resources = Resource.objects.editable_by(user).select_related("organisation")
    return {
        "organisations": organisations,
        "sees_all": sees_all,
        "to_review": list(resources.filter(status=Status.REVIEW).order_by("updated_at")[:10]),
        "stale": list(resources.needs_review().order_by("last_reviewed_at", "published_at")[:10]),
        "drafts": resources.filter(status=Status.DRAFT).count(),
        "recent": [] if sees_all else list(resources.order_by("-updated_at")[:8]),
    }


@login_required
def dashboard(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    organisations = list(_editor_organisations(user).order_by("name"))
    if not organisations:
        raise Http404("Je bent geen redacteur van een organisatie.")
    resources = (
        Resource.objects.editable_by(user).select_related("organisation", "kind").order_by("status", "-updated_at")
    )
    sees_all = edits_all(user)
    if sees_all:
        # Staff see the work waiting for them, not every published text.
        resources = resources.filter(status=Status.REVIEW)
    return render(
        request,
        "knowledge/editor/dashboard.html",
        {
            "organisations": [] if sees_all else organisations,
            "resources": resources[:200],
            "sees_all": sees_all,
            "feedback": dashboard_feedback(user, sees_all=sees_all),
            "most_read": most_read_for_editor(user, sees_all=sees_all),
            "most_read_days": MOST_READ_DAYS,
            # Published texts past their review date, oldest first; one more than shown tells there are more.
            "past_review": list(
                Resource.objects.editable_by(user)
                .needs_review()
                .select_related("organisation")
                .order_by("last_reviewed_at", "published_at")[: PAST_REVIEW_SHOWN + 1]
            ),
            "past_review_shown": PAST_REVIEW_SHOWN,
        },
    )


@login_required
@require_POST
def feedback_handled(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Mark a reader's reaction on one of the editor's pages as handled; someone else's reaction does not exist."""
    user = request.user
    item = get_object_or_404(feedback_for_editor(user, sees_all=edits_all(user)), pk=pk)
    if item.handled_at is None:
        update_logged(
            PageFeedback.objects.filter(pk=item.pk, handled_at__isnull=True), handled_at=timezone.now(), handled_by=user
        )
        messages.success(request, f"De reactie {item.reference} staat op afgehandeld.")
    else:
        messages.info(request, f"De reactie {item.reference} was al afgehandeld.")
    return redirect(reverse("knowledge:editor_dashboard") + "#reacties")


@login_required
@require_http_methods(["GET", "POST"])
def resource_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    organisations = _editor_organisations(request.user)
    if not organisations.exists():
        raise Http404("Je bent geen redacteur van een organisatie.")
    form = ResourceCreateForm(request.POST or None, request.FILES or None, organisations=organisations)
    if request.method != "POST":
        return render(request, "knowledge/editor/resource_form.html", {"form": form})
    if _wants_preview(request):
        # Shown, not saved (and the form's key is not used up): the form again with the preview above it.
        preview = _preview(form)
        status = 200 if preview is not None else 400
        return render(request, "knowledge/editor/resource_form.html", {"form": form, "preview": preview}, status=status)

    def create() -> str:
        resource = form.save(commit=False)
        resource.author = request.user
        resource.status = Status.DRAFT
        resource.save()
        form.save_m2m()
        StatusChange.objects.create(resource=resource, to_status=Status.DRAFT, by=request.user)
        _add_uploaded_attachment(form, resource)
        return reverse("knowledge:editor_resource_edit", args=[resource.slug])

    # One transaction, with the form's key: sent twice (a double click), it makes one draft.
    submission = submit_once(form, name="knowledge-resource-create", save=create)
    if submission is None:
        return render(request, "knowledge/editor/resource_form.html", {"form": form}, status=400)
    if submission.repeated:
        messages.info(request, ALREADY_SENT)
        return redirect(submission.url or "knowledge:editor_dashboard")
    messages.success(request, "Je concept is opgeslagen. Bied het aan ter beoordeling als het klaar is.")
    return redirect(submission.url)


def _preview(form: ResourceForm) -> SafeString | None:
    """The body as the page will show it (the same renderer and sanitiser), or None when the form has errors."""
    if not form.is_valid():
        return None
    return render_markdown_safely(form.cleaned_data.get("body") or "")


def _wants_preview(request: HttpRequest) -> bool:
    return request.method == "POST" and "voorbeeld" in request.POST


def _edit_context(
    request: AuthenticatedHttpRequest, resource: Resource, form: ResourceForm, status_form: StatusForm | None = None
) -> dict[str, Any]:
    return {
        "form": form,
        "resource": resource,
        "editable": _can_edit_content(request.user, resource),
        "can_publish": services.can_publish(request.user, resource),
        "status_form": status_form or StatusForm(),
        "attachments": list(resource.attachments.all()),
        "history": list(resource.status_changes.select_related("by")[:20]),
    }


@login_required
@require_http_methods(["GET", "POST"])
def resource_edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    resource = _get_resource_for_editor(request, slug)
    form = ResourceForm(
        request.POST or None,
        request.FILES or None,
        instance=resource,
        organisations=_editor_organisations(request.user),
    )
    context = _edit_context(request, resource, form)
    if request.method == "POST":
        if not context["editable"]:
            messages.error(request, "Dit item is gepubliceerd. Zet het eerst terug naar concept om het te wijzigen.")
            return render(request, "knowledge/editor/resource_form.html", context, status=403)
        if _wants_preview(request):
            # Shown, not saved: the same form again with the text as the page will show it above it.
            context["preview"] = _preview(form)
            # A ModelForm's is_valid() copies the input onto its instance; the heading shows what is stored.
            context["resource"] = _get_resource_for_editor(request, slug)
            status = 200 if context["preview"] is not None else 400
            return render(request, "knowledge/editor/resource_form.html", context, status=status)
        if form.is_valid():
            with transaction.atomic():
                resource = form.save()
                _add_uploaded_attachment(form, resource)
            messages.success(request, "Je wijzigingen zijn opgeslagen.")
            return redirect("knowledge:editor_resource_edit", resource.slug)
        return render(request, "knowledge/editor/resource_form.html", context, status=400)
    return render(request, "knowledge/editor/resource_form.html", context)


@login_required
@require_POST
def resource_status(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    resource = _get_resource_for_editor(request, slug)
    form = StatusForm(request.POST)
    if not form.is_valid():
        if "action" in form.errors:
            messages.error(request, "Deze stap kennen we niet. Kies een van de knoppen.")
            return redirect("knowledge:editor_resource_edit", resource.slug)
        # The note is missing or too long: the page again, with the message at the note and what was typed.
        edit_form = ResourceForm(instance=resource, organisations=_editor_organisations(request.user))
        context = _edit_context(request, resource, edit_form, status_form=form)
        return render(request, "knowledge/editor/resource_form.html", context, status=400)
    action = form.cleaned_data["action"]
    note = form.cleaned_data["note"]
    user = request.user
    may_publish = services.can_publish(user, resource)
    allowed = {
        "submit": resource.status in (Status.DRAFT, Status.ARCHIVED),
        "publish": resource.status != Status.PUBLISHED and may_publish,
        "sendback": resource.status == Status.REVIEW and may_publish,
        "withdraw": resource.status in (Status.REVIEW, Status.PUBLISHED, Status.ARCHIVED),
        "archive": resource.status != Status.ARCHIVED,
        "reviewed": resource.status == Status.PUBLISHED,
    }
    if not allowed[action]:
        messages.error(request, "Deze stap kan nu niet. Kijk bij de status wat wel kan.")
        return redirect("knowledge:editor_resource_edit", resource.slug)
    try:
        if action == "submit":
            services.resource_submit(resource=resource, by=user, note=note)
            messages.success(request, "Aangeboden ter beoordeling. De redactie krijgt een bericht.")
        elif action == "publish":
            services.resource_publish(resource=resource, by=user, note=note)
            messages.success(request, "Gepubliceerd. Iedereen kan het nu vinden.")
        elif action == "sendback":
            services.resource_send_back(resource=resource, by=user, note=note)
            messages.success(request, "Teruggestuurd naar de schrijver. Die krijgt je toelichting per e-mail.")
        elif action == "withdraw":
            services.resource_withdraw(resource=resource, by=user, note=note)
            messages.success(request, "Teruggezet naar concept. Je kunt het nu wijzigen.")
        elif action == "archive":
            services.resource_archive(resource=resource, by=user, note=note)
            messages.success(request, "Gearchiveerd. Bezoekers zien het niet meer.")
        else:
            services.resource_mark_reviewed(resource=resource, by=user)
            messages.success(request, "Dank je! We noteren dat de tekst nog klopt.")
    except PermissionDenied:
        messages.error(request, "Je mag dit niet zelf publiceren. Bied het aan ter beoordeling.")
    return redirect("knowledge:editor_resource_edit", resource.slug)


@login_required
@require_POST
def attachment_delete(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    resource = _get_resource_for_editor(request, slug)
    if not _can_edit_content(request.user, resource):
        raise PermissionDenied
    attachment = get_object_or_404(Attachment, resource=resource, pk=pk)
    attachment.delete()  # the file goes after the commit (knowledge.models: post_delete)
    messages.success(request, "De bijlage is verwijderd.")
    return redirect("knowledge:editor_resource_edit", resource.slug)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    organisation = _get_organisation_for_editor(request, slug)
    form = OrganisationForm(request.POST or None, request.FILES or None, instance=organisation)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                form.save()
            messages.success(request, "Het profiel van je organisatie is bijgewerkt.")
            return redirect("knowledge:editor_organisation_edit", organisation.slug)
        return render(
            request, "knowledge/editor/organisation_form.html", {"form": form, "organisation": organisation}, status=400
        )
    return render(request, "knowledge/editor/organisation_form.html", {"form": form, "organisation": organisation})
