"""Writes with side effects for "Stel je vraag": ask, route, answer, alert, publish as FAQ, remove personal data."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from knowledge import services as knowledge_services
from knowledge.models import Organisation, Question, QuestionTransfer, Resource, StatusChange
from knowledge.questions.models import ANSWER_WITHIN_WORKING_DAYS
from knowledge.questions.routing import Ask, Partner, anonymise, faq_title, is_overdue, route
from wdhs import emails
from wdhs.models import Municipality, Term, User


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
    context = {"question": question, "working_days": ANSWER_WITHIN_WORKING_DAYS}
    if question.organisation is not None:
        emails.send("question-new-partner", to=_editor_emails(question.organisation), context=context)
    else:
        emails.send("question-new-staff", to=settings.STAFF_NOTIFICATION_EMAILS, context=context)


@transaction.atomic
def question_ask(
    *,
    name: str,
    email: str,
    text: str,
    municipality: Municipality | None,
    theme: Term | None,
    consent_publish: bool,
    partner: Organisation | None = None,
) -> Question:
    """Store a question, route it to the best partner (or the staff inbox) and confirm it to the asker.

    With `partner` (the asker chose "Stel deze partner je vraag") the question goes to that partner if it has an
    editor on the portal; otherwise to the staff inbox, which passes it on."""
    question = Question(
        name=name,
        email=email,
        text=text,
        municipality=municipality,
        theme=theme,
        consent_store=True,
        consent_publish=consent_publish,
    )
    if partner is not None:
        if partner.memberships.exists():
            organisation_id: int | None = partner.pk
            reason = f"De vraagsteller koos deze partner ({partner.name})."
        else:
            organisation_id = None
            reason = (
                f"De vraagsteller koos {partner.name}. Die partner heeft nog geen redacteur op het portaal: "
                "stuur de vraag door."
            )
    else:
        routed, reason = route(partners_for_routing(), ask_for(question))
        organisation_id = routed.pk if routed else None
    question.organisation_id = organisation_id
    question.routing = Question.Routing.AUTOMATIC
    question.routing_reason = reason[:300]
    question.save()
    emails.send(
        "question-received",
        to=[email],
        context={"question": question, "working_days": ANSWER_WITHIN_WORKING_DAYS},
    )
    _notify_assigned(question)
    return question


@transaction.atomic
def question_assign(*, question: Question, organisation: Organisation | None, by: User | None) -> Question:
    """Staff choose who answers (or put the question back in the staff inbox); the new editors get a mail."""
    question.organisation = organisation
    question.routing = Question.Routing.STAFF
    # The staff member's own name if they gave one; never (part of) their e-mail address.
    who = f" ({by.display_name})" if by is not None and by.display_name else ""
    question.routing_reason = (
        f"Gekozen door de redactie{who}." if organisation else f"Naar de inbox van de redactie gezet{who}."
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


STAFF_TARGET = "coalitie-redactie"


class CannotPassOn(Exception):
    """The question cannot be passed on now (answered meanwhile, or already with that organisation)."""


@transaction.atomic
def question_pass_on(*, question: Question, to: Organisation | None, by: User, note: str) -> QuestionTransfer:
    """An editor passes a question on to another partner (or to the editorial team, `to=None`) with a note.

    In one transaction, with the question row locked: the transfer is logged, the question moves, the receiving
    editors (or staff) get a mail with the note, and the asker is told who will answer now. The editor's
    e-mail address is never shown to the asker or the other partner.
    """
    locked = Question.objects.select_for_update().get(pk=question.pk)
    if locked.is_answered:
        raise CannotPassOn("Deze vraag is al beantwoord. Doorsturen kan niet meer.")
    if locked.organisation_id == (to.pk if to else None):
        raise CannotPassOn("De vraag staat daar al. Kies een andere organisatie.")
    source = question.organisation
    transfer = QuestionTransfer.objects.create(
        question=question, from_organisation=source, to_organisation=to, by=by, note=note
    )
    source_name = source.display_name if source else "de redactie"
    question.organisation = to
    question.routing = Question.Routing.PASSED_ON
    question.routing_reason = f"Doorgestuurd door {source_name}: {note}"[:300]
    question.save(update_fields=["organisation", "routing", "routing_reason"])
    context = {
        "question": question,
        "transfer": transfer,
        "source_name": source_name,
        "working_days": ANSWER_WITHIN_WORKING_DAYS,
    }
    if to is not None:
        emails.send("question-passed-on-partner", to=_editor_emails(to), context=context)
    else:
        emails.send("question-passed-on-staff", to=settings.STAFF_NOTIFICATION_EMAILS, context=context)
    emails.send("question-passed-on-asker", to=[question.email], context=context)
    return transfer


class AlreadyAnswered(Exception):
    """Another editor answered first; their answer was sent, this one is not."""

    def __init__(self, question: Question) -> None:
        who = question.answerer_name if question.answered_by else "iemand anders"
        super().__init__(f"Deze vraag is net beantwoord door {who}. Het antwoord is al naar de vraagsteller gestuurd.")
        self.question = question


@transaction.atomic
def question_answer(*, question: Question, answer: str, by: User) -> Question:
    """Store the answer and send it to the asker by e-mail, once: the first editor's answer goes out.

    The question row is locked (SELECT ... FOR UPDATE) and its state read again inside the transaction, so
    of two editors answering at the same moment the second waits for the first and gets AlreadyAnswered.
    """
    locked = Question.objects.select_for_update().get(pk=question.pk)
    if locked.is_answered:
        raise AlreadyAnswered(locked)
    question.answer = answer
    question.answered_at = timezone.now()
    question.answered_by = by
    question.save(update_fields=["answer", "answered_at", "answered_by"])
    emails.send("question-answered", to=[question.email], context={"question": question})
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
    emails.send(
        "questions-overdue",
        to=settings.STAFF_NOTIFICATION_EMAILS,
        context={"overdue": overdue, "working_days": ANSWER_WITHIN_WORKING_DAYS},
    )
    Question.objects.filter(pk__in=[q.pk for q in overdue]).update(alerted_at=now)
    return len(overdue)


@transaction.atomic
def questions_purge_personal_data(*, now: datetime | None = None) -> int:
    """Remove the asker's name and e-mail address 12 months after the answer (or after asking, if unanswered)."""
    now = now or timezone.now()
    return Question.objects.due_for_purge(now).update(name="", email="", personal_data_removed_at=now)


@transaction.atomic
def question_publish_faq(*, question: Question, by: User) -> Resource:
    """Turn an answered question into a published "veelgestelde vraag", without the asker's personal data."""
    # Two staff members (or a double click on the admin action) at the same moment: the row lock makes the
    # second wait for the first, and then it sees the FAQ the first one made.
    question.faq_id = Question.objects.select_for_update().values_list("faq_id", flat=True).get(pk=question.pk)
    if not question.consent_publish:
        raise ValueError("De vraagsteller gaf geen toestemming om deze vraag als voorbeeld te gebruiken.")
    if not question.is_answered:
        raise ValueError("Deze vraag heeft nog geen antwoord.")
    if question.faq_id:
        raise ValueError("Van deze vraag is al een veelgestelde vraag gemaakt.")
    organisation = question.organisation
    if organisation is None:
        raise ValueError(
            "Wijs de vraag eerst toe aan een organisatie; die staat als afzender bij de veelgestelde vraag."
        )
    text = anonymise(question.text, name=question.name, email=question.email)
    answer = anonymise(question.answer, name=question.name, email=question.email)
    title = faq_title(text)
    summary = answer if len(answer) <= 300 else answer[:299].rsplit(" ", 1)[0] + "…"
    resource = Resource.objects.create(
        kind=Term.objects.get(vocabulary="knowledge_kind", slug="veelgestelde-vraag"),
        title=title,  # the address follows from it (Resource.save), also when another FAQ takes it meanwhile
        summary=" ".join(summary.split()),
        body=f"## De vraag\n\n{text}\n\n## Het antwoord\n\n{answer}\n",
        organisation=organisation,
        author_name=organisation.display_name,
        status=Resource.Status.DRAFT,
    )
    if question.theme is not None:
        resource.themes.set([question.theme])
    StatusChange.objects.create(
        resource=resource, to_status=Resource.Status.DRAFT, by=by, note="Gemaakt van een gestelde vraag"
    )
    knowledge_services.resource_publish(resource=resource, by=by)
    question.faq = resource
    question.save(update_fields=["faq"])
    return resource
