"""Event words that tell no new act, whatever row matched them: a class of doers described by its habit ('those
who commit war crimes', 'those that fight against him': a generic relative clause in the simple present names
no one and tells nothing that happened).

Each check looks at the trigger, its head and its children only: one test per candidate trigger."""

from __future__ import annotations

__all__ = ["names_no_act"]

# pronouns that stand for a class of people described by a relative clause ('those who', 'anyone who')
_CLASS_PRONOUNS = frozenset({"those", "anyone", "anybody", "whoever", "everyone", "everybody", "whomever"})
_SIMPLE_PRESENT = frozenset({"VBP", "VBZ"})


def names_no_act(tok) -> bool:
    """Whether the trigger ``tok`` tells no act of anyone in particular (see the module's docstring)."""
    return _habit_of_a_class(tok)


def _habit_of_a_class(verb) -> bool:
    """'those who commit war crimes', 'anyone who attacks us': a relative clause in the simple present on a
    pronoun standing for a class says what its members do, as a rule; 'those who murdered him' (a past act done
    by someone) tells the act."""
    if verb.dep_ != "relcl" or verb.head.lower_ not in _CLASS_PRONOUNS or verb.tag_ not in _SIMPLE_PRESENT:
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
