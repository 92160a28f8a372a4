"""The titles of rulers and prelates that stand before a person's name, in both scripts.

Greek translates them (King Salman: Βασιλιάς Σαλμάν; Pope Francis: Πάπας Φραγκίσκος; Mother
Teresa: Μητέρα Τερέζα), so as a name's first word each title has one key in both scripts and
every case (:func:`entityx.text.keys.token_keys`), the names behind them being what is
compared, and naming writes its English word (:mod:`entityx.resolution.name_kinds`).
"""

from __future__ import annotations

__all__ = ["TITLE_KEYS"]

# English title: its normalised words, English and Greek (cases the news writes). Not Shah
# or Metropolitan: a first word of places' and bodies' names too (Shah Alam, the
# Metropolitan Museum), whose keys a title would keep from the other script's.
_TITLES = {
    "king": ("king", "βασιλιασ", "βασιλια", "βασιλευσ"),
    "queen": ("queen", "βασιλισσα", "βασιλισσασ"),
    "prince": ("prince", "πριγκιπασ", "πριγκιπα", "πριγκηπασ"),
    "princess": ("princess", "πριγκιπισσα", "πριγκιπισσασ"),
    "pope": ("pope", "παπασ", "παπα"),
    "emperor": ("emperor", "αυτοκρατορασ", "αυτοκρατορα"),
    "empress": ("empress", "αυτοκρατειρα", "αυτοκρατειρασ"),
    "patriarch": ("patriarch", "πατριαρχησ", "πατριαρχη"),
    "archbishop": ("archbishop", "αρχιεπισκοποσ", "αρχιεπισκοπου", "αρχιεπισκοπο"),
    "sultan": ("sultan", "σουλτανοσ", "σουλτανου", "σουλτανο"),
    "tsar": ("tsar", "czar", "tzar", "τσαροσ", "τσαρου", "τσαρο"),
    "sheikh": ("sheikh", "sheik", "σεϊχησ", "σεϊχη"),
    "emir": ("emir", "εμιρησ", "εμιρη"),
    "ayatollah": ("ayatollah", "αγιατολαχ", "αγιατολλαχ"),
    "lord": ("lord", "λορδοσ", "λορδου", "λορδο"),
    "caliph": ("caliph", "χαλιφησ", "χαλιφη"),
    "pharaoh": ("pharaoh", "φαραω"),
    "cardinal": ("cardinal", "καρδιναλιοσ", "καρδιναλιου", "καρδιναλιο"),
    "bishop": ("bishop", "επισκοποσ", "επισκοπου", "επισκοπο"),
    "rabbi": ("rabbi", "ραβινοσ", "ραβινου", "ραβινο"),
    "imam": ("imam", "ιμαμησ", "ιμαμη"),
    "mother": ("mother", "μητερα", "μητερασ"),
}
#: Normalised title word: "@" and its English title.
TITLE_KEYS = {word: f"@{title}" for title, words in _TITLES.items() for word in words}
