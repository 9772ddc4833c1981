//! The engine's messages about progress (status date, done, remaining, finished, history,
//! milestones, absences, the measured throughput) in Dutch, keyed by their English form.
//! Words: status date = statusdatum, done = gedaan, finished = afgerond, milestone = mijlpaal,
//! throughput = doorvoer.

use super::Entry;

pub(super) const ENTRIES: &[Entry] = &[
    (
        "the status date {} lies outside the plan's iterations ({} to {})",
        "de statusdatum {} ligt buiten de iteraties van het plan ({} tot en met {})",
    ),
    ("status date", "statusdatum"),
    (
        "give the day the progress was recorded: a day from the plan's `start` to the last iteration's end",
        "geef de dag waarop de voortgang is vastgelegd: een dag van de `start` van het plan tot het einde van de laatste iteratie",
    ),
    (
        "item `{}` records progress (`{}`) but the plan has no status date",
        "item `{}` legt voortgang vast (`{}`) maar het plan heeft geen statusdatum",
    ),
    ("progress without `as of`", "voortgang zonder `as of`"),
    (
        "add `as of DATE` to the plan block: the day this progress was recorded",
        "zet `as of DATUM` in het planblok: de dag waarop deze voortgang is vastgelegd",
    ),
    (
        "`remaining {}` is more than item `{}`'s high estimate {}",
        "`remaining {0}` is meer dan de hoge schatting {2} van item `{1}`",
    ),
    ("above the estimate", "boven de schatting"),
    (
        "raise the estimate (`effort`) to what the item now takes in all, or lower `remaining`",
        "verhoog de schatting (`effort`) tot wat het item nu in totaal kost, of verlaag `remaining`",
    ),
    ("item `{}` is finished, so `{}` has no meaning", "item `{}` is afgerond, dus `{}` betekent niets"),
    ("finished here", "hier afgerond"),
    (
        "remove the `{}` line, or the `finished` line if work is left",
        "haal de regel `{}` weg, of de regel `finished` als er nog werk is",
    ),
    ("item `{}` is finished on {}, after the status date {}", "item `{}` is afgerond op {}, na de statusdatum {}"),
    ("item `{}` is started on {}, after the status date {}", "item `{}` is begonnen op {}, na de statusdatum {}"),
    ("after the status date", "na de statusdatum"),
    (
        "progress is recorded as of the status date: correct the day, or move `as of` in the plan block",
        "voortgang geldt op de statusdatum: verbeter de dag, of verschuif `as of` in het planblok",
    ),
    (
        "item `{}` is finished on {}, but it waits for `{}`, {}",
        "item `{}` is afgerond op {}, maar het wacht op `{}`, {}",
    ),
    ("which is not finished", "dat niet af is"),
    ("which was finished later, on {}", "dat later af was, op {}"),
    ("waits for it here", "wacht er hier op"),
    (
        "record when `{}` was finished (`finished DATE` in its block), remove `finished` here if work is left, or remove `after {}` if it did not wait",
        "leg vast wanneer `{}` af was (`finished DATUM` in zijn blok), haal hier `finished` weg als er nog werk is, of haal `after {}` weg als het niet wachtte",
    ),
    ("item `{}` is started on {}, after it was finished on {}", "item `{}` is begonnen op {}, nadat het af was op {}"),
    ("correct one of the two days", "verbeter een van beide dagen"),
    (
        "item `{}` has `done {}`, more than its high estimate {}",
        "item `{}` heeft `done {}`, meer dan zijn hoge schatting {}",
    ),
    ("more than estimated", "meer dan geschat"),
    (
        "the estimate is below what is spent: update `effort` to what the item takes in all",
        "de schatting is lager dan wat er al in zit: werk `effort` bij tot wat het item in totaal kost",
    ),
    (
        "by the estimate nothing is left, so it is taken as finished: if work is left, say how much with `remaining N`; if it is finished, add `finished DATE`",
        "volgens de schatting is er niets meer over, dus het telt als afgerond: is er nog werk, zeg dan hoeveel met `remaining N`; is het af, zet dan `finished DATUM`",
    ),
    (
        "item `{}` has nothing left ({}) but no `finished` day: it is taken as finished on {}, the day before the status date",
        "item `{}` heeft niets meer over ({}) maar geen `finished`-dag: het telt als afgerond op {}, de dag vóór de statusdatum",
    ),
    ("nothing left", "niets meer over"),
    (", and how many iterations each milestone slips", ", en hoeveel iteraties elke mijlpaal uitloopt"),
    (
        "name an item, an epic or a milestone of this plan, or remove the line",
        "noem een item, een epic of een mijlpaal van dit plan, of haal de regel weg",
    ),
    (
        "milestone `{}` on {} is after the last iteration starts: what waits for it cannot be planned",
        "mijlpaal `{}` op {} valt na de start van de laatste iteratie: wat erop wacht is niet te plannen",
    ),
    ("cannot read this `milestone` line", "kan deze regel `milestone` niet lezen"),
    ("a milestone is one line, without braces", "een mijlpaal is één regel, zonder accolades"),
    ("expected {} in this `milestone` line", "verwacht: {} in deze regel `milestone`"),
    (
        "write it as: milestone wetgeving \"Wet digitale overheid\" 2026-07-01 chance 70%   (one line, no braces; the chance is optional)",
        "schrijf het als: milestone wetgeving \"Wet digitale overheid\" 2026-07-01 chance 70%   (één regel, zonder accolades; de kans mag weg)",
    ),
    ("absence without people", "afwezigheid zonder mensen"),
    (
        "team `{}` has a fixed capacity, so `absent` has no people to count",
        "team `{}` heeft een vaste capaciteit, dus `absent` heeft geen mensen om te tellen",
    ),
    ("no people to count", "geen mensen om te tellen"),
    (
        "give the team's days off as `holiday \"...\" FROM .. TO` (its capacity shrinks with its working days), or lower its capacity in those iterations with `capacity PIx.y -N`",
        "geef de vrije dagen van het team op als `holiday \"...\" VAN .. TOT` (de capaciteit krimpt met de werkdagen), of verlaag de capaciteit in die iteraties met `capacity PIx.y -N`",
    ),
    ("the absence ends on {}, before it starts on {}", "de afwezigheid eindigt op {}, vóór ze begint op {}"),
    (
        "`{}` is an item of epic `{}`, so `after {}` includes it: wait for the other items one by one",
        "`{}` is een item van epic `{}`, dus `after {}` omvat het zelf: wacht op de andere items één voor één",
    ),
    (
        "item `{}` is placed in {}, which ended before the status date {}",
        "item `{}` is geplaatst in {}, dat eindigde vóór de statusdatum {}",
    ),
    ("a placement in the past", "een plaatsing in het verleden"),
    (
        "it is planned only when its own commitment is kept late, after everything ranked above it (what waits for it there cannot be planned): place it anew, or take the placement out",
        "het wordt pas gepland als zijn eigen toezegging te laat wordt gehouden, na alles wat hoger staat (wat daar op het item wacht is niet te plannen): plaats het opnieuw, of haal de plaatsing weg",
    ),
    ("placement in the past", "plaatsing in het verleden"),
    ("each team's capacity per iteration {}", "de capaciteit per iteratie van elk team {}"),
    ("varies up to {}% either way (uncertainty capacity)", "varieert tot {}% omhoog of omlaag (uncertainty capacity)"),
    ("is as planned", "is zoals gepland"),
    (
        "each team's capacity per iteration is drawn from what it delivered against its capacity in past iterations: {}",
        "de capaciteit per iteratie van elk team wordt getrokken uit wat het leverde tegenover zijn capaciteit in voorbije iteraties: {}",
    ),
    (
        "capacity per iteration is drawn from what the team delivered against its capacity in past iterations for {}; every other team's {}",
        "de capaciteit per iteratie wordt getrokken uit wat het team leverde tegenover zijn capaciteit in voorbije iteraties voor {}; van elk ander team {}",
    ),
    ("`{}` ({} iterations)", "`{}` ({} iteraties)"),
    (
        "item `{}` records `done {} by {}`, after the status date {}",
        "item `{}` legt `done {} by {}` vast, na de statusdatum {}",
    ),
    ("item `{}` has {} done by {} but only {} by {}", "item `{}` heeft {} gedaan op {} maar slechts {} op {}"),
    ("more done before", "eerder meer gedaan"),
    (
        "`done N by DATE` counts all effort spent on the item by that day, so it never goes down: correct the figure",
        "`done N by DATUM` telt alle inspanning die tot die dag in het item zit, dus het wordt nooit kleiner: verbeter het getal",
    ),
    ("done goes down", "gedaan wordt minder"),
    ("it was finished in {}", "het was af in {}"),
    ("add `finished DATE` with the day it was finished", "zet `finished DATUM` met de dag waarop het af was"),
    (
        "its deadline has passed: it was due by {} (ending {}) and its last item was finished in {}",
        "de deadline is voorbij: het moest af zijn uiterlijk {} (eindigt {}) en het laatste item was af in {}",
    ),
    (
        "its deadline has passed: it was due by {} (ending {}) and as of {} work is left",
        "de deadline is voorbij: het moest af zijn uiterlijk {} (eindigt {}) en op {} is er nog werk",
    ),
];
