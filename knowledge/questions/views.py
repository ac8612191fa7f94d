"""Stel je vraag at /vraag/, and the partner inbox at /mijn/vragen/ where editors answer."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from knowledge.models import Organisation, Question
from knowledge.questions import services
from knowledge.questions.forms import AnswerForm, AskForm, PassOnForm, PrefillForm
from knowledge.questions.models import QuestionQuerySet
from wdhs.forms.public import handle_public_form
from wdhs.http import AuthenticatedHttpRequest
from wdhs.models import AnyUser

INBOX_PAGE_SIZE = 25
PREFILL_ERROR = (
    "De vraag in het webadres is te lang of bevat tekens die we niet kunnen lezen. We hebben hem niet ingevuld. "
    "Typ je vraag hieronder zelf."
)


@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest) -> HttpResponse:
    initial = {}
    if request.user.is_authenticated:
        initial = {"name": request.user.display_name, "email": request.user.email}
    if request.method == "GET" and "vraag" in request.GET:
        # A search page with no answer sends its query along ("Stel je vraag"): filled in, never sent.
        prefill = PrefillForm(request.GET)
        if not prefill.is_valid():
            context = {"form": AskForm(initial=initial), "prefill_error": PREFILL_ERROR}
            return render(request, "questions/ask.html", context, status=400)
        initial["text"] = prefill.text()
    form = AskForm(request.POST or None, initial=initial)
    return handle_public_form(
        request,
        form,
        template="questions/ask.html",
        # Search words are rarely a question yet (and often under the minimum length): say what to add.
        context={"prefilled": request.method == "GET" and bool(initial.get("text"))},
        action="questions-ask",
        limited_message="Je hebt al veel vragen gesteld. Probeer het over een uur opnieuw.",
        save=lambda data: services.question_ask(
            name=data["name"],
            email=data["email"],
            text=data["text"].strip(),
            municipality=data["municipality"],
            theme=form.theme_term(),
            consent_publish=data["consent_publish"],
        ),
        success_url="questions:thanks",
    )


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
