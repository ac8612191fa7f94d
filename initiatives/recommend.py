"""Suggestions for a collective ("Aanbevolen voor jullie"), each with the reason it was suggested, best first.

Today the suggestions are peer initiatives that resemble it: people who can tell how they did it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q

from initiatives.models import Initiative

MAX_SUGGESTIONS = 6


@dataclass(frozen=True)
class Suggestion:
    title: str
    url: str
    kind: str  # shown as a label, e.g. "Initiatief", "Kennis", "Organisatie"
    score: float
    reasons: tuple[str, ...] = field(default_factory=tuple)


def suggestions_for(initiative: Initiative, *, limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
    return sorted(peer_initiatives(initiative), key=lambda s: (-s.score, s.title))[:limit]


def peer_initiatives(initiative: Initiative) -> list[Suggestion]:
    """Published initiatives that share themes, kind or region: people who can tell how they did it."""
    theme_ids = list(initiative.themes.values_list("pk", flat=True))
    province_id = initiative.municipality.province_id
    later_phases = {"starten": 1, "groeien": 2, "blijven-bestaan": 3}
    candidates = (
        Initiative.objects.published()
        .exclude(pk=initiative.pk)
        .filter(Q(themes__in=theme_ids) | Q(kind_id=initiative.kind_id) | Q(municipality__province_id=province_id))
        .annotate(shared_themes=Count("themes", filter=Q(themes__in=theme_ids), distinct=True))
        .select_related("municipality__province", "kind", "phase")
        .distinct()[:200]
    )
    own_step = later_phases.get(initiative.phase.slug, 0)
    suggestions = []
    for other in candidates:
        score, reasons = 0.0, []
        if other.shared_themes:
            score += 2 * other.shared_themes
            reasons.append("werkt aan hetzelfde thema" if other.shared_themes == 1 else "werkt aan dezelfde thema's")
        if other.kind_id == initiative.kind_id:
            score += 2
            reasons.append(f"is ook een {other.kind.name.lower()}")
        if other.municipality.province_id == province_id:
            score += 1.5 if other.municipality_id != initiative.municipality_id else 3
            where = other.municipality.display_name if other.municipality_id == initiative.municipality_id else None
            reasons.append(f"zit ook in {where}" if where else f"zit ook in {other.municipality.province.name}")
        if later_phases.get(other.phase.slug, 0) > own_step:
            score += 1
            reasons.append(f"is al verder (fase: {other.phase.name.lower()})")
        if score >= 3:
            suggestions.append(
                Suggestion(
                    title=other.name,
                    url=other.get_absolute_url(),
                    kind="Initiatief",
                    score=score,
                    reasons=tuple(reasons),
                )
            )
    return suggestions
