"""The words and phrases the blameless-language hints look for, and what each hint says.

Kept apart from the matching code so the wording can be read and tuned in one place. The
questions are ours; they point at the system (what made this easy to do, or hard to see?)
rather than at the person.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    title: str
    message: str
    question: str


RULES: dict[str, Rule] = {
    "human-error": Rule(
        "Human error",
        "'human error' ends the inquiry where it should begin",
        "What made this action easy to take, or its effect hard to notice?",
    ),
    "blame": Rule(
        "Blame",
        "assigns blame to someone",
        "Which conditions let this happen, whoever was at the keyboard?",
    ),
    "judgement": Rule(
        "Judging a person",
        "judges a person rather than describing what happened",
        "What in the setup made this step easy to get wrong for anyone?",
    ),
    "who-question": Rule(
        "Asking who",
        "asks who, where the room learns more from what and how",
        "What happened, and what made it look like the right move at the time?",
    ),
    "condescension": Rule(
        "Hindsight as obvious",
        "calls something obvious that was not obvious at the time",
        "What made this hard to see before we knew the outcome?",
    ),
    "be-careful": Rule(
        "'Be more careful'",
        "asks people to be more careful, which no one can check",
        "What check, guard or default would make the care unnecessary?",
    ),
    "counterfactual": Rule(
        "Hindsight",
        "says what someone should have done, with hindsight",
        "What did they know at the time, and what would have helped them see it?",
    ),
    "person-failure": Rule(
        "A person as the failure",
        "makes a person the subject of a failure",
        "What made this easy to miss, or hard to do right?",
    ),
    "named-cause": Rule(
        "A person as the cause",
        "names a person as the cause",
        "What in the system let one person's action have this effect?",
    ),
}
"""Rule name -> what the hint says; the order is the order of precedence when two overlap."""

PERSON_PRONOUNS = frozenset(
    "i we you he she they someone somebody anyone anybody everyone everybody whoever who "
    "nobody noone".split()
)
"""Words that make a clause's subject a person (``no one`` is read as ``noone``)."""

ROLE_NOUNS = frozenset(
    """engineer engineers developer developers dev devs sre sres operator operators admin admins
    administrator administrators sysadmin dba dbas on-call oncall on-caller on-callers responder
    responders reviewer reviewers approver approvers author authors intern interns hire hires
    contractor contractors manager managers lead leads team teams ic commander person people
    staff colleague colleagues coworker coworkers co-worker employee employees individual
    facilitator note-taker owner owners maintainer maintainers programmer programmers tester
    testers analyst analysts human humans guy guys folks""".split()
)
"""Nouns for people in roles. Users and customers are left out on purpose: they are the
people affected, and "users failed to check out" is a symptom, not blame."""

NAMED_CAUSE_PRONOUNS_EXCLUDED = frozenset("i we you he she they".split())
"""After "because", a pronoun is usually the team describing its own setup ("because we had
no runbook"); only a name or a role there is read as a person being the cause."""

DETERMINERS = frozenset(
    """the a an our their his her my your its this that these those some one another new
    senior junior on-call oncall support release database payments platform infra
    infrastructure security ops devops backend frontend sre same other whole entire
    primary main""".split()
)
"""Skipped when looking at what comes before a person word (``the new on-call engineer``)."""

PREPOSITIONS = frozenset(
    """by to with for from at of on about than like without toward towards into onto via per
    paged told asked pinged woke notified called alerted messaged emailed thanked helped
    and""".split()
)
"""A person word right after one of these is an object, not the subject of the clause."""

CLAUSE_BREAKS = (
    r"because|since|as|when|whenever|while|after|before|until|unless|although|though|if|"
    r"so|but|and|or|then|that|which|where|once|whereas|yet|nor"
)
"""Words that start a new clause (used to find the subject of a verb)."""

ELIDING_BREAKS = frozenset("and but or then yet nor".split())
"""After these, a clause may leave its subject out ("Sam ran it and then forgot to ...")."""

ADVERBS = frozenset(
    """just simply also then again never accidentally apparently clearly probably completely
    had has have was were is are did does do been still once twice both later initially
    only even already really actually honestly basically somehow allegedly obviously
    mistakenly inadvertently carelessly totally""".split()
)

COMMON_WORD_NAMES = frozenset(
    """will may mark page grant bill chase hope april june august rob pat sue art max ray drew
    gene case lane long king young bell joy faith grace rose summer sky river stone hunter
    frank earl dean guy jack pierce price rich amber jade ruby penny dawn eve""".split()
)
"""First or last names that are also ordinary words: matched only with their capital."""

HUMAN_ERROR = r"(?:human|operator|pilot|people)[\s-]+(?:errors?|mistakes?|failures?)"

JUDGEMENT = (
    r"careless(?:ly|ness)?|negligen(?:t|tly|ce)|incompeten(?:t|ce|tly)|lazy|laziness|"
    r"sloppy|sloppiness|sloppily|stupid(?:ity|ly)?|dumb|idiot(?:s|ic|ically)?|"
    r"reckless(?:ly|ness)?|irresponsible|irresponsibly|clueless|boneheaded|unprofessional|"
    r"inexcusable|(?:rookie|amateur(?:ish)?|newbie|silly|dumb|basic|schoolboy)\s+(?:mistake|error)s?"
)
TECHNICAL_LAZY = r"lazy[\s-]+(?:load|loading|loaded|evaluat|initiali|import|eval|fetch|val)"
""""lazy" as a programming term, not a judgement."""

BLAME = r"blam(?:e|ed|es|ing|eworthy)|culprits?|scapegoat(?:s|ed|ing)?|guilty"
FAULT_OWNER = (
    r"(?:his|her|their|your|my|our|someone's|somebody's|whose|everyone's|"
    r"someone’s|somebody’s|everyone’s)\s+fault"
)
NEGATORS = frozenset(
    "no not never without nobody noone don't doesn't isn't aren't wasn't weren't won't "
    "shouldn't can't cannot didn't nor neither avoid avoiding".split()
)
"""A blame word right after one of these is a call for blamelessness ("nobody is to blame")."""

RESPONSIBLE = (
    r"responsible\s+for\s+(?:the|this|that|our|today's|yesterday's)\s+"
    r"(?:outage|incident|failure|downtime|breakage|mess|problem|issue|disruption|bug)"
)

BE_CAREFUL = (
    r"be\s+(?:a\s+(?:bit|lot)\s+|much\s+|extra\s+|very\s+|more\s+)?careful|more\s+careful(?:ly)?|"
    r"pay(?:ing)?\s+(?:more\s+|closer\s+|better\s+)?attention|"
    r"be\s+(?:more\s+)?(?:vigilant|diligent|thorough|attentive)|take\s+(?:more|greater)\s+care"
)

WHO_QUESTION_VERBS = (
    r"did|do|made|make|pushed|merged|deployed|approved|broke|wrote|caused|forgot|missed|ran|"
    r"changed|touched|shipped|signed\s+off|reviewed|started|okayed|ok'd|messed|screwed|"
    r"dropped|decided|let|allowed|is\s+responsible|was\s+responsible|is\s+to\s+blame|"
    r"was\s+to\s+blame"
)
WHOSE = (
    r"whose\s+(?:change|commit|deploy|deployment|pr|code|fault|idea|mistake|call|push|"
    r"migration|script|config)"
)
WHY_YOU = (
    r"why\s+(?:didn't|did\s+not|did|wouldn't|couldn't|haven't|hadn't|weren't|wasn't|would|"
    r"on\s+earth\s+did)\s+(?:you|he|she|they|{names})\b|what\s+were\s+(?:you|they)\s+thinking"
)
QUESTION_LEADS = r"asked|ask|asking|find\s+out|know|knows|figure\s+out|wonder|wondered|wondering|learn"

CONDESCENSION = (
    r"obviously|should\s+have\s+been\s+obvious|should've\s+been\s+obvious|"
    r"(?:it|this|that)\s+(?:was|is)\s+(?:so\s+)?obvious|everyone\s+knows|everybody\s+knows|"
    r"any(?:one|body)\s+(?:would|could|should)\s+have|"
    r"any\s+(?:competent|reasonable|decent|good|half-decent|experienced|sensible)\s+"
    r"(?:engineer|developer|dev|person|operator|admin|sre|dba)|"
    r"all\s+(?:he|she|they|you|we)\s+(?:had|needed)\s+to\s+do"
)

ALWAYS_HUMAN_FAILURE = (
    r"forg[oe]t(?:s|ten|ting)?|neglect(?:ed|s|ing)?\s+to|dropped\s+the\s+ball|fat[\s-]?finger(?:ed|s)?|"
    r"made\s+(?:a|an|the|some|several|two)\s+(?:\w+\s+)?(?:mistakes?|errors?|blunders?)|"
    r"mess(?:ed)?\s+up|screw(?:ed)?\s+up|slipped\s+up|botched|didn't\s+bother|did\s+not\s+bother"
)
"""Failure verbs that only people do: flagged whatever the subject (even when left out)."""

PERSON_FAILURE = (
    r"fail(?:ed|s|ing)?\s+to|(?:didn't|did\s+not|never|hasn't|hadn't|wouldn't)\s+"
    r"(?:follow|check|test|verify|read|review|notice|escalate|wait|ask|tell|look|think|update|"
    r"communicate|respond|run|double-check|confirm|consider|bother|listen|warn|page|"
    r"acknowledge|ack)|"
    r"ignor(?:ed|es|ing)|miss(?:ed|es)|overlook(?:ed|s)|skip(?:ped|s)|bypass(?:ed|es)|"
    r"br(?:oke|eaks)|caus(?:ed|es)\s+(?:the|this)\s+(?:outage|incident|failure|downtime)|"
    r"accidentally|mistakenly|inadvertently|by\s+mistake|wrongly|misconfigured|"
    r"should\s+have\s+known"
)
"""Failure verbs a system can also do ("the deploy failed to start"): flagged only when the
subject is a person."""

PAST_PARTICIPLE = (
    r"(?:\w+ly\s+|just\s+|never\s+|also\s+|at\s+least\s+)?"
    r"(?:[^\W\d_]+(?:ed|en)|been|known|done|seen|caught|run|taken|made|gone|told|kept|held|"
    r"left|put|set|read|sent|got|brought|built|thought|found|understood|hit|cut|shut|paid|"
    r"led|met|spent|begun|bought|said|heard|let|spotted|stopped)"
)
""""should have checked" is hindsight; "we should have alerting" is a wish for the future."""

COUNTERFACTUAL = (
    r"(?:should(?:n't|\s+not)?\s+have|should've|shouldn't've|ought\s+(?:not\s+)?to\s+have)"
    rf"\s+{PAST_PARTICIPLE}|"
    r"could\s+(?:easily\s+)?have\s+(?:prevented|avoided|caught|stopped|noticed|spotted|known|"
    r"seen|fixed|escalated)|would\s+have\s+(?:caught|prevented|noticed|spotted)"
)

CAUSAL = (
    r"because(?:\s+of)?|due\s+to|caused\s+by|thanks\s+to|owing\s+to|the\s+result\s+of|"
    r"the\s+fault\s+of|fault\s+of"
)
CAUSED_BY = (
    r"(?:caused|broken|missed|overlooked|ignored|introduced|triggered|botched|mishandled|"
    r"skipped|bypassed|misconfigured)\s+by"
)
MISTAKE_NOUNS = (
    r"mistakes?|errors?|fault|oversight|slip|blunder|typo|screw-?up|fat-?finger|negligence|"
    r"carelessness"
)
FAILURE_AFTER_POSSESSIVE = (
    r"broke|caused|took\s+down|brought\s+down|crashed|deleted|dropped|locked|corrupted|wiped"
)
