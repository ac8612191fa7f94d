"""One relatedness function for every page: what a knowledge item, scheme, organisation or initiative links on to.

`related(subject)` gives, for a page's subject, the funding schemes, initiatives and knowledge that share its
themes, its kind of initiative (an initiative's own kind, or the kind a knowledge item is about, such as
"energiecoöperatie"), its phase and its place, each with the reasons in plain Dutch, and the partner to ask
("Stel deze partner je vraag", which opens /vraag/?partner=<slug>). `recommendations(initiative)` is
"Aanbevolen voor jullie" on an initiative's own page: knowledge for each need its managers ticked, the schemes
that fit by the funding rules (knowledge/funding/rules.py, with their reasons), partners who work on its themes
and place, and peers further along.

Fast at national size (100,000 initiatives, 50,000 knowledge items, 2,000 organisations): every list is read from
a few bounded pools (the newest rows that share a theme, a kind or a place, each pool LIMITed and read along an
index), unioned into one query, then scored in Python over at most a few hundred rows. The number of queries per
page is fixed: it does not grow with the data (tests/knowledge/test_related.py counts them).

The pages get the blocks through the register in wdhs/related.py (registered in `register()` from
KnowledgeConfig.ready()), so the initiative pages show them without importing knowledge.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, cast
from urllib.parse import urlencode

from django.contrib.postgres.search import SearchQuery
from django.db.models import Exists, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Value
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from initiatives.models import Initiative
from initiatives.models import Membership as InitiativeMembership
from knowledge.funding.models import FundingScheme
from knowledge.funding.rules import Answers, Result, SchemeRules, Verdict, evaluate, join_names
from knowledge.funding.views import active_schemes
from knowledge.models import Membership, Organisation, Resource
from wdhs import pagecache
from wdhs.models import Municipality, Province, Term, Vocabulary
from wdhs.related import register_recommended, register_related
from wdhs.search.query import SEARCH_CONFIG
from wdhs.search.triggers import TitleVector

SHOWN = 3  # links per kind on a page
# Rows read per pool: enough to score (the narrow pools, such as same kind and theme in the same province, hold the
# best candidates), bounded whatever the size of the tables. Each candidate costs model objects to score; 40 per
# pool made an initiative's page build some 2,000 of them (make bench: 24 queries, 240 ms at one client).
POOL = 15
NEEDS_SHOWN = 2  # knowledge items per need

# The words that find knowledge for a need in a title (websearch syntax, Dutch stemming; compound parts count).
# A need staff add later is looked for by its own name.
NEED_WORDS = {
    "geld": "geld or fonds or fondsaanvraag or subsidie or crowdfunding or lening or begroting",
    "vrijwilligers": "vrijwilliger or vrijwilligers",
    "ruimte": "ruimte or gebouw or dorpshuis or buurthuis",
    "juridisch-advies": "rechtsvorm or stichting or vereniging or coöperatie or verzekering or kvk",
    "contact-gemeente": "gemeente or challenge",
    "zichtbaarheid": "zichtbaar or communicatie or nieuwsbrief or laten zien",
    "samenwerking": "samenwerken or samenwerking",
}


@dataclass(frozen=True)
class Link:
    """One link onward, with why it is shown ("Waarom: ...")."""

    title: str
    url: str
    kind: str  # the label above the title: "Regeling", "Initiatief", "Kennis", "Partner"
    reasons: tuple[str, ...] = ()
    meta: str = ""
    score: float = 0.0
    ask_url: str = ""  # partners only: /vraag/ with this partner filled in

    @property
    def why(self) -> str:
        return "; ".join(self.reasons)


@dataclass(frozen=True)
class Subject:
    """What a page is about, as plain data: the same for a knowledge item, scheme, organisation or initiative."""

    themes: dict[int, str] = field(default_factory=dict)  # id -> name
    initiative_kinds: dict[int, str] = field(default_factory=dict)
    phases: dict[int, str] = field(default_factory=dict)
    phase_position: int | None = None  # an initiative's own phase, for "al verder"
    legal_form: int | None = None
    municipalities: dict[int, str] = field(default_factory=dict)
    provinces: dict[int, str] = field(default_factory=dict)
    organisation: Organisation | None = None  # the publisher, the funder, or the organisation itself
    own_resource: int | None = None
    own_scheme: int | None = None
    own_initiative: int | None = None
    resource_words: str = ""  # title words that find knowledge about the subject's kind ("crowdfunding")


@dataclass
class Related:
    """The blocks of "Verder op het portaal"."""

    schemes: list[Link] = field(default_factory=list)
    initiatives: list[Link] = field(default_factory=list)
    resources: list[Link] = field(default_factory=list)
    partner: Link | None = None
    heading: str = "Verder op het portaal"

    def __bool__(self) -> bool:
        return bool(self.schemes or self.initiatives or self.resources or self.partner)


# --- small helpers ---


def _names(items: Iterable[str]) -> str:
    """ "energie en klimaat", or with more than one "‘wonen’ en ‘energie en klimaat’" (names can hold an "en")."""
    names = [name.lower() for name in items]
    return join_names(names if len(names) < 2 else [f"‘{name}’" for name in names], "en")


def plain(text: str) -> str:
    """Lower case without accents: "Energiecoöperatie" and "energiecooperatie" meet."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def ask_url(organisation: Organisation) -> str:
    return f"{reverse('questions:ask')}?{urlencode({'partner': organisation.slug})}"


def _initiative_kinds() -> list[tuple[int, str, tuple[str, ...]]]:
    """The kinds of initiative with the words that name them ("Buurthuis of ontmoetingsplek": two)."""

    def build() -> list[tuple[int, str, tuple[str, ...]]]:
        kinds = []
        for term in Term.objects.initiative_kinds():
            words = tuple(plain(w).strip() for w in re.split(r"/| of ", term.name) if len(w.strip()) > 3)
            kinds.append((term.pk, term.name, words))
        return kinds

    return cast(list[tuple[int, str, tuple[str, ...]]], pagecache.memo(("related-initiative-kinds",), build))


def kinds_mentioned(text: str, kinds: list[tuple[int, str, tuple[str, ...]]] | None = None) -> dict[int, str]:
    """The kinds of initiative a text is about: their name in it ("een energiecoöperatie starten")."""
    flat = plain(text)
    found = {}
    for pk, name, words in kinds if kinds is not None else _initiative_kinds():
        if any(re.search(rf"\b{re.escape(word)}", flat) for word in words):
            found[pk] = name
    return found


# --- the subject of each kind of page ---


def subject_for_resource(resource: Resource) -> Subject:
    mentioned = kinds_mentioned(f"{resource.title} {resource.summary}")
    return Subject(
        themes={t.pk: t.name for t in resource.themes.all()},
        initiative_kinds=mentioned,
        phases={t.pk: t.name for t in resource.phases.all()},
        municipalities={resource.municipality.pk: resource.municipality.display_name}
        if resource.municipality is not None
        else {},
        provinces={resource.province.pk: resource.province.name} if resource.province is not None else {},
        organisation=resource.organisation,
        own_resource=resource.pk,
    )


def subject_for_scheme(scheme: FundingScheme) -> Subject:
    kind_words = " or ".join(
        word for word in re.split(r"[\s()/-]+", plain(scheme.kind.name)) if len(word) > 3 and word != "fonds"
    )
    return Subject(
        themes={t.pk: t.name for t in scheme.themes.all()},
        phases={t.pk: t.name for t in scheme.phases.all()},
        municipalities={m.pk: m.display_name for m in scheme.municipalities.all()},
        provinces={p.pk: p.name for p in scheme.provinces.all()},
        organisation=scheme.funder,
        own_scheme=scheme.pk,
        resource_words=kind_words,
    )


def subject_for_organisation(organisation: Organisation) -> Subject:
    national = organisation.is_national
    return Subject(
        themes={t.pk: t.name for t in organisation.themes.all()},
        municipalities={} if national else {m.pk: m.display_name for m in organisation.municipalities.all()},
        provinces={} if national else {p.pk: p.name for p in organisation.provinces.all()},
        organisation=organisation,
    )


def subject_for_initiative(initiative: Initiative) -> Subject:
    municipality = initiative.municipality
    return Subject(
        themes={t.pk: t.name for t in initiative.themes.all()},
        initiative_kinds={initiative.kind_id: initiative.kind.name},
        phases={initiative.phase_id: initiative.phase.name},
        phase_position=initiative.phase.position,
        legal_form=initiative.legal_form_id,
        municipalities={municipality.pk: municipality.display_name},
        provinces={municipality.province_id: municipality.province.name},
        own_initiative=initiative.pk,
    )


# --- pools: a few bounded queries, unioned ---


def _union_keys(pools: list[QuerySet[Any]], order: str) -> list[int]:
    """The keys of the first POOL rows of each pool, in one query (each pool LIMITed along an index)."""
    sliced = [pool.order_by(order, "-pk").values_list("pk", flat=True)[:POOL] for pool in pools]
    if not sliced:
        return []
    first, *rest = sliced
    return list(first.union(*rest).order_by()) if rest else list(first)


def _shared_terms(through: Any, owner: str, keys: list[int], wanted: Iterable[int]) -> dict[int, set[int]]:
    """{row: the wanted terms it has}, as plain numbers from the link table (no Term objects per candidate)."""
    wanted = list(wanted)
    if not keys or not wanted:
        return {}
    shared: dict[int, set[int]] = {}
    pairs = through.objects.filter(**{f"{owner}_id__in": keys, "term_id__in": wanted})
    for row, term in pairs.values_list(f"{owner}_id", "term_id"):
        shared.setdefault(row, set()).add(term)
    return shared


def _has_term(through: Any, owner: str, ids: Iterable[int]) -> Exists:
    return Exists(through.objects.filter(**{f"{owner}_id": OuterRef("pk"), "term_id__in": list(ids)}))


def related_initiatives(
    subject: Subject, *, limit: int = SHOWN, further_along: bool = False, not_our_own: bool = False
) -> list[Link]:
    """Published initiatives that share the subject's themes, kind or place; with `further_along` only those in a
    later phase than the subject's own (peers who can tell how they did it). With `not_our_own` (the managers'
    own page) also none that a manager of the subject's initiative manages: those are theirs, not peers."""
    if not subject.themes and not subject.initiative_kinds:
        return []
    base = Initiative.objects.published()
    if subject.own_initiative is not None:
        base = base.exclude(pk=subject.own_initiative)
        if not_our_own:
            managers = InitiativeMembership.objects.filter(initiative_id=subject.own_initiative).values("user_id")
            base = base.exclude(
                pk__in=InitiativeMembership.objects.filter(user_id__in=managers).values("initiative_id")
            )
    if further_along and subject.phase_position is not None:
        base = base.filter(phase__position__gt=subject.phase_position)
    through = Initiative.themes.through
    themed = _has_term(through, "initiative", subject.themes) if subject.themes else None
    pools: list[QuerySet[Any]] = []
    if subject.initiative_kinds:
        kind = base.filter(kind_id__in=list(subject.initiative_kinds))
        pools.append(kind)
        if themed is not None:
            pools.append(kind.filter(themed))
        if subject.provinces:
            pools.append(kind.filter(municipality__province_id__in=list(subject.provinces)))
    if themed is not None:
        pools.append(base.filter(themed))
        if subject.provinces:
            pools.append(base.filter(themed, municipality__province_id__in=list(subject.provinces)))
        if subject.municipalities:
            pools.append(base.filter(themed, municipality_id__in=list(subject.municipalities)))
    keys = _union_keys(pools, "-confirmed_at")
    candidates = Initiative.objects.filter(pk__in=keys).select_related("kind", "phase", "municipality__province")
    themes_of = _shared_terms(through, "initiative", keys, subject.themes)
    links: list[_Scored] = []
    for other in candidates:
        score, reasons = 0.0, []
        other_themes = themes_of.get(other.pk, set())
        shared = [name for pk, name in subject.themes.items() if pk in other_themes]
        if shared:
            score += 2 * len(shared)
            reasons.append(f"werkt ook aan {_names(shared)}")
        if other.kind_id in subject.initiative_kinds:
            score += 3
            reasons.append(f"is een {other.kind.name.lower()}")
        if other.municipality_id in subject.municipalities:
            score += 2
            reasons.append(f"zit ook in {other.municipality.display_name}")
        elif other.municipality.province_id in subject.provinces:
            score += 1
            reasons.append(f"zit ook in {other.municipality.province.name}")
        if subject.phase_position is not None and other.phase.position > subject.phase_position:
            score += 1
            reasons.append(f"is al verder (fase: {other.phase.name.lower()})")
        if score >= 2:
            links.append(
                _Scored(
                    score,
                    other.name,
                    partial(_initiative_link, other, tuple(reasons), score),
                )
            )
    return _best(links, limit)


def _initiative_link(other: Initiative, reasons: tuple[str, ...], score: float) -> Link:
    return Link(
        title=other.name,
        url=other.get_absolute_url(),
        kind="Initiatief",
        reasons=reasons,
        meta=f"{other.kind.name} in {other.municipality.display_name}",
        score=score,
    )


def _scheme_link(scheme: FundingScheme, reasons: tuple[str, ...], score: float) -> Link:
    return Link(
        title=scheme.name,
        url=scheme.get_absolute_url(),
        kind="Regeling",
        reasons=reasons,
        meta=f"{scheme.kind.name} · {scheme.funder_display} · {', '.join(scheme.region_names)}",
        score=score,
    )


def _resource_link(item: Resource, reasons: tuple[str, ...], score: float) -> Link:
    return Link(
        title=item.title,
        url=item.get_absolute_url(),
        kind="Kennis",
        reasons=reasons,
        meta=f"{item.kind.name} · {item.organisation.display_name}",
        score=score,
    )


def _partner_candidate_link(organisation: Organisation, reason: str, score: float) -> Link:
    return Link(
        title=organisation.name,
        url=organisation.get_absolute_url(),
        kind="Partner",
        reasons=(reason,),
        meta=organisation.get_kind_display(),
        score=score,
        ask_url=ask_url(organisation),
    )


@dataclass(frozen=True)
class _Scored:
    """A candidate with its score; its Link (an address reversed, labels joined) is made only when it is shown:
    a page scores a few hundred candidates and shows three of each kind."""

    score: float
    title: str
    make: Callable[[], Link]


def _best(links: list[_Scored], limit: int) -> list[Link]:
    return [scored.make() for scored in sorted(links, key=lambda link: (-link.score, link.title))[:limit]]


def _scheme_region_fits(scheme: FundingScheme, subject: Subject) -> bool | None:
    """True: gives money where the subject is; False: only elsewhere; None: the subject has no place."""
    if scheme.scope == FundingScheme.Scope.NATIONAL:
        return True
    if not subject.municipalities and not subject.provinces:
        return None
    return any(m.pk in subject.municipalities for m in scheme.municipalities.all()) or any(
        p.pk in subject.provinces for p in scheme.provinces.all()
    )


def related_schemes(subject: Subject, *, limit: int = SHOWN) -> list[Link]:
    """Active schemes for the subject's themes (not those for every theme), and the funder's own schemes."""
    base = FundingScheme.objects.active()
    if subject.own_scheme is not None:
        base = base.exclude(pk=subject.own_scheme)
    pools: list[QuerySet[Any]] = []
    if subject.themes:
        pools.append(base.filter(_has_term(FundingScheme.themes.through, "fundingscheme", subject.themes)))
    if subject.organisation is not None:
        pools.append(base.filter(funder=subject.organisation))
    keys = _union_keys(pools, "-updated_at")
    candidates = (
        FundingScheme.objects.filter(pk__in=keys)
        .select_related("kind", "funder")
        .prefetch_related("themes", "provinces", "municipalities")
    )
    links: list[_Scored] = []
    for scheme in candidates:
        score, reasons = 0.0, []
        scheme_themes = {t.pk for t in scheme.themes.all()}
        shared = [name for pk, name in subject.themes.items() if pk in scheme_themes]
        if shared:
            # A scheme about only these themes fits better than one for many themes.
            score += 2 * len(shared) + len(shared) / len(scheme_themes)
            reasons.append(f"geld voor {_names(shared)}")
        if subject.organisation is not None and scheme.funder_id == subject.organisation.pk:
            score += 4
            reasons.append(f"een regeling van {subject.organisation.display_name}")
        fits = _scheme_region_fits(scheme, subject)
        if fits is False:
            continue
        if fits and scheme.scope != FundingScheme.Scope.NATIONAL:
            score += 1
            reasons.append("geeft geld in jullie regio" if subject.own_initiative else "geeft geld in deze regio")
        if score:
            links.append(
                _Scored(
                    score,
                    scheme.name,
                    partial(_scheme_link, scheme, tuple(reasons), score),
                )
            )
    return _best(links, limit)


def _title_matches(words: str) -> Q:
    return Q(_title_vector=SearchQuery(words, config=SEARCH_CONFIG, search_type="websearch"))


def _with_title_vector(qs: QuerySet[Resource]) -> QuerySet[Resource]:
    return qs.annotate(_title_vector=TitleVector(F("search_vector")))


def related_resources(subject: Subject, *, limit: int = SHOWN) -> list[Link]:
    """Published knowledge for the subject's themes and phase, about its kind, or by its organisation."""
    base = Resource.objects.published()
    if subject.own_resource is not None:
        base = base.exclude(pk=subject.own_resource)
    through = Resource.themes.through
    pools: list[QuerySet[Any]] = []
    if subject.themes:
        themed = base.filter(_has_term(through, "resource", subject.themes))
        pools.append(themed)
        if subject.phases:
            pools.append(themed.filter(_has_term(Resource.phases.through, "resource", subject.phases)))
    words = " or ".join(filter(None, [subject.resource_words, *(_kind_words(subject))]))
    if words:
        pools.append(_with_title_vector(base).filter(_title_matches(words)))
    keys = _union_keys(pools, "-published_at")
    candidates = Resource.objects.filter(pk__in=keys).select_related("kind", "organisation")
    themes_of = _shared_terms(through, "resource", keys, subject.themes)
    phases_of = _shared_terms(Resource.phases.through, "resource", keys, subject.phases)
    links: list[_Scored] = []
    kinds = _initiative_kinds() if subject.initiative_kinds else []
    for item in candidates:
        score, reasons = 0.0, []
        item_themes = themes_of.get(item.pk, set())
        shared = [name for pk, name in subject.themes.items() if pk in item_themes]
        if shared:
            score += 2 * len(shared)
            reasons.append(f"over {_names(shared)}")
        about = [name for pk, name in subject.initiative_kinds.items() if kinds_mentioned(item.title, kinds).get(pk)]
        if about:
            score += 3
            reasons.append(f"over een {about[0].lower()}")
        item_phases = phases_of.get(item.pk, set())
        phases = [name for pk, name in subject.phases.items() if pk in item_phases]
        if phases and shared:
            score += 1
            reasons.append(f"voor de fase {_names(phases)}")
        if subject.resource_words and not about and not shared:
            score += 2
            reasons.append("over deze soort financiering")
        if score:
            links.append(
                _Scored(
                    score,
                    item.title,
                    partial(_resource_link, item, tuple(reasons), score),
                )
            )
    return _best(links, limit)


def _kind_words(subject: Subject) -> list[str]:
    words = []
    for pk, _name, names in _initiative_kinds():
        if pk in subject.initiative_kinds:
            words += [w for w in names if " " not in w]
    return [" or ".join(words)] if words else []


def partners(subject: Subject, *, limit: int = SHOWN) -> list[Link]:
    """Organisations that work on the subject's themes where it is (or in all the Netherlands); local first."""
    if not subject.themes:
        return []
    through = Organisation.themes.through
    rows = Organisation.objects.filter(_has_term(through, "organisation", subject.themes))
    near = Q(is_national=True)
    order = []
    if subject.municipalities:
        rows = rows.annotate(
            _local=Exists(
                Organisation.municipalities.through.objects.filter(
                    organisation_id=OuterRef("pk"), municipality_id__in=list(subject.municipalities)
                )
            )
        )
        near |= Q(_local=True)
        order.append("-_local")
    if subject.provinces:
        rows = rows.annotate(
            _regional=Exists(
                Organisation.provinces.through.objects.filter(
                    organisation_id=OuterRef("pk"), province_id__in=list(subject.provinces)
                )
            )
        )
        near |= Q(_regional=True)
        order.append("-_regional")
    rows = rows.filter(near).annotate(_answers=Exists(Membership.objects.filter(organisation_id=OuterRef("pk"))))
    keys = list(rows.order_by(*order, "-_answers", "name").values_list("pk", flat=True)[:POOL])
    # Only the subject's own places are read back: a regional partner may work in dozens of municipalities.
    candidates = Organisation.objects.filter(pk__in=keys).prefetch_related(
        Prefetch("municipalities", queryset=Municipality.objects.filter(pk__in=list(subject.municipalities))),
        Prefetch("provinces", queryset=Province.objects.filter(pk__in=list(subject.provinces))),
    )
    themes_of = _shared_terms(through, "organisation", keys, subject.themes)
    links: list[_Scored] = []
    for organisation in candidates:
        organisation_themes = themes_of.get(organisation.pk, set())
        shared = [name for pk, name in subject.themes.items() if pk in organisation_themes]
        where = [m.display_name for m in organisation.municipalities.all() if m.pk in subject.municipalities] or [
            p.name for p in organisation.provinces.all() if p.pk in subject.provinces
        ]
        score = 2 * len(shared) + (2 if where else 0)
        reason = " ".join([f"werkt aan {_names(shared)}", f"in {where[0]}" if where else "in heel Nederland"])
        links.append(
            _Scored(
                score,
                organisation.name,
                partial(_partner_candidate_link, organisation, reason, score),
            )
        )
    return _best(links, limit)


def _partner_link(organisation: Organisation, reason: str) -> Link:
    return Link(
        title=organisation.name,
        url=organisation.get_absolute_url(),
        kind="Partner",
        reasons=(reason,),
        meta=organisation.get_kind_display(),
        ask_url=ask_url(organisation),
    )


# --- the one function the pages share ---


def related(subject: Any) -> Related:
    """Links onward for a knowledge item, funding scheme, organisation or initiative (see the module's docstring)."""
    if isinstance(subject, Resource):
        about = subject_for_resource(subject)
        return Related(
            schemes=related_schemes(about),
            initiatives=related_initiatives(about),
            partner=_partner_link(subject.organisation, f"{subject.organisation.display_name} schreef dit stuk."),
        )
    if isinstance(subject, FundingScheme):
        about = subject_for_scheme(subject)
        partner = (
            _partner_link(subject.funder, f"{subject.funder.display_name} geeft dit geld.")
            if subject.funder is not None
            else next(iter(partners(about, limit=1)), None)
        )
        return Related(
            schemes=related_schemes(about),
            initiatives=related_initiatives(about),
            resources=related_resources(about),
            partner=partner,
        )
    if isinstance(subject, Organisation):
        about = subject_for_organisation(subject)
        own = own_schemes(subject)
        return Related(
            schemes=own,
            initiatives=related_initiatives(about),
            partner=_partner_link(subject, f"{subject.display_name} werkt aan {_names(about.themes.values())}.")
            if about.themes
            else _partner_link(subject, f"Stel {subject.display_name} je vraag."),
            heading="Ook op het portaal",
        )
    if isinstance(subject, Initiative):
        about = subject_for_initiative(subject)
        return Related(
            schemes=related_schemes(about),
            initiatives=related_initiatives(about),
            resources=related_resources(about),
            partner=next(iter(partners(about, limit=1)), None),
        )
    return Related()


def own_schemes(organisation: Organisation, *, limit: int = 10) -> list[Link]:
    """An organisation's own active schemes, for its profile page (a fund's first question: can I apply?)."""
    schemes = (
        FundingScheme.objects.active()
        .filter(funder=organisation)
        .select_related("kind")
        .prefetch_related("provinces", "municipalities")
        .order_by("name")[:limit]
    )
    return [
        Link(
            title=scheme.name,
            url=scheme.get_absolute_url(),
            kind="Regeling",
            reasons=(f"een regeling van {organisation.display_name}",),
            meta=f"{scheme.kind.name} · {scheme.amount_label} · {', '.join(scheme.region_names)}",
        )
        for scheme in schemes
    ]


# --- "Aanbevolen voor jullie" ---


@dataclass
class Recommendations:
    needs: list[tuple[str, list[Link]]] = field(default_factory=list)  # (need name, knowledge for it)
    schemes: list[Link] = field(default_factory=list)
    partners: list[Link] = field(default_factory=list)
    peers: list[Link] = field(default_factory=list)
    finder_url: str = ""

    def __bool__(self) -> bool:
        return bool(self.needs or self.schemes or self.partners or self.peers)

    @property
    def first_of_each(self) -> list[Link]:
        """The best of each source, for the short list on /mijn/."""
        firsts = [links[0] for _need, links in self.needs[:1]]
        return firsts + [links[0] for links in (self.schemes, self.partners, self.peers) if links]


def knowledge_for_needs(
    subject: Subject, needs: list[Term], *, per_need: int = NEEDS_SHOWN
) -> list[tuple[str, list[Link]]]:
    """For each need, the newest knowledge with the need's words in its title (one query for all needs);
    "kennis" is knowledge for the initiative's themes and phase."""
    if not needs:
        return []
    base = _with_title_vector(Resource.objects.published())
    pools = []
    for need in needs:
        if need.slug == "kennis":
            continue
        words = NEED_WORDS.get(need.slug) or plain(need.name)
        pools.append(base.filter(_title_matches(words)).annotate(_need=models_value(need.pk)))
    found: dict[int, list[Resource]] = {}
    if pools:
        sliced = [pool.order_by("-published_at", "-pk").values_list("_need", "pk")[: per_need + 1] for pool in pools]
        first, *rest = sliced
        rows = list(first.union(*rest, all=True).order_by()) if rest else list(first)
        items = Resource.objects.select_related("kind", "organisation").in_bulk([pk for _, pk in rows])
        for need_pk, pk in rows:
            found.setdefault(need_pk, []).append(items[pk])
    result = []
    for need in needs:
        if need.slug == "kennis":
            links = related_resources(subject, limit=per_need)
        else:
            seen = sorted(found.get(need.pk, []), key=lambda r: r.published_at or timezone.now(), reverse=True)
            links = [
                Link(
                    title=item.title,
                    url=item.get_absolute_url(),
                    kind="Kennis",
                    reasons=(f"jullie hebben {need.name.lower()} nodig",),
                    meta=f"{item.kind.name} · {item.organisation.display_name}",
                )
                for item in seen[:per_need]
            ]
        if links:
            result.append((need.name, links))
    return result


def models_value(value: int) -> Value:
    return Value(value, output_field=IntegerField())


def _answers_for(initiative: Initiative, rules: SchemeRules) -> Answers:
    """The funding finder's answers that the initiative's own data gives; the theme the scheme asks for if it has it."""
    themes = {t.slug: t.name for t in initiative.themes.all()}
    theme = next((slug for slug in rules.themes if slug in themes), next(iter(themes), None))
    municipality = initiative.municipality
    return Answers(
        theme=theme,
        theme_name=themes.get(theme or "", ""),
        municipality=municipality.slug,
        municipality_name=municipality.display_name,
        province=municipality.province.slug,
        legal_form=initiative.legal_form.slug,
        legal_form_name=initiative.legal_form.name,
        phase=initiative.phase.slug,
        phase_name=initiative.phase.name,
        founded_year=initiative.founded_year,
        today=timezone.localdate(),
    )


def fitting_schemes(initiative: Initiative, *, limit: int = SHOWN, wants_money: bool = False) -> list[Link]:
    """The schemes the funding rules say fit the initiative (else maybe fit), with the rules' own reasons."""
    scored: list[tuple[int, int, str, FundingScheme, Result]] = []
    for scheme, rules in active_schemes():
        result = evaluate(rules, _answers_for(initiative, rules))
        if result.verdict == Verdict.DOES_NOT_FIT:
            continue
        fits = sum(1 for check in result.checks if check.verdict == Verdict.FITS)
        scored.append((int(result.verdict), -fits, scheme.name, scheme, result))
    scored.sort(key=lambda row: row[:3])
    links = []
    for verdict, _fits, _name, scheme, result in scored[:limit]:
        reasons = [check.reason for check in result.reasons if check.verdict == Verdict.FITS]
        reasons += [f"Let op: {check.reason}" for check in result.reasons if check.verdict == Verdict.MAYBE]
        if wants_money:
            reasons.insert(0, "Jullie hebben geld nodig.")
        label = "Past waarschijnlijk" if verdict == Verdict.FITS else "Past misschien"
        links.append(
            Link(
                title=scheme.name,
                url=scheme.get_absolute_url(),
                kind=f"Regeling · {label.lower()}",
                reasons=tuple(reasons[:4]),
                meta=f"{scheme.kind.name} · {scheme.funder_display} · {scheme.amount_label}",
            )
        )
    return links


def recommendations(initiative: Initiative) -> Recommendations:
    """ "Aanbevolen voor jullie" for an initiative's managers, from its needs, phase, kind, legal form and place."""
    about = subject_for_initiative(initiative)
    needs = list(initiative.needs.all())
    slugs = {need.slug for need in needs}
    return Recommendations(
        needs=knowledge_for_needs(about, needs),
        schemes=fitting_schemes(initiative, wants_money="geld" in slugs),
        partners=partners(about),
        peers=related_initiatives(
            about, further_along=initiative.phase.position < _last_phase_position(), not_our_own=True
        )
        or related_initiatives(about, not_our_own=True),
        finder_url=f"{reverse('funding:finder')}?{urlencode({'initiatief': initiative.slug})}",
    )


def _last_phase_position() -> int:
    def build() -> int:
        return max(Term.objects.filter(vocabulary=Vocabulary.PHASE).values_list("position", flat=True), default=0)

    return cast(int, pagecache.memo(("related-last-phase",), build))


# --- the blocks, registered in wdhs.related ---


def _initiative_with_relations(initiative: Initiative) -> Initiative:
    """The initiative with what the functions read, unless the page already read it (the detail page does)."""
    cache = getattr(initiative, "_prefetched_objects_cache", {})
    if "themes" in cache and "needs" in cache:
        return initiative
    return Initiative.objects.with_relations().get(pk=initiative.pk)


def related_block(request: HttpRequest | None, subject: Any) -> dict[str, Any] | None:
    if isinstance(subject, Initiative):
        subject = _initiative_with_relations(subject)
    links = related(subject)
    return {"related": links} if links else None


def recommended_block(request: HttpRequest | None, subject: Any) -> dict[str, Any] | None:
    if not isinstance(subject, Initiative):
        return None
    result = recommendations(_initiative_with_relations(subject))
    return {"recommended": result, "initiative": subject}


def register() -> None:
    for model in (Resource, FundingScheme, Organisation, Initiative):
        register_related(model._meta.label_lower, related_block)
    register_recommended(Initiative._meta.label_lower, recommended_block)
