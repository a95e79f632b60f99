"""Deterministic clustering under constraints: the order of the input never matters.

Edges are taken from the most to the least sure (ties broken by the nodes' names); two groups
join when the edge reaches the threshold and ``combine`` accepts their union (a person cannot
act for two different countries, a meeting cannot be in two different cities).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from kg.merge.links import Edge

S = TypeVar("S")


class Clusters(Generic[S]):
    """Union-find over named items, each group carrying a state that ``combine`` merges."""

    def __init__(self, states: dict[str, S], combine: Callable[[S, S], S | None]) -> None:
        self.parent = {item: item for item in states}
        self.state = dict(states)
        self.combine = combine

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        merged = self.combine(self.state[ra], self.state[rb])
        if merged is None:
            return False
        root, other = (ra, rb) if ra < rb else (rb, ra)
        self.parent[other] = root
        self.state[root] = merged
        del self.state[other]
        return True

    def run(self, edges: Iterable[tuple[str, str, Edge]], threshold: float) -> list[tuple[str, str, Edge]]:
        """Join along every edge at or above ``threshold``; returns the edges that joined."""
        used = []
        ordered = sorted(edges, key=lambda e: (-e[2].score, min(e[0], e[1]), max(e[0], e[1]), e[2].rule))
        for a, b, edge in ordered:
            if edge.score < threshold:
                break
            if self.find(a) != self.find(b) and self.union(a, b):
                used.append((a, b, edge))
        return used

    def groups(self) -> list[list[str]]:
        """The groups, each sorted, in order of their first item."""
        found: dict[str, list[str]] = {}
        for item in sorted(self.parent):
            found.setdefault(self.find(item), []).append(item)
        return sorted(found.values(), key=lambda g: g[0])
