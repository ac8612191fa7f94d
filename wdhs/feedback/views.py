"""/reactie/<soort>/<slug>/: the form behind "Was deze pagina nuttig?" and "Meld een fout".

The detail pages themselves hold no form with a CSRF token (they stay in the page cache): their Ja and Nee
buttons are a GET form to this page, which asks the optional question and sends it with a token.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from wdhs import feedback
from wdhs.confirmation import Confirmation, copy_of, reference, remember
from wdhs.feedback.forms import FeedbackForm, Kind
from wdhs.forms.public import handle_public_form

RATE_LIMIT = 20  # reactions per hour per visitor address: a reader may react to many pages, a flood may not
START = {"ja": Kind.USEFUL, "nee": Kind.NOT_USEFUL, "fout": Kind.ERROR}

NEXT_STEPS = {
    Kind.USEFUL: "We tellen je antwoord mee. Zo weten de schrijvers welke pagina's mensen verder helpen.",
    Kind.NOT_USEFUL: (
        "{readers} leest je reactie, meestal binnen 5 werkdagen, en past de pagina aan als dat nodig is."
    ),
    Kind.ERROR: "{readers} kijkt binnen 5 werkdagen naar de fout en verbetert de pagina als het nodig is.",
}


@require_http_methods(["GET", "POST"])
def give(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    target = feedback.target(kind)
    if target is None:
        raise Http404("Op dit soort pagina kun je niet reageren.")
    page = target.public().filter(slug=slug).first()
    if page is None:
        raise Http404("Deze pagina bestaat niet (meer).")
    start = START.get(request.GET.get("antwoord", ""), "")
    if start == Kind.ERROR and target.report_url is not None:
        start = ""
    form = FeedbackForm(
        request.POST if request.method == "POST" else None,
        initial={"kind": start} if start else None,
        allow_error=target.report_url is None,
    )
    readers = target.readers(page) or "De redactie van het portaal"
    answer = "" if request.method != "POST" else str(request.POST.get("kind", ""))

    def save(data: dict[str, Any]) -> object:
        saved = feedback.feedback_give(
            target=target, page=page, kind=data["kind"], message=data["message"], email=data["email"]
        )
        next_steps = NEXT_STEPS[Kind(saved.kind)].format(readers=readers)
        if saved.email:
            next_steps += " Je vroeg om een antwoord: dat krijg je op het e-mailadres dat je gaf."
        remember(
            request,
            Confirmation(
                title="Dank je wel voor je reactie",
                reference=reference("RE", saved.pk),
                next_steps=next_steps,
                sent=copy_of(
                    [
                        ("Pagina", saved.page_title),
                        ("Je antwoord", saved.get_kind_display()),
                        ("Je toelichting", saved.message),
                        ("Je e-mailadres", saved.email),
                    ]
                ),
                links=[
                    ("Zoek verder in de kennisbank", reverse("knowledge:list")),
                    ("Stel je vraag aan een partner", reverse("questions:ask")),
                ],
            ),
        )
        return saved

    return handle_public_form(
        request,
        form,
        template="feedback/give.html",
        context={
            "page": page,
            "target": target,
            "readers": readers,
            "answer": answer or start,
            "report_url": target.report_url(page) if target.report_url is not None else "",
        },
        action="feedback",
        limit=RATE_LIMIT,
        limited_message="Je hebt al veel reacties gestuurd. Probeer het over een uur opnieuw.",
        save=save,
        success_url=page.get_absolute_url(),
    )
