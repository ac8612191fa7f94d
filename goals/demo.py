"""Demo content: a few progress updates about the programme and the portal (no made-up figures)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from goals.models import Goal, Update

UPDATES = [
    (
        5,
        "kennisplatform-gaat-open",
        "Het kennisplatform gaat open",
        30,
        "De partners van We Doen Het Samen zetten hun kennis op één plek. Op dit platform vind je artikelen, "
        "handleidingen en voorbeelden van andere bewoners.\n\n"
        "Zo werken we aan doel 5: kennis en diensten bundelen, zodat initiatieven sneller vinden wat ze nodig "
        "hebben. Mis je iets? Laat het ons weten via de contactpagina.",
    ),
    (
        2,
        "initiatieven-zichtbaar-per-gemeente",
        "Initiatieven zichtbaar per gemeente",
        14,
        "Op het platform kun je je initiatief aanmelden. Je ziet dan ook welke initiatieven er al zijn in jouw "
        "gemeente.\n\n"
        "Voor doel 2 houden we bij in hoeveel gemeenten minstens één initiatief staat. Dat getal telt het "
        "platform zelf. Het laat zien waar bewoners al samen aan de slag zijn, en waar gemeenten een partner "
        "kunnen vinden.",
    ),
    (
        3,
        "zo-houden-we-wetten-bij",
        "Zo houden we bij welke wetten veranderen",
        3,
        "Doel 3 gaat over wetten die lokale gemeenschappen sterker maken. Dat kan het portaal niet zelf tellen.\n\n"
        "Daarom vult de redactie dit getal in, steeds met een bron. Zolang er nog geen meting is, zie je op de "
        "pagina van het doel: nog geen metingen. Zo weet je altijd waar een getal vandaan komt.",
    ),
]


def load() -> str:
    created = 0
    for number, slug, title, days_ago, body in UPDATES:
        goal = Goal.objects.filter(number=number).first()
        if goal is None:
            continue
        # Relative dates: demo news should not claim a real day in the programme's history.
        published_at = timezone.now() - datetime.timedelta(days=days_ago)
        _, was_created = Update.objects.get_or_create(
            slug=slug,
            defaults={
                "goal": goal,
                "title": title,
                "body": body,
                "published_at": published_at,
                "is_published": True,
            },
        )
        created += was_created
    return f"{created} voortgangsbericht(en) toegevoegd."
