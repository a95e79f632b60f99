"""Canonical people, organisations and countries: one block (merge key) at a time.

People are compared by name (titles off, transliterations folded), country, role and the
company they keep in events; two people who only share a surname stay apart unless their
country and role agree, or one is the only person of that name acting for that country.
Organisations meet through kg's table, their name, or their abbreviation; countries through
their ISO 3166 code or Wikidata ID.  See ``docs`` in ``kg/merge/__init__.py`` for the rules.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph as ox

from kg.merge.cluster import Clusters
from kg.merge.links import BlockWriter, Edge
from kg.merge.names import PersonName, acronym, as_acronym, match_names, org_norm, parse_person_name
from kg.merge.options import MergeOptions
from kg.merge.read import ALT_LABEL, LABEL, TYPE, CountryInfo, OrgInfo, P, PersonInfo
from kg.rdf.iris import canonical_entity_iri, country_iri, wikidata_iri
from kg.reference import gazetteer
from kg.vocab import KG

Rep = tuple[str, str | None]
"""A member's canonical node and, when kg minted it, its label (what events show)."""

NAME_SCORES = {"same": 0.9, "variant": 0.85, "initial": 0.8, "surname": 0.6}
NAME_RULES = {
    "same": "person-same-name", "variant": "person-name-variant", "initial": "person-name-initial",
    "surname": "person-surname",
}
_RANK = {"same": 0, "variant": 1, "initial": 2, "surname": 3}


@dataclass(frozen=True, slots=True)
class Context:
    base: str
    language: str
    options: MergeOptions


def _lit(text: str, language: str) -> ox.Literal:
    return ox.Literal(text, language=language)


def _countries_text(codes: Iterable[str]) -> str:
    return ", ".join(sorted(codes))


# ------------------------------------------------------------------------------- people


@dataclass(frozen=True, slots=True)
class PersonFeatures:
    names: frozenset[PersonName]
    countries: frozenset[str]
    titles: frozenset[tuple[str, str | None]]
    co: frozenset[str]
    wikidata: frozenset[str]

    @classmethod
    def of(cls, info: PersonInfo) -> PersonFeatures:
        assert info.name is not None
        return cls(frozenset({info.name}), info.countries, info.titles, info.co, info.wikidata)

    @property
    def full_names(self) -> list[PersonName]:
        return sorted((n for n in self.names if n.given), key=lambda n: (n.given, n.surname, n.display))


def combine_people(a: PersonFeatures, b: PersonFeatures) -> PersonFeatures | None:
    """The features of two groups as one person, or None when they cannot be one."""
    if a.countries and b.countries and not a.countries & b.countries:
        return None
    if a.wikidata and b.wikidata and not a.wikidata & b.wikidata:
        return None
    for x in a.full_names:
        for y in b.full_names:
            if match_names(x, y) is None:
                return None
    return PersonFeatures(a.names | b.names, a.countries | b.countries, a.titles | b.titles,
                          a.co | b.co, a.wikidata | b.wikidata)


def _best_name_match(a: PersonFeatures, b: PersonFeatures) -> tuple[str, PersonName, PersonName] | None:
    best = None
    for x in sorted(a.names, key=lambda n: n.display):
        for y in sorted(b.names, key=lambda n: n.display):
            match = match_names(x, y)
            if match is not None and (best is None or _RANK[match] < _RANK[best[0]]):
                best = (match, x, y)
    return best


def score_people(a: PersonFeatures, b: PersonFeatures, *, only_candidate: bool = False) -> Edge | None:
    """How sure kg is that two groups are one person (None: they are not).

    ``only_candidate``: ``a`` is known under its surname alone and ``b`` is the only person of
    that name in the merged documents who can be ``a``: the only one acting for ``a``'s
    country, or (when ``a``'s country is unknown) the only one at all.
    """
    if a.wikidata and b.wikidata:
        shared = sorted(a.wikidata & b.wikidata)
        if not shared:
            return None
        return Edge(1.0, "wikidata-id", (f"both are Wikidata {shared[0].rsplit('/', 1)[-1]}",))
    if a.countries and b.countries and not a.countries & b.countries:
        return None
    found = _best_name_match(a, b)
    if found is None:
        return None
    match, x, y = found
    surname_only = match == "surname"
    score = NAME_SCORES[match]
    rule = NAME_RULES[match]
    evidence = [f"names {x.display!r} ~ {y.display!r}" if x.display != y.display
                else f"same name {x.display!r}"]
    common_countries = a.countries & b.countries
    if common_countries:
        score += 0.1 if surname_only else 0.05
        evidence.append(f"both act for {_countries_text(common_countries)}")
    titles_a = {t for t, of in a.titles}
    titles_b = {t for t, of in b.titles}
    common_titles = sorted(
        t for t in titles_a & titles_b
        if not ({of for tt, of in a.titles if tt == t and of} and {of for tt, of in b.titles if tt == t and of}
                and not {of for tt, of in a.titles if tt == t and of} & {of for tt, of in b.titles if tt == t and of})
    )
    if common_titles:
        score += 0.15 if surname_only else 0.02
        evidence.append(f"both hold {common_titles[0]!r}")
        if surname_only:
            rule = "person-surname-role"
    elif surname_only and titles_a and titles_b:
        score -= 0.1
        evidence.append(f"different roles: {', '.join(sorted(titles_a))} / {', '.join(sorted(titles_b))}")
    common_co = sorted(a.co & b.co)
    if common_co:
        score += 0.1 if surname_only else 0.02
        evidence.append(f"both take part in events with {', '.join(common_co[:3])}")
    if only_candidate and common_countries:
        score += 0.1
        evidence.append(f"the only person named {y.display!r} acting for "
                        f"{_countries_text(common_countries)} in the merged documents")
        if rule == "person-surname":
            rule = "person-surname-country"
    elif only_candidate and not a.countries:
        score += 0.2
        evidence.append(f"the only person named {y.display!r} in the merged documents")
        if rule == "person-surname":
            rule = "person-surname-unique"
    return Edge(min(round(score, 4), 0.99), rule, tuple(evidence))


def _preferred_label(infos: list[PersonInfo]) -> str:
    displays: Counter[str] = Counter()
    with_given: set[str] = set()
    for info in infos:
        for text in info.labels or info.alt_labels:
            name = parse_person_name(text)
            if name is None:
                continue
            displays[name.display] += 1
            if name.given:
                with_given.add(name.display)
    if not displays:
        return min(label for info in infos for label in (info.labels or (info.node,)))
    return min(displays, key=lambda d: (d not in with_given, -displays[d], -len(d), d))


def person_block(infos: list[PersonInfo], writer: BlockWriter, ctx: Context) -> dict[str, Rep]:
    """Cluster the people of one surname block and write their links; returns each one's rep."""
    options = ctx.options
    by_node = {i.node: i for i in infos}
    units: dict[tuple, list[PersonInfo]] = {}
    loose: list[PersonInfo] = []
    for info in infos:
        name = info.name
        assert name is not None
        if name.given:
            profile: tuple = ("full", name.given, name.surname, info.countries, info.wikidata)
        elif info.countries and info.titles:
            profile = ("titled", name.surname, info.countries, frozenset(t for t, _ in info.titles),
                       info.wikidata)
        else:
            loose.append(info)
            continue
        units.setdefault(profile, []).append(info)
    # A profile is one person only when that is sure enough under the threshold.
    for profile in [p for p, members in units.items() if len(members) > 1]:
        if _unit_edge(profile, units[profile]).score < options.sure:
            for info in units.pop(profile):
                units[(*profile, info.node)] = [info]

    unit_members: dict[str, list[PersonInfo]] = {}
    states: dict[str, PersonFeatures] = {}
    internal: dict[str, Edge] = {}
    for profile, members in units.items():
        members.sort(key=lambda i: i.node)
        uid = members[0].node
        unit_members[uid] = members
        features = PersonFeatures.of(members[0])
        for other in members[1:]:
            merged = combine_people(features, PersonFeatures.of(other))
            features = merged if merged is not None else features
        states[uid] = features
        if len(members) > 1:
            internal[uid] = _unit_edge(profile, members)

    # How many distinct full names could a surname-only group be?  One: it is that person.
    # Countries must agree where both are known.
    def full_identities(features: PersonFeatures, candidates: Iterable[PersonFeatures]) -> int:
        surnames = {n.surname for n in features.names}
        found = set()
        for other in candidates:
            if other.countries and features.countries and not other.countries & features.countries:
                continue
            for n in other.full_names:
                if n.surname in surnames:
                    found.add((n.given, n.surname))
        return len(found)

    uids = sorted(states)
    only_one = {uid: full_identities(states[uid], states.values()) == 1
                for uid in uids if not states[uid].full_names}
    edges: list[tuple[str, str, Edge]] = []
    for i, a in enumerate(uids):
        for b in uids[i + 1:]:
            fa, fb = states[a], states[b]
            only = False
            if not fa.full_names and fb.full_names:
                only = only_one[a]
            elif not fb.full_names and fa.full_names:
                fa, fb = fb, fa
                only = only_one[b]
            edge = score_people(fa, fb, only_candidate=only)
            if edge is not None and edge.score >= options.candidate:
                edges.append((a, b, edge))
    clusters = Clusters(states, combine_people)
    joined = clusters.run(edges, options.sure)
    groups = clusters.groups()
    group_of = {uid: g[0] for g in groups for uid in g}

    members_of_group: dict[str, list[PersonInfo]] = {
        g[0]: sorted((m for uid in g for m in unit_members[uid]), key=lambda i: i.node) for g in groups
    }
    member_edge: dict[str, Edge] = {}
    for uid, edge in internal.items():
        for m in unit_members[uid]:
            member_edge[m.node] = edge
    for a, b, edge in joined:
        for uid in (a, b):
            for m in unit_members[uid]:
                if m.node not in member_edge or edge.score > member_edge[m.node].score:
                    member_edge[m.node] = edge

    # Surname-only people without both a country and a role: join a group only when exactly
    # one group is sure, else leave candidate links.
    candidates_of: dict[str, list[tuple[str, Edge]]] = {}
    group_state = {g[0]: clusters.state[clusters.find(g[0])] for g in groups}
    for info in sorted(loose, key=lambda i: i.node):
        own = PersonFeatures.of(info)
        only = full_identities(own, group_state.values()) == 1
        scored = []
        for gid, state in sorted(group_state.items()):
            edge = score_people(own, state, only_candidate=only)
            if edge is not None and edge.score >= options.candidate:
                scored.append((gid, edge))
        sure = [(g, e) for g, e in scored if e.score >= options.sure]
        if len(sure) == 1:
            gid, edge = sure[0]
            members_of_group[gid].append(info)
            member_edge[info.node] = edge
            group_of[info.node] = gid
        else:
            if len(sure) > 1:
                scored = [(g, Edge(min(e.score, options.sure - 0.01), e.rule + "-ambiguous",
                                   e.evidence + (f"{len(sure)} people fit as well",))) for g, e in sure]
            candidates_of[info.node] = scored

    reps: dict[str, Rep] = {}
    rep_of_group: dict[str, str] = {}
    for gid, members in sorted(members_of_group.items()):
        members.sort(key=lambda i: i.node)
        if len(members) == 1:
            rep_of_group[gid] = members[0].node
            reps[members[0].node] = (members[0].node, None)
            writer.own(members[0].node)
            continue
        label = _preferred_label(members)
        rep = canonical_entity_iri(ctx.base, "person", label, members[0].node)
        rep_of_group[gid] = rep
        _write_person(writer, rep, label, members, ctx)
        # A member that others joined has no edge of its own: it takes the best that joined it.
        fallback = max((member_edge[m.node] for m in members if m.node in member_edge),
                       key=lambda e: (e.score, e.rule, e.evidence))
        for m in members:
            reps[m.node] = (rep, label)
            writer.identity(m.node, rep, member_edge.get(m.node, fallback), sure=True)

    # Candidates below the threshold: between groups, and from the loose people.
    best_between: dict[tuple[str, str], Edge] = {}
    for a, b, edge in edges:
        ga, gb = group_of[a], group_of[b]
        if ga == gb:
            continue
        pair = (min(ga, gb), max(ga, gb))
        if edge.score >= options.sure:  # sure, but the groups cannot be one (a constraint)
            edge = Edge(options.sure - 0.01, edge.rule + "-conflict", edge.evidence)
        if pair not in best_between or edge.score > best_between[pair].score:
            best_between[pair] = edge
    for (ga, gb), edge in sorted(best_between.items()):
        writer.identity(rep_of_group[ga], rep_of_group[gb], edge, sure=False)
    for node, scored in sorted(candidates_of.items()):
        reps[node] = (node, None)
        writer.own(node)
        for gid, edge in scored:
            writer.identity(node, rep_of_group[gid], edge, sure=False)
    for info in infos:
        reps.setdefault(info.node, (info.node, None))
        writer.own(info.node)
    assert set(reps) == set(by_node)
    return reps


def _unit_edge(profile: tuple, members: list[PersonInfo]) -> Edge:
    name = members[0].name
    assert name is not None
    docs = len({d for m in members for d in m.docs})
    countries = profile[3] if profile[0] == "full" else profile[2]
    evidence = [f"same name {name.display!r} in {docs} documents"]
    if countries:
        evidence.append(f"all act for {_countries_text(countries)}")
    if profile[0] == "full":
        return Edge(0.95 if countries else 0.9, "person-same-name", tuple(evidence))
    evidence.append(f"all hold {', '.join(sorted(profile[3]))!r}")
    return Edge(0.85, "person-surname-role", tuple(evidence))


def _write_person(writer: BlockWriter, rep: str, label: str, members: list[PersonInfo], ctx: Context) -> None:
    writer.add(rep, TYPE, ox.NamedNode(str(KG.Person)))
    writer.add(rep, LABEL, _lit(label, ctx.language))
    alternatives = {t for m in members for t in (*m.labels, *m.alt_labels)} - {label}
    for text in sorted(alternatives):
        writer.add(rep, ALT_LABEL, _lit(text, ctx.language))
    for target in sorted({a for m in members for a in m.acts_for}):
        writer.add(rep, P["actsFor"], target)
    for qid in sorted({w for m in members for w in m.wikidata}):
        writer.add(rep, P["wikidata"], qid)
    for doc in sorted({d for m in members for d in m.docs}):
        writer.add(rep, P["source"], doc)
    writer.add(rep, P["canonical"], rep)


# ------------------------------------------------------------------------ organisations


@dataclass(frozen=True, slots=True)
class OrgFeatures:
    names: frozenset[str]  # normalised
    abbreviations: frozenset[str]  # names written as abbreviations
    spelt: frozenset[str]  # abbreviations of the multi-word names
    countries: frozenset[str]
    wikidata: frozenset[str]

    @classmethod
    def of(cls, info: OrgInfo) -> OrgFeatures:
        return cls(
            frozenset(org_norm(n) for n in info.names),
            frozenset(a for a in map(as_acronym, info.names) if a),
            frozenset(a for a in map(acronym, info.names) if a),
            info.countries, info.wikidata,
        )


def combine_orgs(a: OrgFeatures, b: OrgFeatures) -> OrgFeatures | None:
    if a.countries and b.countries and not a.countries & b.countries:
        return None
    if a.wikidata and b.wikidata and not a.wikidata & b.wikidata:
        return None
    return OrgFeatures(a.names | b.names, a.abbreviations | b.abbreviations, a.spelt | b.spelt,
                       a.countries | b.countries, a.wikidata | b.wikidata)


def score_orgs(a: OrgFeatures, b: OrgFeatures) -> Edge | None:
    if a.wikidata and b.wikidata:
        shared = sorted(a.wikidata & b.wikidata)
        return Edge(1.0, "wikidata-id", (f"both are Wikidata {shared[0].rsplit('/', 1)[-1]}",)) if shared else None
    if a.countries and b.countries and not a.countries & b.countries:
        return None
    same_country = bool(a.countries & b.countries)
    names = sorted(a.names & b.names)
    if names:
        evidence = [f"same name {names[0]!r}"]
        if same_country:
            evidence.append(f"both of {_countries_text(a.countries & b.countries)}")
        return Edge(0.95 if same_country else 0.9, "org-same-name", tuple(evidence))
    shared = sorted((a.abbreviations & b.spelt) | (b.abbreviations & a.spelt))
    if shared:
        evidence = [f"{shared[0]} abbreviates the other's name"]
        if same_country:
            evidence.append(f"both of {_countries_text(a.countries & b.countries)}")
        return Edge(0.85 if same_country else 0.7, "org-abbreviation", tuple(evidence))
    return None


def org_block(infos: list[OrgInfo], key: str, writer: BlockWriter, ctx: Context) -> dict[str, Rep]:
    options = ctx.options
    infos = sorted(infos, key=lambda i: i.node)
    states = {i.node: OrgFeatures.of(i) for i in infos}
    by_node = {i.node: i for i in infos}
    edges: list[tuple[str, str, Edge]] = []
    table_like = key.startswith(("org:table:", "org:wikidata:", "org:government:"))
    nodes = [i.node for i in infos]
    if table_like:
        kind, value = key.split(":", 2)[1:]
        rule = {"table": "org-table-entry", "wikidata": "wikidata-id", "government": "org-government-of-country"}[kind]
        for other in nodes[1:]:
            names = (by_node[nodes[0]].names[:1], by_node[other].names[:1])
            text = {"table": f"both are kg's table entry {value!r}", "wikidata": f"both are Wikidata {value}",
                    "government": f"both are the government of {value}"}[kind]
            edges.append((nodes[0], other, Edge(0.95, rule, (text, f"names {names[0]} / {names[1]}"))))
    else:
        # Names first (full names with full names, abbreviations with the same abbreviation),
        # then an abbreviation joins the one organisation it can stand for, if only one.
        abbreviated = {n for n in nodes if not (states[n].names - {a.lower() for a in states[n].abbreviations})}
        for i, a in enumerate(nodes):
            for b in nodes[i + 1:]:
                edge = score_orgs(states[a], states[b])
                if edge is not None and edge.score >= options.candidate and edge.rule != "org-abbreviation":
                    edges.append((a, b, edge))
    clusters = Clusters(states, combine_orgs)
    joined = clusters.run(edges, options.sure)
    if not table_like:
        groups = clusters.groups()
        for group in groups:
            if not set(group) <= abbreviated:
                continue
            short = clusters.state[clusters.find(group[0])]
            scored = []
            for long in groups:
                if set(long) <= abbreviated:
                    continue
                edge = score_orgs(short, clusters.state[clusters.find(long[0])])
                if edge is not None and edge.score >= options.candidate:
                    scored.append((long[0], edge))
            sure = [(g, e) for g, e in scored if e.score >= options.sure]
            if len(sure) == 1:
                clusters.union(group[0], sure[0][0])
                joined.append((group[0], sure[0][0], sure[0][1]))
            for g, e in scored:
                if len(sure) != 1:
                    e = Edge(min(e.score, options.sure - 0.01), e.rule + ("-ambiguous" if len(sure) > 1 else ""),
                             e.evidence + ((f"{len(sure)} organisations fit as well",) if len(sure) > 1 else ()))
                    edges.append((group[0], g, e))
    member_edge: dict[str, Edge] = {}
    for a, b, edge in joined:
        for n in (a, b):
            if n not in member_edge or edge.score > member_edge[n].score:
                member_edge[n] = edge
    for group in clusters.groups():  # a member others joined takes the best edge of its group
        edges_here = [member_edge[n] for n in group if n in member_edge]
        if len(group) > 1 and edges_here:
            best = max(edges_here, key=lambda e: (e.score, e.rule, e.evidence))
            for n in group:
                member_edge.setdefault(n, best)
    reps: dict[str, Rep] = {}
    rep_of: dict[str, str] = {}
    for group in clusters.groups():
        members = [by_node[n] for n in group]
        globals_ = [m.node for m in members if m.is_global]
        if len(members) == 1:
            rep, label = members[0].node, None
        elif globals_:
            rep, label = globals_[0], None
        else:
            label = _preferred_org_label(members)
            rep = canonical_entity_iri(ctx.base, "org", label, members[0].node)
            _write_org(writer, rep, label, members, ctx)
        for m in members:
            rep_of[m.node] = rep
            reps[m.node] = (rep, label)
            writer.own(m.node)
            if m.node != rep:
                writer.identity(m.node, rep, member_edge[m.node], sure=True)
    seen: set[tuple[str, str]] = set()
    for a, b, edge in sorted(edges, key=lambda e: (-e[2].score, e[0], e[1])):
        ra, rb = rep_of[a], rep_of[b]
        if ra == rb or (min(ra, rb), max(ra, rb)) in seen:
            continue
        seen.add((min(ra, rb), max(ra, rb)))
        if edge.score >= options.sure:
            edge = Edge(options.sure - 0.01, edge.rule + "-conflict", edge.evidence)
        writer.identity(min(ra, rb), max(ra, rb), edge, sure=False)
    return reps


def _preferred_org_label(members: list[OrgInfo]) -> str:
    counts: Counter[str] = Counter(label for m in members for label in m.labels)
    if not counts:
        return members[0].node
    return min(counts, key=lambda t: (as_acronym(t) is not None, -counts[t], -len(t), t))


def _write_org(writer: BlockWriter, rep: str, label: str, members: list[OrgInfo], ctx: Context) -> None:
    writer.add(rep, TYPE, ox.NamedNode(str(KG.Organization)))
    for cls in sorted({c for m in members for c in m.classes}):
        writer.add(rep, TYPE, cls)
    writer.add(rep, LABEL, _lit(label, ctx.language))
    for text in sorted({n for m in members for n in m.names} - {label}):
        writer.add(rep, ALT_LABEL, _lit(text, ctx.language))
    for code in sorted({c for m in members for c in m.countries}):
        writer.add(rep, P["ofCountry"], str(country_iri(code, ctx.base)))
    for qid in sorted({w for m in members for w in m.wikidata}):
        writer.add(rep, P["wikidata"], qid)
    writer.add(rep, P["canonical"], rep)


# ---------------------------------------------------------------------------- countries


def country_block(infos: list[CountryInfo], code: str, writer: BlockWriter, ctx: Context) -> dict[str, Rep]:
    """Every node standing for one ISO 3166 country is kg's country node, with its identifiers."""
    rep = str(country_iri(code, ctx.base))
    entry = gazetteer.country_by_code(code)
    writer.own(rep)
    if entry is not None and entry.alpha3 == code:
        writer.add(rep, P["iso3166Alpha3"], ox.Literal(entry.alpha3))
        writer.add(rep, ox.NamedNode(str(KG.iso3166Alpha2)), ox.Literal(entry.alpha2))
        if entry.wikidata:
            writer.add(rep, P["wikidata"], str(wikidata_iri(entry.wikidata)))
    reps: dict[str, Rep] = {rep: (rep, None)}
    for info in sorted(infos, key=lambda i: i.node):
        reps[info.node] = (rep, None)
        writer.own(info.node)
        if info.node == rep:
            continue
        if info.node.startswith("http://www.wikidata.org/entity/"):
            edge = Edge(1.0, "wikidata-id", (f"{info.node.rsplit('/', 1)[-1]} is Wikidata's entity for {code}",))
        else:
            edge = Edge(1.0, "country-iso-code", (f"both have ISO 3166 code {code}",))
        writer.identity(info.node, rep, edge, sure=True)
    return reps
