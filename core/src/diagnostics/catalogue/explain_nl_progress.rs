//! The long explanations (`haalbaar explain`) of the progress codes in Dutch: the status date,
//! `done`, `remaining`, `finished`, `started` and placements in the past.

pub(super) const EXPLANATIONS: &[(&str, &str)] = &[
    (
        "E0801",
        "Wat: de `as of`-datum van het plan ligt vóór `start` of na het einde van de laatste iteratie.
Waarom: de statusdatum deelt het plan in geschiedenis en wat nog te plannen is; buiten de iteraties valt niets te delen.
Voorbeeld: `as of 2023-12-01` in een plan met `start 2024-01-08`.
Oplossing: geef de dag waarop de voortgang is vastgelegd, een dag binnen de iteraties van het plan.",
    ),
    (
        "E0802",
        "Wat: een item legt voortgang vast (`done`, `remaining` of `finished`) maar het planblok heeft geen `as of`.
Waarom: voortgang geldt op een dag; zonder die dag weet de engine niet welke iteraties geschiedenis zijn.
Voorbeeld: `done 40` in een item van een plan zonder regel `as of` in het planblok.
Oplossing: zet `as of DATUM` in het planblok, de dag waarop de voortgang is vastgelegd.",
    ),
    (
        "E0803",
        "Wat: de `remaining` van een item is meer dan het hoge getal van zijn `effort`.
Waarom: wat overblijft kan niet meer zijn dan het hele item geschat is; een van beide getallen is verouderd.
Voorbeeld: `effort 60..90` en `remaining 120` in één item.
Oplossing: verhoog de schatting tot wat het item nu in totaal kost, of verlaag `remaining`.",
    ),
    (
        "E0804",
        "Wat: een item heeft `finished` en ook `done` of `remaining`.
Waarom: een afgerond item heeft niets meer nodig; een getal voor gedaan of resterend werk spreekt dat tegen.
Voorbeeld: `finished 2024-04-26` en `remaining 10` in één item.
Oplossing: haal het getal weg, of haal `finished` weg als er nog werk is.",
    ),
    (
        "E0805",
        "Wat: de dag van `finished` of `started` van een item ligt na de `as of` van het plan.
Waarom: voortgang geldt op de statusdatum; wat daarna gebeurt is nog plan.
Voorbeeld: `finished 2024-06-01` in een plan met `as of 2024-05-13`.
Oplossing: verbeter de dag, of verschuif de statusdatum.",
    ),
    (
        "E0806",
        "Wat: een item is `finished`, maar een item waarop het wacht (`after`) is niet af, of pas later afgerond.
Waarom: een item begint nadat de items waarop het wacht af zijn; het kan niet eerder af zijn dan zij.
Voorbeeld: `finished 2024-03-01` in item `b`, dat `after a` heeft, terwijl `a` geen regel `finished` heeft.
Oplossing: leg vast wanneer het voorgaande item af was, haal `finished` weg als er nog werk is, of haal de `after` weg als het item niet wachtte.",
    ),
    (
        "E0807",
        "Wat: de `started`-dag van een item ligt na zijn `finished`-dag.
Waarom: werk wordt afgerond nadat het begonnen is; een van beide dagen klopt niet.
Voorbeeld: `started 2024-04-01` en `finished 2024-03-15` in één item.
Oplossing: verbeter een van beide dagen.",
    ),
    (
        "E0808",
        "Wat: de `done`-getallen van een item worden kleiner van de ene dag op een latere (`done N by DATUM`, en de `done` zonder datum, die telt op de statusdatum).
Waarom: elk getal telt alle inspanning die tot die dag in het item zit, dus een later getal kan niet kleiner zijn; een ervan klopt niet.
Voorbeeld: `done 25 by 2025-02-21` en `done 20 by 2025-03-07` in één item.
Oplossing: verbeter het getal dat niet klopt.",
    ),
    (
        "W0511",
        "Wat: de `done` van een item is meer dan het hoge getal van zijn `effort`.
Waarom: volgens de schatting is er niets meer over, dus het item telt als afgerond; is er nog werk, dan is het plan te rooskleurig.
Voorbeeld: `effort 60..90` en `done 120` in één item.
Oplossing: zeg met `remaining N` wat er nog is, of leg `finished DATUM` vast; en werk de schatting bij.",
    ),
    (
        "W0512",
        "Wat: een item heeft voor de controle niets meer over (`done` haalt de waarschijnlijke inspanning, of `remaining 0`) maar geen `finished`-dag.
Waarom: het telt dan als afgerond op de dag vóór de statusdatum, wat misschien niet klopt; zijn opvolgers beginnen vanaf daar.
Voorbeeld: `effort 40` en `done 40` in een item zonder `finished`.
Oplossing: zet `finished DATUM` met de dag waarop het af was (of `remaining N` als er nog werk is).",
    ),
    (
        "W0513",
        "Wat: een item met werk over is geplaatst (`in PI`) in iteraties die allemaal vóór de statusdatum van het plan liggen.
Waarom: de plaatsing is niet meer te halen, dus de toezegging faalt; het item loopt pas op zijn eigen beurt in de rangorde door na zijn PI, en wat hoger staat en erop wacht is tot dan niet te plannen.
Voorbeeld: `in PI2` op een onaf item van een plan met `as of` in PI3.
Oplossing: plaats het item opnieuw (de PI waarheen het bij de PI-planning is verschoven), of haal de plaatsing weg.",
    ),
];
