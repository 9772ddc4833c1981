//! The long explanations of `haalbaar explain` in Dutch, one per code, in the order of
//! `codes.rs`. The plan examples are the language itself and stay as they are.

/// (code, Dutch explanation).
pub(crate) const EXPLANATIONS: &[(&str, &str)] = &[
    (
        "E0101",
        "Wat: een regel binnen een blok is geen regel die de plantaal kent.
Waarom: een verkeerd gespeld sleutelwoord zou anders stilzwijgend genegeerd worden, en het plan
zou minder betekenen dan je schreef.
Voorbeeld:
    team toegang {
      peple 12
    }
Oplossing: gebruik een van de regels die het blok bevat (de help noemt ze):
    team toegang {
      people 12
    }",
    ),
    (
        "E0102",
        "Wat: de regel is bekend, maar geschreven in een vorm die de taal niet heeft.
Waarom: raden wat er bedoeld was, kan het plan veranderen; de engine leest alleen wat exact is.
Voorbeeld:
    hire 2 2024-04-01
Oplossing: schrijf het zoals de help het laat zien:
    hire 2 on 2024-04-01 ramp 8 weeks",
    ),
    (
        "E0103",
        "Wat: een regel die in het ene soort blok hoort, staat in een ander, zoals `effort`
in een teamblok.
Waarom: inspanning hoort bij werk, mensen horen bij teams; ze door elkaar halen betekent niets.
Voorbeeld:
    team toegang {
      effort 40
    }
Oplossing: zet de regel in het blok waar hij over gaat:
    item digid-api {
      team toegang
      effort 40
    }",
    ),
    (
        "E0104",
        "Wat: op het hoogste niveau van een bestand staan alleen blokken: `plan`, `team`, `epic` en
`item`. Een regel daar die geen blok opent, of een blok met een verkeerd gespeld sleutelwoord,
is niet te lezen.
Waarom: elke regel moet ergens bij horen.
Voorbeeld:
    effort 40
    tem toegang {
Oplossing: zet regels binnen een blok en spel het sleutelwoord van het blok goed:
    team toegang {
    }",
    ),
    (
        "E0105",
        "Wat: de sluitende `}` van een blok ontbreekt vóór het volgende blok of het einde van het
bestand.
Waarom: zonder die `}` is het onduidelijk waar het blok eindigt.
Voorbeeld:
    team toegang {
      people 12
    team berichten {
Oplossing: sluit elk blok af op een eigen regel:
    team toegang {
      people 12
    }",
    ),
    (
        "E0106",
        "Wat: na `}` staat nog iets op dezelfde regel.
Waarom: elke regel van het plan eindigt aan het einde van zijn regel; tekst na `}` hoort nergens
bij.
Voorbeeld:
    } people 3
Oplossing: zet `}` op een eigen regel, en de regel die erachter stond binnen het blok.",
    ),
    (
        "E0107",
        "Wat: een id bevat een hoofdletter of een teken dat een id niet mag bevatten.
Waarom: ids worden op één manier geschreven, zodat verwijzingen makkelijk te typen zijn en nooit
dubbelzinnig. Een id begint met een kleine letter en bevat kleine letters, cijfers, `-` en `_`.
Voorbeeld:
    team Toegang {
Oplossing: zet de weergavenaam in de titel:
    team toegang \"Domein Toegang\" {",
    ),
    (
        "E0108",
        "Wat: het bestand is groter dan de engine in één keer inleest.
Waarom: om een controle snel en begrensd te houden, ook op een gedeelde CI-runner of in een
browser.
Voorbeeld: een gegenereerd plan van honderden megabytes.
Oplossing: verdeel het portfolio over meer planbestanden, bijvoorbeeld één per release train.",
    ),
    (
        "E0109",
        "Wat: een regel die maar één keer in zijn blok mag staan, staat er meer dan één keer.
Waarom: met twee waarden is het onduidelijk welke geldt.
Voorbeeld:
    team toegang {
      people 12
      people 14
    }
Oplossing: houd er één van over.",
    ),
    (
        "E0110",
        "Wat: het bestand heeft geen `plan { ... }`-blok, of meer dan één.
Waarom: het planblok legt de kalender vast (start, horizon, PI's) waartegen al het andere
gelezen wordt.
Voorbeeld: een bestand met alleen teams en items.
Oplossing: voeg precies één planblok toe:
    plan \"Portfolio 2025\" {
      start 2025-01-06
      horizon 18 months
    }",
    ),
    (
        "E0111",
        "Wat: het planblok mist `start`, of mist zowel `horizon` als `end`, of geeft ze allebei.
Waarom: zonder eerste en laatste dag is er geen kalender om op te plannen.
Voorbeeld:
    plan \"Portfolio 2025\" {
      start 2025-01-06
    }
Oplossing: geef `start` en één van `horizon` of `end`:
      horizon 18 months",
    ),
    (
        "E0112",
        "Wat: een getal heeft meer dan drie decimalen, of is groter dan 1.000.000.000 (het grootste
getal dat een plan mag bevatten, ook in een plan dat in code is opgebouwd).
Waarom: inspanning en capaciteit worden exact in duizendsten berekend; een getal dat niet exact
te bewaren is, zou het oordeel van afronding laten afhangen, en de grens houdt elke som exact.
Voorbeeld:
    effort 12.3456
Oplossing: rond af op hoogstens drie decimalen:
    effort 12.346",
    ),
    (
        "E0201",
        "Wat: een verwijzing noemt een team dat het plan niet definieert.
Waarom: werk voor een team dat niet bestaat, kan nooit gepland worden.
Voorbeeld:
    item digid-api {
      team toegng
    }
Oplossing: gebruik de id van een teamblok (de help stelt de dichtstbijzijnde voor), of voeg
het team toe.",
    ),
    (
        "E0202",
        "Wat: een `after` noemt een item dat het plan niet definieert.
Waarom: een afhankelijkheid van niets kan niet gecontroleerd worden; meestal is het een tikfout
of een verwijderd item.
Voorbeeld:
    after digid-ap
Oplossing: gebruik de id van een itemblok, of haal de regel weg.",
    ),
    (
        "E0203",
        "Wat: de `epic` van een item noemt een epic die het plan niet definieert.
Waarom: de toezegging van de epic zou dan stilzwijgend niet voor het item gelden.
Voorbeeld:
    epic stelse
Oplossing: gebruik de id van een epicblok, of voeg de epic toe.",
    ),
    (
        "E0204",
        "Wat: twee blokken hebben dezelfde id. Teams, items en epics delen één naamruimte.
Waarom: een verwijzing naar die id zou dubbelzinnig zijn.
Voorbeeld:
    team toegang {
      people 5
    }
    item toegang {
      team toegang
      effort 10
    }
Oplossing: geef een van beide een andere naam.",
    ),
    (
        "E0205",
        "Wat: items hangen via `after` in een kring van elkaar af.
Waarom: elk moet af zijn voordat het volgende begint, dus geen van hen kan ooit beginnen.
Voorbeeld:
    item a {
      after b
    }
    item b {
      after a
    }
Oplossing: haal één `after` uit de kring; de melding toont elke schakel ervan.",
    ),
    (
        "E0206",
        "Wat: een item heeft geen `team`.
Waarom: werk wordt door een team gedaan; zonder team kan het nergens in de capaciteit worden
ingepland.
Voorbeeld:
    item digid-api {
      effort 60
    }
Oplossing: voeg het team toe dat het werk doet:
      team toegang",
    ),
    (
        "E0207",
        "Wat: een item heeft geen `effort`.
Waarom: de controle weegt inspanning af tegen capaciteit; zonder inspanning kan het item niet
gepland worden.
Voorbeeld:
    item digid-api {
      team toegang
    }
Oplossing: voeg een schatting toe, één getal of een bereik:
      effort 60..90",
    ),
    (
        "E0301",
        "Wat: de lengte van de PI is geen heel aantal iteraties.
Waarom: een PI bestaat uit een heel aantal iteraties; anders vallen de grenzen van een PI midden
in een iteratie.
Voorbeeld:
    increment 10 weeks
    iteration 3 weeks
Oplossing: kies lengtes die precies op elkaar passen:
    increment 12 weeks
    iteration 3 weeks",
    ),
    (
        "E0302",
        "Wat: een datum staat niet op de kalender, zoals 2024-02-30 of 2024-13-01.
Waarom: de engine kan niet raden welke dag bedoeld was.
Voorbeeld:
    start 2024-02-30
Oplossing: schrijf een echte datum:
    start 2024-02-26",
    ),
    (
        "E0303",
        "Wat: een datum, kwartaal of PI ligt buiten de horizon van het plan (vóór `start` of na de
laatste dag ervan), of een PI- of iteratienummer bestaat niet.
Waarom: waar het plan geen iteraties heeft, kan niets gepland, toegezegd of gewijzigd worden.
Voorbeeld:
    horizon 18 months   # PI1..PI7 met PI's van 10 weken
    commit PI9
Oplossing: gebruik een periode binnen de horizon, of verleng de horizon.",
    ),
    (
        "I0301",
        "Wat: een deadline noemt een hele PI (`commit PI8`, `target PI8`) waarvan de laatste
iteraties na de horizon vallen. De deadline hoort dan bij de laatste iteratie van de PI binnen
de horizon.
Waarom: een PI-deadline betekent het einde van die PI; waar de horizon eerder eindigt, is de
laatste iteratie die het plan heeft het dichtste wat het kan aangeven, en het meldt dat liever
dan de PI te weigeren.
Voorbeeld:
    horizon 18 months   # de horizon eindigt na PI8.4
    commit PI8          # betekent: uiterlijk PI8.4
Oplossing: er is niets mis. Schrijf de iteratie (`commit PI8.4`) om het expliciet te maken, of
verleng de horizon zodat de hele PI erin valt.",
    ),
    (
        "E0304",
        "Wat: een deadline valt vóór het einde van de eerste iteratie.
Waarom: een deadline hoort bij de laatste iteratie die erop of ervoor eindigt; die is er niet.
Voorbeeld:
    start 2024-01-08
    commit 2024-01-12
Oplossing: zeg het einde van een iteratie of later toe:
    commit PI1",
    ),
    (
        "E0305",
        "Wat: een item mag niet beginnen vóór een periode die later ligt dan zijn eigen deadline.
Waarom: het kan nooit op tijd af zijn; dit is een tegenspraak in het plan, geen
capaciteitsprobleem.
Voorbeeld:
    not before PI4
    commit PI3
Oplossing: zet de start eerder of de deadline later.",
    ),
    (
        "E0306",
        "Wat: een inplanning `in PIx` ligt buiten wat `commit`/`not before` van het item toestaan.
Waarom: het bord zegt het een en de toezegging het ander.
Voorbeeld:
    in PI4
    commit PI3
Oplossing: laat de inplanning en de toezegging overeenkomen.",
    ),
    (
        "E0307",
        "Wat: een item is ingepland `in PIx`, maar een item waarvan het afhangt, kan pas later af zijn.
Waarom: werk begint pas als zijn voorgangers af zijn, dus de inplanning kan niet kloppen.
Voorbeeld:
    item b {
      in PI2
      after a
    }
    item a {
      in PI3
    }
Oplossing: plan het item later in, of zijn voorganger eerder.",
    ),
    (
        "E0308",
        "Wat: een duur is nul, negatief, een breuk waar hele iteraties nodig zijn, of in een eenheid
die niet past (maanden voor een iteratie).
Waarom: de kalender wordt verdeeld in hele iteraties en hele dagen.
Voorbeeld:
    iteration 0 weeks
Oplossing:
    iteration 2 weeks",
    ),
    (
        "E0309",
        "Wat: `innovation` neemt elke iteratie van de PI in, de horizon bevat geen hele iteratie, of
hij bevat meer dan 1.000 iteraties (het meeste dat een plan mag hebben).
Waarom: dan kan er helemaal geen werk gepland worden, of is het plan groter dan een controle
aankan.
Voorbeeld:
    increment 4 weeks
    iteration 2 weeks
    innovation 2 iterations
Oplossing: laat in elke PI minstens één geplande iteratie over, maak de horizon minstens één
iteratie lang, en hoogstens 1.000 iteraties (voor een langere horizon: gebruik langere
iteraties).",
    ),
    (
        "E0310",
        "Wat: een kalenderinstelling ligt buiten bereik: een `workweek` buiten 1 tot 7 dagen, of een
vakantie die eindigt voordat ze begint.
Waarom: werkdagen worden geteld vanuit deze instellingen.
Voorbeeld:
    workweek 8 days
Oplossing:
    workweek 5 days",
    ),
    (
        "E0401",
        "Wat: een inspanning, of de onderkant van een bereik, is nul of negatief.
Waarom: een item zonder werk is geen item; negatief werk betekent niets.
Voorbeeld:
    effort 0
Oplossing: geef de schatting, of haal het item weg.",
    ),
    (
        "E0402",
        "Wat: een bereik staat niet in oplopende volgorde: een inspanningsbereik dat niet laag..hoog
of laag..waarschijnlijk..hoog is, of een reeks perioden (`in PI3..PI1`, `lend 2 to b PI5..PI4`)
die eindigt voordat ze begint.
Waarom: de waarschijnlijke waarde wordt uit een inspanningsbereik gelezen, en een reeks perioden
die eindigt voordat ze begint, bevat geen iteratie; omgedraaide grenzen zijn meestal een
tikfout.
Voorbeeld:
    effort 90..60
    in PI3..PI1
Oplossing:
    effort 60..90
    in PI1..PI3",
    ),
    (
        "E0403",
        "Wat: een percentage (focus, reserve, belasting, kans) ligt onder 0% of boven 100%.
Waarom: een deel van een werkdag kan niet meer zijn dan de hele dag.
Voorbeeld:
    focus 120%
Oplossing:
    focus 80%",
    ),
    (
        "E0404",
        "Wat: een team leent meer mensen uit dan het in de uitleenperiode heeft (na vertrekkers en
andere uitleningen).
Waarom: de capaciteit zou negatief worden: het gat is groter dan het team.
Voorbeeld:
    people 3
    lend 4 to berichten PI2
Oplossing: leen minder mensen uit, of controleer het aantal mensen.",
    ),
    (
        "E0405",
        "Wat: een team leent mensen uit aan zichzelf.
Waarom: het verandert niets en is bijna altijd de verkeerde id.
Voorbeeld:
    team toegang {
      lend 2 to toegang PI3
    }
Oplossing: noem het team dat de mensen krijgt.",
    ),
    (
        "E0406",
        "Wat: een item begrenst zijn werk in mensen, maar de capaciteit van zijn team wordt niet in
mensen geteld (een vaste capaciteit in punten, of geen aantal mensen om een velocity mee te
schalen).
Waarom: een maximum in mensen moet worden omgerekend naar de eenheid van het plan, en er is geen
getal per persoon.
Voorbeeld:
    unit points
    team berichten {
      capacity 40 per iteration
    }
    item x {
      team berichten
      max 2 people
    }
Oplossing: begrens in de eenheid van het plan:
      max 16 per iteration",
    ),
    (
        "E0407",
        "Wat: een aantal mensen, capaciteit, maximum, instroom, vertrek, uitlening of aantal is
negatief, of nul waar het positief moet zijn.
Waarom: capaciteit telt mensen en dagen; negatieve aantallen betekenen niets.
Voorbeeld:
    people -2
Oplossing: geef een positief getal.",
    ),
    (
        "E0408",
        "Wat: een team geeft zowel een vaste `capacity N per iteration` als `people` of `velocity`.
Waarom: een vaste capaciteit vervangt wat de mensen zouden opleveren, dus een van de twee wordt
genegeerd.
Voorbeeld:
    people 6
    capacity 40 per iteration
Oplossing: houd er één over. Gebruik `capacity PIx N` om de capaciteit van één PI te vervangen.",
    ),
    (
        "E0409",
        "Wat: een team geeft een `velocity` terwijl het plan de inspanning in dagen telt.
Waarom: velocity is een getal in story points per iteratie; in dagen betekent het niets.
Voorbeeld:
    unit days
    velocity 30 per iteration
Oplossing: zet `unit points` in het planblok, of haal de velocity weg.",
    ),
    (
        "E0410",
        "Wat: vertrekkers en uitleningen brengen het aantal mensen van het team onder nul.
Waarom: een team kan geen negatief aantal mensen hebben.
Voorbeeld:
    people 2
    leave 3 on 2024-06-01
Oplossing: controleer het aantal mensen en de vertrekkers.",
    ),
    (
        "E0411",
        "Wat: het plan heeft meer teams maal iteraties dan de engine in één keer plant (200.000:
bijvoorbeeld 200 teams over 1.000 iteraties van een week, of 5.000 teams over een horizon van
18 maanden).
Waarom: elk rapport bevat een getal per team per iteratie; daarboven zou een controle minuten
duren en honderden megabytes schrijven, in CI en in de browser net zo goed.
Voorbeeld: 1.000 teams over een horizon van 20 jaar met iteraties van één week.
Oplossing: verdeel het portfolio over meer plannen (één per release train), maak de horizon
korter, of gebruik langere iteraties.",
    ),
    (
        "E0412",
        "Wat: een `capacity PIx.y -N` (of `capacity PIx -N`) neemt meer dan de iteratie heeft, zodat
de capaciteit onder nul zou komen.
Waarom: een team kan niet minder dan niets doen; het getal is vrijwel zeker een tikfout of een
aanpassing die twee keer is toegepast.
Voorbeeld:
    team berichten {
      capacity 40 per iteration
      capacity PI2.1 -50
    }
Oplossing: neem hoogstens wat de iteratie heeft (de melding zegt hoeveel), of zet het getal van
de iteratie met een capaciteitsvervanging: `capacity PI2.1 0`.",
    ),
    (
        "E0413",
        "Wat: een team met een vaste capaciteit (`capacity N per iteration`) heeft een regel `absent N people`.
Waarom: een vaste capaciteit telt geen mensen, dus er is niemand om af te trekken; de regel zou niets veranderen.
Voorbeeld: `absent 2 people 2026-07-13 .. 2026-08-21` in een team met `capacity 40 per iteration`.
Oplossing: geef de vrije dagen op als `holiday` van het team (de capaciteit krimpt met de werkdagen), of verlaag de capaciteit van die iteraties met `capacity PIx.y -N`.",
    ),
    (
        "W0501",
        "Wat: een team heeft in geen enkele iteratie van de horizon capaciteit.
Waarom: werk dat het krijgt, kan nooit gedaan worden; meestal ontbreekt `people` of `capacity`.
Voorbeeld:
    team berichten {
    }
Oplossing: voeg `people` toe, of `capacity N per iteration`.",
    ),
    (
        "W0502",
        "Wat: de waarschijnlijke inspanning van een item is groter dan wat zijn team in één PI
hoogstens kan doen.
Waarom: in SAFe moet een feature in één PI passen. Een grotere is een epic of moet gesplitst
worden, en de schatting ervan is minder betrouwbaar.
Voorbeeld:
    effort 400    # het team doet 150 per PI
Oplossing: splits het item in kleinere items, verbonden met `after` en gebundeld in een epic.",
    ),
    (
        "W0503",
        "Wat: geen enkel item noemt deze epic.
Waarom: de toezegging van een lege epic belooft niets wat de controle kan toetsen.
Voorbeeld:
    epic stelsel {
      commit 2025-Q2
    }
Oplossing: zet `epic stelsel` in de items die samen de epic vormen, of haal de epic weg.",
    ),
    (
        "W0504",
        "Wat: een instroom, vertrek, vacature of vakantie valt na de laatste dag van de horizon.
Waarom: het verandert geen capaciteit in het plan; het kan een tikfout in het jaar zijn.
Voorbeeld:
    hire 2 on 2027-04-01
Oplossing: controleer de datum, of haal de regel weg.",
    ),
    (
        "W0505",
        "Wat: een wachttijd in dagen of weken is geen heel aantal iteraties.
Waarom: werk wordt per iteratie gepland, dus de wachttijd wordt naar boven afgerond.
Voorbeeld:
    after fbs-core + 1 week   # bij iteraties van 2 weken
Oplossing: schrijf de wachttijd in iteraties om precies te zeggen wat je bedoelt:
    after fbs-core + 1 iteration",
    ),
    (
        "E0601",
        "Wat: een toezegging is niet haalbaar, zelfs niet als ze de enige was: haar keten van
afhankelijkheden is te lang voor haar venster, of haar team heeft in dat venster de capaciteit
niet.
Waarom: geen enkele herschikking van de prioriteit van ander werk laat haar passen; de
toezegging zelf moet veranderen. Het werk moet nog steeds gedaan worden, dus ze wordt te laat
gehouden: de melding noemt de vroegste iteratie waarin ze af kan zijn, gegeven de toezeggingen
die hoger in rang staan, en de toezeggingen eronder moeten daar omheen passen. Een toezegging
die helemaal niet binnen de horizon af kan, vervalt (de melding zegt dat).
Voorbeeld:
    item eherkenning {
      effort 120          # het team doet 50 per iteratie
      commit PI1.2
    }
Oplossing: volg een voorgestelde oplossing: zeg later toe (de vroegste datum die past, wordt
gegeven), voeg capaciteit toe in het genoemde venster (in één iteratie, of verspreid over een
PI), verlaag de inspanning, laat een afhankelijkheid vallen, of splits het werk.",
    ),
    (
        "E0602",
        "Wat: een toezegging is op zichzelf haalbaar, maar niet samen met de hoger gerangschikte
toezeggingen die erboven blijven staan: de gehaalde op hun deadline, en de te laat gehouden op
hun late einde. De melding noemt een kleine groep waarmee ze concurreert (mogelijk met te late
toezeggingen erbij).
Waarom: capaciteit of een gedeelde keten wordt ingenomen door toezeggingen die hoger in rang
staan (eerst de harde, dan prioriteit, WSJF en volgorde in het bestand). Net als een onhaalbare
toezegging wordt ze te laat gehouden, op de vroegste iteratie die de melding geeft, of vervalt
ze als ze niet binnen de horizon af kan.
Voorbeeld: twee items van één team, die elk apart passen, allebei toegezegd voor PI2.
Oplossing: volg een voorgestelde oplossing: zeg later toe, voeg capaciteit toe, of stel een van
de concurrerende (niet-harde) toezeggingen uit; of verander de rangorde met `priority`.",
    ),
    (
        "W0601",
        "Wat: de engine kon binnen haar stappenbudget geen planning vinden die de toezegging haalt,
en ook niet bewijzen dat er geen is.
Waarom: ze zegt dat liever dan te gokken. `haalbaar check --deny unknown` maakt hier een fout
van. De toezeggingen eronder worden beslist met het werk van deze toezegging op de plek waar de
engine het kon inplannen (zo vroeg als het kan bovenop de toezeggingen erboven), en de
toezeggingen die een team ermee delen, zeggen dat: aangenomen dat `x` af is in PI4.1.
Voorbeeld: een groot, sterk verweven plan dicht bij de grens van zijn capaciteit.
Oplossing: vereenvoudig de afhankelijkheden eromheen, of geef haar speling; dan wordt het oordeel
beslisbaar.",
    ),
    (
        "I0601",
        "Wat: het plan bevat fouten, maar die zitten allemaal binnen itemblokken. Die items, de items
die erop wachten (via welke keten van `after` ook) en de andere items van een epic waarvan de
toezegging er één nodig heeft, blijven buiten de controle, elk met één opmerking; elke andere
toezegging wordt gecontroleerd en krijgt haar status. Het oordeel over het plan blijft `invalid`.
Waarom: één kapot item in een plan van duizenden mag niet elk ander antwoord verbergen. Wat de
kapotte items niet nodig heeft, wordt precies zo beslist alsof ze niet in het bestand stonden.
Voorbeeld:
    item a {   # E0401: buiten de controle
      team api
      effort 0
      commit PI2
    }
    item b {   # wacht op a: buiten de controle
      team api
      effort 10
      after a
    }
    item c {   # gecontroleerd
      team api
      effort 20
      commit PI3
    }
Oplossing: los de fouten op; de volgende controle neemt de items weer mee.",
    ),
    (
        "W0507",
        "Wat: een item zonder toezegging met een `target` is in de planning pas daarna af, of
helemaal niet.
Waarom: een doel is een streven, geen toezegging: het missen ervan is goed om te weten, maar
maakt het plan niet onhaalbaar.
Voorbeeld:
    item overheid-nl {
      effort 50
      target PI2
    }
Oplossing: geef het een hogere `priority`, zeg het toe, of verschuif het doel.",
    ),
    (
        "W0508",
        "Wat: een team leent mensen uit, en zonder die uitlening zou het een toezegging halen die
het nu mist.
Waarom: uitlenen vult het ene gat door een ander te slaan; de planner moet daar bewust voor
kiezen.
Voorbeeld:
    team toegang {
      people 6
      lend 3 to berichten PI2
    }
    item eherkenning {
      team toegang
      effort 120
      commit PI2
    }
Oplossing: leen minder mensen uit of in andere PI's, of aanvaard het missen en verschuif de
toezegging.",
    ),
    (
        "W0509",
        "Wat: een item dat op het programmabord `in PIx` is ingepland, past daar niet: het daar
houden zou zijn team boven zijn planbare capaciteit in die PI belasten (capaciteit maal `load`).
Waarom: het bord belooft het werk in die PI; het team kan het niet leveren zonder overwerk of
zonder ander werk te laten vallen. De eigen melding van de toezegging zegt wat het zou oplossen.
Voorbeeld:
    item fbs-core {   # berichten plant 136 per PI
      team berichten
      effort 300
      in PI2
    }
Oplossing: verdeel het item over PI's, plan het later in, of haal ander werk uit die PI.",
    ),
    (
        "W0510",
        "Wat: toezeggingen vallen verder vooruit dan het plan vast houdt (standaard de eerste 2 PI's
vanaf `start`; `firm N PIs` in het planblok verandert dat). `haalbaar forecast` geeft één
waarschuwing die ze allemaal noemt met hun kansen, en één voor de harde.
Waarom: een kwartaal vooruit is al moeilijk genoeg te plannen; een datum 18 maanden verder rust
op schattingen, vacatures en mensen die misschien vertrekken. Dat een toezegging noemen belooft
meer dan iemand weet. Een harde toezegging (een wet, een contract) is anders: die blijft een
toezegging, hoe ver vooruit ook, en haar kans is waar je op moet letten.
Voorbeeld:
    plan {
      start 2025-01-06
      horizon 18 months
    }
    team toegang {
      people 4
    }
    item x {
      team toegang
      effort 80
      commit PI6
    }
Oplossing: presenteer een zachte als prognose met haar kans, maak er een `target` van, of
verhoog `firm` als de organisatie echt zo ver vooruit toezegt. Houd een harde hard; bekijk haar
kans elke PI en stuur bij (capaciteit, omvang) zolang die laag is.",
    ),
    (
        "E0701",
        "Wat: een regel van een scenario verandert een team, epic of item dat het plan niet heeft.
Waarom: een scenario verandert het plan erboven; een verandering van niets is bijna altijd een
tikfout, en het scenario zonder die regel controleren zou een andere vraag beantwoorden.
Voorbeeld:
    scenario krap {
      team toegng people 10
    }
Oplossing: gebruik de id van een blok van het plan (de help stelt de dichtstbijzijnde voor), of
voeg het blok eerst in het scenario toe:
    scenario groei {
      add item sso-v2 \"SSO v2\"
      item sso-v2 team toegang
    }",
    ),
    (
        "E0702",
        "Wat: een regel `without` (of `vacancies filled`) van een scenario past op geen regel van het
blok dat hij noemt: het team leent niet uit aan dat team, neemt niemand aan op die datum, het
item heeft zo'n `after` niet.
Waarom: het scenario zou gecontroleerd worden alsof de regel iets deed; meestal is de datum, het
team of het item in de regel niet wat het blok zegt.
Voorbeeld:
    team toegang {
      people 10
      lend 2 to berichten PI3
    }
    scenario zonder-lening {
      team toegang without lend to eherkenning
    }
Oplossing: noem wat het blok zegt (`without lend to berichten`), of haal de regel weg.",
    ),
    (
        "E0703",
        "Wat: twee scenario's hebben dezelfde id.
Waarom: `haalbaar check --scenario ID` en de vergelijking noemen een scenario bij zijn id; twee
met één id zijn niet uit elkaar te houden.
Voorbeeld:
    scenario krap {
      team toegang people 8
    }
    scenario krap {
      team berichten people 4
    }
Oplossing: geef elk scenario een eigen id, of voeg de twee samen.",
    ),
    (
        "E0704",
        "Wat: er is een controle gevraagd van een scenario (`--scenario ID`) dat het bestand niet heeft.
Waarom: het plan zonder het scenario controleren zou een andere vraag beantwoorden.
Voorbeeld: `haalbaar check plan.plan --scenario krapp` op een bestand met `scenario krap { ... }`.
Oplossing: gebruik de id van een van de scenario's van het bestand (de melding noemt ze).",
    ),
];
