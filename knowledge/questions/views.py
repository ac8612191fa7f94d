"""Stel je vraag at /vraag/, and the partner inbox at /mijn/vragen/ where editors answer."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from knowledge.models import Organisation, Question
from knowledge.questions import services
from knowledge.questions.forms import AnswerForm, AskForm, PartnerForm, PassOnForm, PrefillForm
from knowledge.questions.models import QuestionQuerySet
from wdhs.confirmation import Confirmation, copy_of, reference, remember
from wdhs.forms.public import handle_public_form
from wdhs.http import AuthenticatedHttpRequest
from wdhs.models import AnyUser

INBOX_PAGE_SIZE = 25
PREFILL_ERROR = (
    "De vraag in het webadres is te lang of bevat tekens die we niet kunnen lezen. We hebben hem niet ingevuld. "
    "Typ je vraag hieronder zelf."
)

PARTNER_ERROR = (
    "Deze partner kennen we niet. Je kunt je vraag wel stellen: dan sturen we hem naar de partner die het meeste "
    "weet van jouw thema en jouw regio."
)


@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    initial: dict[str, Any] = {}
    if request.user.is_authenticated:
        initial = {"name": request.user.display_name, "email": request.user.email}
    partner: Organisation | None = None
    if request.method == "GET" and "partner" in request.GET:
        # "Stel deze partner je vraag" on a page: the partner is filled in; an unknown one is left out, with a 400.
        chosen = PartnerForm(request.GET)
        partner = chosen.organisation() if chosen.is_valid() else None
        if partner is None:
            refused = {"form": AskForm(initial=initial), "prefill_error": PARTNER_ERROR}
            return render(request, "questions/ask.html", refused, status=400)
        initial["partner"] = partner.slug
    if request.method == "GET" and "vraag" in request.GET:
        # A search page with no answer sends its query along ("Stel je vraag"): filled in, never sent.
        prefill = PrefillForm(request.GET)
        if not prefill.is_valid():
            refused = {"form": AskForm(initial=initial), "prefill_error": PREFILL_ERROR, "partner": partner}
            return render(request, "questions/ask.html", refused, status=400)
        initial["text"] = prefill.text()
    form = AskForm(request.POST or None, initial=initial)
    context: dict[str, Any] = {"prefilled": request.method == "GET" and bool(initial.get("text"))}
    if request.method == "POST" and form.is_valid():
        partner = form.cleaned_data.get("partner")
    elif request.method == "POST":
        # The partner travels in a hidden field: say so above the form when it is unknown (the form answers 400).
        partner = Organisation.objects.filter(slug=str(request.POST.get("partner", ""))[:80]).first()
        if "partner" in form.errors:
            context["prefill_error"] = form.errors["partner"][0]
    context["partner"] = partner
    return handle_public_form(
        request,
        form,
        template="questions/ask.html",
        # Search words are rarely a question yet (and often under the minimum length): say what to add.
        context=context,
        action="questions-ask",
        limited_message="Je hebt al veel vragen gesteld. Probeer het over een uur opnieuw.",
        save=lambda data: _confirm_question(
            request,
            services.question_ask(
                name=data["name"],
                email=data["email"],
                text=data["text"].strip(),
                municipality=data["municipality"],
                theme=form.theme_term(),
                consent_publish=data["consent_publish"],
                partner=data.get("partner"),
            ),
        ),
        success_url="questions:thanks",
    )


def _confirm_question(request: HttpRequest, question: Question) -> Question:
    """The confirmation panel on the thank-you page: only this visitor sees it (wdhs.confirmation)."""
    who = f"{question.organisation.display_name}" if question.organisation else "De redactie van het portaal"
    remember(
        request,
        Confirmation(
            title="Je vraag is verstuurd",
            reference=reference("VR", question.pk),
            next_steps=(
                f"{who} beantwoordt je vraag, meestal binnen 5 werkdagen. Het antwoord krijg je per e-mail op "
                f"{question.email}. Je krijgt nu eerst een e-mail dat we je vraag hebben ontvangen."
            ),
            sent=copy_of(
                [
                    ("Je naam", question.name),
                    ("Je e-mailadres", question.email),
                    ("Je gemeente", question.municipality.display_name if question.municipality else ""),
                    ("Je vraag", question.text),
                    ("Mag op het portaal komen", "ja" if question.consent_publish else "nee"),
                ]
            ),
            links=[
                ("Zoek intussen in de kennisbank", reverse("knowledge:list")),
                ("Zoek geld voor je plan", reverse("funding:finder")),
            ],
        ),
    )
    return question


@require_GET
def thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "questions/thanks.html")


def answers_all(user: AnyUser) -> bool:
    """Coalition staff and the editorial team answer every question, and the staff inbox (wdhs/roles.py)."""
    return user.has_perm("knowledge.change_question")


def _inbox_queryset(request: AuthenticatedHttpRequest) -> QuestionQuerySet:
    return Question.objects.for_editor(request.user).select_related("organisation", "theme", "municipality")


@login_required
@require_GET
def inbox(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    organisations = list(Organisation.objects.edited_by(user).order_by("name"))
    sees_all = answers_all(user)
    if not organisations and not sees_all:
        raise Http404("Je bent geen redacteur van een organisatie.")
    questions = _inbox_queryset(request).order_by("created_at")
    show = request.GET.get("toon", "open")
    if show not in ("open", "beantwoord", "redactie"):
        show = "open"
    if show == "open":
        questions = questions.open()
    elif show == "beantwoord":
        questions = questions.answered().order_by("-answered_at")
    else:
        questions = questions.open().staff_inbox()
    page_obj = Paginator(questions, INBOX_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "questions/inbox.html",
        {"organisations": organisations, "page_obj": page_obj, "show": show, "sees_all": sees_all},
    )


@login_required
@require_http_methods(["GET", "POST"])
def inbox_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    # Editors see only their organisations' questions; for everyone else the question does not exist.
    question = get_object_or_404(_inbox_queryset(request), pk=pk)
    form = AnswerForm(request.POST or None)
    context = _detail_context(question, form)
    if request.method == "POST":
        if question.is_answered:
            messages.error(request, "Deze vraag is al beantwoord. Het antwoord is al verstuurd.")
            return render(request, "questions/inbox_detail.html", context, status=409)
        if form.is_valid():
            try:
                services.question_answer(question=question, answer=form.cleaned_data["answer"].strip(), by=request.user)
            except services.AlreadyAnswered as late:
                messages.error(request, str(late))
                context["question"] = late.question
                return render(request, "questions/inbox_detail.html", context, status=409)
            if question.email:
                messages.success(request, "Dank je! Je antwoord is per e-mail naar de vraagsteller gestuurd.")
            else:
                messages.success(request, "Je antwoord is opgeslagen. De vraagsteller had geen e-mailadres meer.")
            return redirect("questions:inbox")
        return render(request, "questions/inbox_detail.html", context, status=400)
    return render(request, "questions/inbox_detail.html", context)


def _detail_context(
    question: Question, form: AnswerForm | None = None, pass_on_form: PassOnForm | None = None
) -> dict[str, Any]:
    return {
        "question": question,
        "form": form or AnswerForm(),
        "pass_on_form": pass_on_form or PassOnForm(question=question),
        "transfers": list(question.transfers.select_related("from_organisation", "to_organisation", "by")[:20]),
    }


@login_required
@require_POST
def inbox_pass_on(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Pass a question on to another partner, or back to the editorial team, with a note (issue #14)."""
    # Only who may answer the question may pass it on; for everyone else it does not exist.
    question = get_object_or_404(_inbox_queryset(request), pk=pk)
    form = PassOnForm(request.POST, question=question)
    if not form.is_valid():
        context = _detail_context(question, pass_on_form=form)
        return render(request, "questions/inbox_detail.html", context, status=400)
    target = form.target_organisation()
    try:
        services.question_pass_on(question=question, to=target, by=request.user, note=form.cleaned_data["note"])
    except services.CannotPassOn as refused:
        messages.error(request, str(refused))
        question.refresh_from_db()
        return render(request, "questions/inbox_detail.html", _detail_context(question), status=409)
    who = target.name if target else "de redactie van de coalitie"
    messages.success(request, f"De vraag is doorgestuurd naar {who}. De vraagsteller krijgt een bericht.")
    if not answers_all(request.user):
        # The question is no longer theirs to see.
        return redirect("questions:inbox")
    return redirect("questions:inbox_detail", question.pk)


def dashboard_context(request: HttpRequest) -> dict[str, Any] | None:
    """The questions block on /mijn/: for partner editors and staff."""
    user = request.user
    if not user.is_authenticated:
        return None
    sees_all = answers_all(user)
    if not sees_all and not Organisation.objects.edited_by(user).exists():
        return None
    questions = Question.objects.for_editor(user)
    return {
        "open": questions.open().count(),
        "staff_inbox": questions.open().staff_inbox().count() if sees_all else 0,
        "latest": list(questions.open().select_related("organisation").order_by("created_at")[:5]),
        "sees_all": sees_all,
    }
