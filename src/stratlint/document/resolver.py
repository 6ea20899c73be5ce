"""Implicit tags, resolved once per distinct plain scalar.

PyYAML's composer, with libyaml too, asks the loader's Python resolver for
the tag of every node, and a plain scalar's tag (``yes`` is a boolean,
``2027-01-31`` a date, ``12`` a number, anything else text) takes a few
regular-expression matches to find. A plan repeats the same few plain
scalars over and over (keys such as ``id`` and ``name``, values such as
``social`` or ``two-way``), so :class:`CachedResolver` remembers the tag of
each short plain scalar, in a cache of bounded size shared by the files of
a run; a scalar that is quoted, or whose first character no resolver tries
(most words), is text at once. It also skips the path-resolver bookkeeping PyYAML does around every
node, which does nothing for a loader that has no path resolvers.

The tags are the ones PyYAML's resolver gives: a miss asks it, and the
cache depends on nothing but the scalar's text.
"""
from __future__ import annotations

from yaml.nodes import ScalarNode

#: Plain scalars longer than this are resolved every time: long texts
#: rarely repeat, and hashing them would cost more than it saves.
MAX_CACHED_LENGTH = 64
#: The cache starts over when it holds this many scalars.
MAX_CACHED_SCALARS = 4096


class CachedResolver:
    """A loader mixin (put it before PyYAML's loader class) that caches the
    implicit tags of plain scalars. For loaders without path resolvers."""

    _plain_tags: dict[str, str] = {}
    #: the first characters some implicit resolver tries (None: any character)
    _first_characters: frozenset = frozenset()

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        cls._reset()  # one cache per loader class: each has its own resolvers

    @classmethod
    def add_implicit_resolver(cls, tag, regexp, first) -> None:
        super().add_implicit_resolver(tag, regexp, first)  # type: ignore[misc]
        cls._reset()

    @classmethod
    def _reset(cls) -> None:
        cls._plain_tags = {}
        cls._first_characters = frozenset(getattr(cls, "yaml_implicit_resolvers", {}))

    def resolve(self, kind, value, implicit):
        if kind is not ScalarNode:
            return super().resolve(kind, value, implicit)  # type: ignore[misc]
        if not implicit[0] or (value[:1] not in self._first_characters and None not in self._first_characters):
            return self.DEFAULT_SCALAR_TAG  # quoted, or no resolver tries this first character: text
        tags = self._plain_tags
        tag = tags.get(value)
        if tag is None:
            tag = super().resolve(kind, value, implicit)  # type: ignore[misc]
            if len(value) <= MAX_CACHED_LENGTH:
                if len(tags) >= MAX_CACHED_SCALARS:
                    tags.clear()
                tags[value] = tag
        return tag

    def descend_resolver(self, current_node, current_index) -> None:
        """No path resolvers: nothing to track on the way down."""

    def ascend_resolver(self) -> None:
        """No path resolvers: nothing to track on the way up."""
