"""Writes with side effects for "Stel je vraag": ask, route, answer, alert, publish as FAQ, remove personal data."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify

from knowledge import services as knowledge_services
from knowledge.models import Organisation, Question, Resource, StatusChange
from knowledge.questions.models import ANSWER_WITHIN_WORKING_DAYS
from knowledge.questions.routing import Ask, Partner, anonymise, faq_title, is_overdue, route
from wdhs.models import Municipality, Term

SIGNATURE = "\n\nMet vriendelijke groet,\nWe Doen Het Samen\n"


def _mail(*, subject: str, message: str, to: list[str]) -> None:
    recipients = [address for address in to if address]
    if recipients:
        transaction.on_commit(
            lambda: send_mail(
                subject=subject, message=message, from_email=None, recipient_list=recipients, fail_silently=False
            )
        )


def _inbox_url(question: Question) -> str:
    return settings.SITE_URL + question.get_inbox_url()


def _editor_emails(organisation: Organisation) -> list[str]:
    return list(organisation.memberships.values_list("user__email", flat=True))


def partners_for_routing() -> list[Partner]:
    """Every organisation as routing data, in a fixed number of queries."""
    organisations = (
        Organisation.objects.annotate(
            editor_count=Count("memberships", distinct=True),
            open_count=Count("questions", filter=Q(questions__answered_at__isnull=True), distinct=True),
        )
        .prefetch_related("themes", "provinces", "municipalities")
        .order_by("name")
    )
    return [
        Partner(
            pk=o.pk,
            name=o.name,
            themes=frozenset(t.slug for t in o.themes.all()),
            is_national=o.is_national,
            provinces=frozenset(p.slug for p in o.provinces.all()),
            municipalities=frozenset(m.slug for m in o.municipalities.all()),
            has_editors=o.editor_count > 0,
            open_questions=o.open_count,
        )
        for o in organisations
    ]


def ask_for(question: Question) -> Ask:
    municipality = question.municipality
    province = municipality.province if municipality else None
    return Ask(
        theme=question.theme.slug if question.theme else None,
        theme_name=question.theme.name if question.theme else "",
        municipality=municipality.slug if municipality else None,
        municipality_name=municipality.display_name if municipality else "",
        province=province.slug if province else None,
        province_name=province.name if province else "",
    )


def _notify_assigned(question: Question) -> None:
    if question.organisation_id:
        _mail(
            subject=f"Nieuwe vraag voor {question.organisation.display_name}",
            message=(
                f"Er is een vraag voor {question.organisation.name} binnengekomen via We Doen Het Samen.\n\n"
                f"{question.text}\n\nBeantwoord de vraag in het portaal: {_inbox_url(question)}\n"
                f"We vragen je om binnen {ANSWER_WITHIN_WORKING_DAYS} werkdagen te antwoorden."
            )
            + SIGNATURE,
            to=_editor_emails(question.organisation),
        )
    else:
        _mail(
            subject="Nieuwe vraag zonder partner",
            message=(
                "Er is een vraag binnengekomen waar geen partner bij past. Kies wie antwoordt of antwoord zelf.\n\n"
                f"Waarom in de inbox van de redactie: {question.routing_reason}\n\n{question.text}\n\n"
                f"Bekijk de vraag: {_inbox_url(question)}\n"
            ),
            to=list(settings.STAFF_NOTIFICATION_EMAILS),
        )


@transaction.atomic
def question_ask(
    *,
    name: str,
    email: str,
    text: str,
    municipality: Municipality | None,
    theme: Term | None,
    consent_publish: bool,
) -> Question:
    """Store a question, route it to the best partner (or the staff inbox) and confirm it to the asker."""
    question = Question(
        name=name,
        email=email,
        text=text,
        municipality=municipality,
        theme=theme,
        consent_store=True,
        consent_publish=consent_publish,
    )
    partner, reason = route(partners_for_routing(), ask_for(question))
    question.organisation_id = partner.pk if partner else None
    question.routing = Question.Routing.AUTOMATIC
    question.routing_reason = reason[:300]
    question.save()
    who = question.organisation.name if question.organisation_id else "de redactie van We Doen Het Samen"
    _mail(
        subject="We hebben je vraag ontvangen",
        message=(
            f"Hallo {name},\n\nDank je voor je vraag. We hebben hem doorgestuurd naar {who}. "
            f"Je krijgt het antwoord per e-mail, meestal binnen {ANSWER_WITHIN_WORKING_DAYS} werkdagen.\n\n"
            f"Je vraag:\n{text}\n\n"
            "We bewaren je naam en e-mailadres tot 12 maanden na het antwoord. Daarna verwijderen we ze."
        )
        + SIGNATURE,
        to=[email],
    )
    _notify_assigned(question)
    return question


@transaction.atomic
def question_assign(*, question: Question, organisation: Organisation | None, by: Any) -> Question:
    """Staff choose who answers (or put the question back in the staff inbox); the new editors get a mail."""
    question.organisation = organisation
    question.routing = Question.Routing.STAFF
    who = getattr(by, "public_name", "de redactie")
    question.routing_reason = (
        f"Gekozen door de redactie ({who})." if organisation else f"Naar de inbox van de redactie gezet ({who})."
    )
    question.save(update_fields=["organisation", "routing", "routing_reason"])
    if not question.is_answered:
        _notify_assigned(question)
    return question


@transaction.atomic
def question_reroute(*, question: Question) -> Question:
    """Apply the routing rule again, for example after a partner got editors or new themes."""
    partner, reason = route(partners_for_routing(), ask_for(question))
    question.organisation_id = partner.pk if partner else None
    question.routing = Question.Routing.AUTOMATIC
    question.routing_reason = reason[:300]
    question.save(update_fields=["organisation", "routing", "routing_reason"])
    if not question.is_answered:
        _notify_assigned(question)
    return question


@transaction.atomic
def question_answer(*, question: Question, answer: str, by: Any) -> Question:
    """Store the answer and send it to the asker by e-mail."""
    if question.is_answered:
        raise ValueError("Deze vraag is al beantwoord.")
    question.answer = answer
    question.answered_at = timezone.now()
    question.answered_by = by
    question.save(update_fields=["answer", "answered_at", "answered_by"])
    who = question.organisation.name if question.organisation_id else "de redactie van We Doen Het Samen"
    _mail(
        subject="Antwoord op je vraag",
        message=(
            f"Hallo {question.name},\n\n{who} heeft je vraag beantwoord.\n\nJe vraag:\n{question.text}\n\n"
            f"Het antwoord:\n{answer}\n\n"
            "Heb je nog een vraag? Stel hem op " + settings.SITE_URL + reverse("questions:ask")
        )
        + SIGNATURE,
        to=[question.email],
    )
    return question


def overdue_questions(now: datetime) -> list[Question]:
    today = timezone.localdate(now)
    candidates = Question.objects.open().filter(alerted_at__isnull=True).select_related("organisation")
    return [
        q
        for q in candidates.order_by("created_at")
        if is_overdue(timezone.localdate(q.created_at), today, ANSWER_WITHIN_WORKING_DAYS)
    ]


@transaction.atomic
def questions_alert_unanswered(*, now: datetime | None = None) -> int:
    """One mail to staff about questions open for more than 5 working days; each question is reported once."""
    now = now or timezone.now()
    overdue = overdue_questions(now)
    if not overdue:
        return 0
    lines = [
        f"- {q} ({q.organisation.name if q.organisation_id else 'inbox redactie'}, gesteld op "
        f"{date_format(timezone.localdate(q.created_at))}): {_inbox_url(q)}"
        for q in overdue
    ]
    _mail(
        subject=f"{len(overdue)} vraag/vragen al {ANSWER_WITHIN_WORKING_DAYS} werkdagen zonder antwoord",
        message=(
            f"Deze vragen wachten langer dan {ANSWER_WITHIN_WORKING_DAYS} werkdagen op een antwoord. "
            "Neem contact op met de partner of wijs de vraag opnieuw toe in het beheer.\n\n" + "\n".join(lines) + "\n"
        ),
        to=list(settings.STAFF_NOTIFICATION_EMAILS),
    )
    Question.objects.filter(pk__in=[q.pk for q in overdue]).update(alerted_at=now)
    return len(overdue)


@transaction.atomic
def questions_purge_personal_data(*, now: datetime | None = None) -> int:
    """Remove the asker's name and e-mail address 12 months after the answer (or after asking, if unanswered)."""
    now = now or timezone.now()
    return Question.objects.due_for_purge(now).update(name="", email="", personal_data_removed_at=now)


@transaction.atomic
def question_publish_faq(*, question: Question, by: Any) -> Resource:
    """Turn an answered question into a published "veelgestelde vraag", without the asker's personal data."""
    if not question.consent_publish:
        raise ValueError("De vraagsteller gaf geen toestemming om deze vraag als voorbeeld te gebruiken.")
    if not question.is_answered:
        raise ValueError("Deze vraag heeft nog geen antwoord.")
    if question.faq_id:
        raise ValueError("Van deze vraag is al een veelgestelde vraag gemaakt.")
    if not question.organisation_id:
        raise ValueError(
            "Wijs de vraag eerst toe aan een organisatie; die staat als afzender bij de veelgestelde vraag."
        )
    text = anonymise(question.text, name=question.name, email=question.email)
    answer = anonymise(question.answer, name=question.name, email=question.email)
    title = faq_title(text)
    base = slugify(title)[:160] or "veelgestelde-vraag"
    slug, n = base, 2
    while Resource.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    summary = answer if len(answer) <= 300 else answer[:299].rsplit(" ", 1)[0] + "…"
    resource = Resource.objects.create(
        kind=Term.objects.get(vocabulary="knowledge_kind", slug="veelgestelde-vraag"),
        title=title,
        slug=slug,
        summary=" ".join(summary.split()),
        body=f"## De vraag\n\n{text}\n\n## Het antwoord\n\n{answer}\n",
        organisation=question.organisation,
        author_name=question.organisation.display_name,
        status=Resource.Status.DRAFT,
    )
    if question.theme_id:
        resource.themes.set([question.theme])
    StatusChange.objects.create(
        resource=resource, to_status=Resource.Status.DRAFT, by=by, note="Gemaakt van een gestelde vraag"
    )
    knowledge_services.resource_publish(resource=resource, by=by)
    question.faq = resource
    question.save(update_fields=["faq"])
    return resource
