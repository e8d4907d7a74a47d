// The cue tables: phrases that make a sentence a commitment (toezegging) or a conclusion, hedges and other
// phrases that lower the score, deadlines that raise a commitment's, and the headings that open a list of
// measures. Each cue has a weight and a reason (messages.ts) the analyst sees on the suggestion. Patterns are
// matched case-insensitively against one sentence. Phrasings: shared/reference/letters-versions-commitments.md §5.
import type { ReasonKey } from './messages';

export interface Cue {
  pattern: RegExp;
  weight: number;
  reason: ReasonKey;
}

const I = 'iu';
const re = (source: string) => new RegExp(source, I);

/** Who promises: the writer or the cabinet, not a third party (`de IND zal`). */
const WRITER = String.raw`(?:ik|wij|we|het kabinet|de regering|de minister|de staatssecretaris|mijn ministerie)`;
const KAMER = String.raw`(?:u|uw kamer|de (?:tweede |eerste )?kamer|beide kamers)`;
const SEND = String.raw`(?:doen toekomen|toekomen|toesturen|toe(?:\s+te)?\s+sturen|sturen|toezenden|toe(?:\s+te)?\s+zenden|zenden|versturen|aanbieden|voorleggen|informeren|berichten|rapporteren|ontvangen|(?:op)?leveren)`;
/** What the writer sends or works out later (infinitive, `te` allowed): the verbs of SEND and `komen met`, `uitwerken`. */
const DELIVER = String.raw`(?:(?:te\s+)?${SEND}|(?:te\s+)?komen\s+met|uit(?:\s+te)?\s*werken|in(?:\s+te)?\s*dienen|publiceren|terug(?:\s+te)?\s*komen)`;
/** A participle of sending or working out, for the passive (`wordt … toegezonden`, `zal … worden uitgewerkt`). */
const SENT = String.raw`(?:geïnformeerd|geinformeerd|gestuurd|toegestuurd|toegezonden|verzonden|aangeboden|voorgelegd|uitgewerkt|ingediend)`;
/** Where a clause starts, for a subject in front: the sentence's start or after a comma, semicolon or colon. */
const CLAUSE_START = String.raw`(?:^|[,;:]\s+)\s*`;
/** Something one sends to the Kamer, as the object of `stuur`, `bied … aan`. */
const SENDABLE = String.raw`\p{L}*(?:brief|rapportage|rapport|reactie|overzicht|evaluatie|nota|notitie|wetsvoorstel|voorstel|plan|analyse|antwoorden|beantwoording|stukken|informatie)`;
/** What the Kamer is promised, named as the subject of a sentence without the writer (nominalised deliverables). */
const DELIVERABLE = String.raw`(?:(?:de|een|het|mijn|onze|nadere|verdere|schriftelijke|eerste|volgende)\s+){0,2}(?:\p{L}*(?:beantwoording|antwoorden|reactie|brief|rapportage|rapport|evaluatie|uitwerking|toezending|verzending|publicatie|voorstel|notitie|nota|overzicht|analyse|monitor|plan))`;

export const COMMITMENT_CUES: readonly Cue[] = [
  { pattern: re(String.raw`\b(?:ik|wij|we|het kabinet)\s+zeg(?:t|gen)?\s+(?:\S+\s+){0,4}toe\b`), weight: 0.9, reason: 'promise' },
  { pattern: re(String.raw`\bde toezegging\s+(?:doen|is)\s+dat\b`), weight: 0.8, reason: 'promise' },
  { pattern: re(String.raw`\bis\s+toegezegd\s+dat\b[^.]*\b(?:zal|zullen|wordt|worden)\b`), weight: 0.7, reason: 'promise' },
  // `ik zal …`, `zal ik …`, `dat ik … zal toesturen`, `het kabinet zal …`
  { pattern: re(String.raw`\b${WRITER}\s+(?:\S+\s+){0,14}?(?:zal|zullen)\b`), weight: 0.6, reason: 'writerWill' },
  { pattern: re(String.raw`\b(?:zal|zullen)\s+(?:ik|wij|we|het kabinet)\b`), weight: 0.6, reason: 'writerWill' },
  { pattern: re(String.raw`\b(?:(?:ik|wij|we)\s+informe(?:er|ren)\s+${KAMER}|informe(?:er|ren)\s+(?:ik|wij|we)\s+${KAMER})\b`), weight: 0.4, reason: 'inform' },
  {
    pattern: re(String.raw`\b(?:wordt|worden)\s+(?:${KAMER}\s+)?(?:\S+\s+){0,10}?${SENT}\b`),
    weight: 0.45,
    reason: 'inform',
  },
  {
    pattern: re(String.raw`\b(?:zal|zullen)\s+(?:\S+\s+){0,8}?(?:worden\s+${SENT}|${SENT}\s+worden)\b`),
    weight: 0.6,
    reason: 'inform',
  },
  {
    pattern: re(
      String.raw`\b(?:ontvangt u|ontvangt uw kamer|(?<!\b(?:dat|die|welke|wat)\s)(?:u|uw kamer|de kamer)\s+ontvangt|stuur ik|stuurt het kabinet|kom ik\s+(?:\S+\s+){0,6}terug|ik kom\s+(?:\S+\s+){0,6}terug|komt het kabinet\s+(?:\S+\s+){0,6}terug|kom(?:en)?\s+(?:wij|we)\s+(?:\S+\s+){0,6}terug|(?:wij|we)\s+komen\s+(?:\S+\s+){0,6}terug|sturen\s+(?:wij|we))\b`,
    ),
    weight: 0.55,
    reason: 'inform',
  },
  {
    // `ik wil u … informeren`.
    pattern: re(String.raw`\b(?:ik|wij|we|het kabinet)\s+(?:\S+\s+){0,10}?(?:wil|willen)\s+(?:\S+\s+){0,3}(?:informeren|sturen|toesturen)\b`),
    weight: 0.6,
    reason: 'inform',
  },
  // Inverted, `Met de uitwerking wil ik in dit najaar bij u terugkomen`: needs a time, as `Graag wil ik u informeren
  // over …` and `Tot slot wil ik terugkomen op de vraag …` are this letter's own words.
  { pattern: re(String.raw`\b(?:wil|willen)\s+(?:ik|wij|we|het kabinet)\s+(?:\S+\s+){0,10}?${DELIVER}\b`), weight: 0.4, reason: 'inform' },
  {
    pattern: re(String.raw`\b(?:ik|wij|we|het kabinet)\s+(?:verwacht(?:en)?|streef|streven)\s+(?:\S+\s+){0,12}?(?:te\s+)?${SEND}\b`),
    weight: 0.6,
    reason: 'inform',
  },
  // An intention of the writer: `het kabinet is voornemens …`, `wij zijn voornemens`, `ik heb het voornemen …`.
  {
    pattern: re(
      String.raw`\b(?:${WRITER}\s+(?:\S+\s+){0,3}?(?:ben|is|zijn|heb|heeft|hebben)\s+(?:het\s+)?voornemens?|(?:ben|is|zijn|heb|heeft|hebben)\s+${WRITER}\s+(?:\S+\s+){0,3}?(?:het\s+)?voornemens?|(?:mijn|ons|het)\s+voornemen\s+is)\b`,
    ),
    weight: 0.6,
    reason: 'writerWill',
  },
  // The near future with *gaan*: `het kabinet gaat uw Kamer voor de zomer informeren`, `wij gaan met … komen`.
  {
    pattern: re(
      String.raw`\b(?:${WRITER}\s+(?:\S+\s+){0,3}?(?:ga|gaat|gaan)|(?:ga|gaat|gaan)\s+${WRITER})\s+(?!(?:ervan|er van|daarvan|hiervan)\s+uit\b)(?:\S+\s+){0,10}?${DELIVER}\b`,
    ),
    weight: 0.6,
    reason: 'writerWill',
  },
  // Coming with something: `het kabinet komt voor de zomer met een voorstel`, `voor de zomer kom ik met een brief`.
  {
    pattern: re(
      String.raw`\b(?:${WRITER}\s+(?:kom|komt|komen)|(?:kom|komt|komen)\s+${WRITER})\s+(?:\S+\s+){0,8}?met\s+(?:een|het|de|mijn|onze)\s+(?:\S+\s+){0,2}?[\p{L}&-]*(?:brief|voorstel|plan|reactie|uitwerking|nota|rapportage|visie|aanpak|agenda|overzicht|analyse|evaluatie|standpunt|wetsvoorstel)\b`,
    ),
    weight: 0.55,
    reason: 'writerWill',
  },
  // Taking something along into later work: `neem ik dit mee in de evaluatie`, `wij nemen … mee bij`.
  {
    // Not `neem ik u mee in …` (taking the reader through something).
    pattern: re(
      String.raw`\b(?:neem\s+ik|nemen\s+(?:wij|we)|neemt\s+het kabinet|(?:ik|wij|we)\s+(?:neem|nemen))\s+(?!(?:u|uw kamer)\s+mee\b)(?:\S+\s+){0,10}?mee\s+(?:in|bij)\b`,
    ),
    weight: 0.5,
    reason: 'writerWill',
  },
  { pattern: re(String.raw`\bde komende (?:periode|tijd|maanden|weken) wordt (?:gewerkt|verder gewerkt) aan\b`), weight: 0.6, reason: 'workingOn' },
  // The writer sends or informs in the present tense, which Dutch uses for the future too: `De minister stuurt na de
  // zomer een brief`, `Zodra de resultaten bekend zijn, informeer ik uw Kamer`; to the Kamer or something one sends
  // (not `Het kabinet biedt gemeenten ruimte`, `stuurt aan op`). Weighs below the threshold: it takes a time (a
  // deadline cue) to be a promise, since `Ik stuur u …` may be this letter.
  {
    pattern: re(
      String.raw`\b(?:${WRITER}\s+(?:stuur|stuurt|sturen|zend|zendt|zenden|bied|biedt|bieden|informeert)|(?:stuurt|zendt|biedt|informeert)\s+${WRITER})\s+(?!aan\s+op\b)(?:\S+\s+){0,8}?(?:${KAMER}|${SENDABLE})\b`,
    ),
    weight: 0.4,
    reason: 'inform',
  },
  // Keeping the Kamer informed: `Ik houd uw Kamer op de hoogte van de voortgang`.
  {
    pattern: re(
      String.raw`\b(?:${WRITER}\s+(?:houd|houdt|houden)|(?:houd|houdt|houden)\s+(?:ik|wij|we|het kabinet))\s+${KAMER}\s+(?:\S+\s+){0,6}?(?:op de hoogte|geïnformeerd|geinformeerd)\b`,
    ),
    weight: 0.55,
    reason: 'inform',
  },
  // Something to be sent to the Kamer, in a `te` clause of any verb: `(ik heb laten weten) u eind van het jaar te
  // informeren`, `is toegezegd een overzicht … met uw Kamer te delen`. Needs a time as well.
  {
    pattern: re(
      String.raw`\b(?:${KAMER}\s+(?:\S+\s+){0,8}?te\s+(?:informeren|berichten|rapporteren|sturen|zenden|doen toekomen)|met\s+${KAMER}\s+te\s+delen)\b`,
    ),
    weight: 0.4,
    reason: 'inform',
  },
  // A promise restated without `dat`: `Voor het begrotingsdebat is een eerste rapportage toegezegd`. Needs a time
  // or a second cue, as a promise kept by this very letter is restated the same way.
  // The verb comes last, so the gap may be long (`is, in antwoord op vragen van …, uw Kamer … toegezegd`).
  { pattern: re(String.raw`\b(?:is|zijn|werd|werden),?\s+(?:\S+\s+){0,24}?toegezegd\b`), weight: 0.45, reason: 'promise' },
  // The Kamer awaits it: `U kunt de brief in januari tegemoet zien`.
  {
    pattern: re(String.raw`\b(?:kunt u|u kunt|kan uw kamer|uw kamer kan|mag u|u mag)\s+(?:\S+\s+){0,10}?tegemoet\s*(?:zien|te zien)\b`),
    weight: 0.55,
    reason: 'inform',
  },
  // The writer as the agent of a passive: `Op korte termijn worden door mij nog gesprekken gevoerd`. Needs a time.
  { pattern: re(String.raw`\b(?:wordt|worden|zal|zullen)\s+(?:\S+\s+){0,6}?door\s+(?:mij|ons|het kabinet)\b`), weight: 0.4, reason: 'writerWill' },
  // A goal the writer sets: `Ik streef ernaar het wetsvoorstel voor de zomer in te dienen`.
  { pattern: re(String.raw`\b(?:ik|wij|we|het kabinet)\s+(?:streef|streeft|streven)\s+ernaar\b`), weight: 0.45, reason: 'writerWill' },
  // What the writer expects to be able to send: `Naar verwachting kan ik uw Kamer in het voorjaar de resultaten sturen`.
  {
    pattern: re(String.raw`\b(?:kan|kunnen)\s+(?:ik|wij|we|het kabinet)\s+(?:\S+\s+){0,10}?${DELIVER}\b`),
    weight: 0.4,
    reason: 'inform',
  },
  // A deliverable as the subject, the writer left out: `Beantwoording zal zo spoedig mogelijk plaatsvinden`,
  // `De kabinetsreactie volgt voor de zomer`, `Een evaluatie zal in 2025 verschijnen`. The present tense (`volgt`)
  // weighs below the threshold, so it needs a deadline as well: `De brief volgt op …` is no promise by itself.
  {
    pattern: re(
      String.raw`${CLAUSE_START}${DELIVERABLE}\s+(?:[^\s,;]+\s+){0,8}?(?:zal|zullen)\s+(?:\S+\s+){0,8}?(?:plaatsvinden|volgen|verschijnen|gereed\s+zijn|worden\s+(?:verstuurd|gepubliceerd|afgerond))\b`,
    ),
    weight: 0.6,
    reason: 'deliverable',
  },
  {
    pattern: re(String.raw`${CLAUSE_START}${DELIVERABLE}\s+(?:[^\s,;]+\s+){0,6}?(?<!\bals\s)(?:volgt|volgen|verschijnt|verschijnen)\b`),
    weight: 0.35,
    reason: 'deliverable',
  },
  { pattern: re(String.raw`\bde verwachting is dat\b`), weight: 0.35, reason: 'expectation' },
];

/** A deadline or a time in the future: raises a commitment's score (§5.2). */
export const DEADLINE_CUES: readonly Cue[] = [
  {
    pattern: re(
      String.raw`\b(?:voor|vóór|na|deze|dit|in dit|in deze|in de|in het|eind(?:e)?|begin|medio|uiterlijk|rond)\s+(?:de |het |van )?(?:zomer|zomerreces|kerstreces|reces|najaar|voorjaar|winter|prinsjesdag|begrotingsbehandeling|begrotingsdebat|voorjaarsnota|jaarwisseling)\b`,
    ),
    weight: 0.2,
    reason: 'deadline',
  },
  { pattern: re(String.raw`\b(?:eind|einde|begin|medio|uiterlijk|voor|vóór|in)\s+(?:van\s+)?(?:dit|het|volgend)\s+jaar\b`), weight: 0.2, reason: 'deadline' },
  {
    pattern: re(
      String.raw`\b(?:eind|begin|medio|uiterlijk|in|voor|vóór)\s+(?:\d{1,2}\s+)?(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|20\d\d)\b`,
    ),
    weight: 0.2,
    reason: 'deadline',
  },
  { pattern: re(String.raw`\b(?:in|voor|vóór)\s+(?:het|de)\s+(?:eerste|tweede|derde|vierde|laatste)\s+(?:kwartaal|helft)\b`), weight: 0.2, reason: 'deadline' },
  {
    pattern: re(
      String.raw`\b(?:zo spoedig mogelijk|zo snel mogelijk|op korte termijn|binnen (?:\S+\s+)?(?:dagen|weken|maanden)|jaarlijks|de komende (?:periode|tijd|maanden)|zodra|na afloop van|te zijner tijd|binnenkort|later dit jaar|in de loop van)\b`,
    ),
    weight: 0.15,
    reason: 'deadline',
  },
];

/** Hedges and other phrasings that are not a promise (§5.1: *zou … kunnen*, *bezien*, *verkennen of*). */
export const HEDGES: readonly Cue[] = [
  {
    pattern: re(String.raw`\b(?:ik|wij|we|het kabinet)\s+(?:verken|verkennen|verkent|overweeg|overwegen|overweegt|bezie|bezien|beziet)\b`),
    weight: -0.4,
    reason: 'hedge',
  },
  { pattern: re(String.raw`\b(?:verkennen|verkend|onderzoeken|onderzocht|bezien|bekijken|nagaan)\s+of\b`), weight: -0.35, reason: 'hedge' },
  {
    pattern: re(String.raw`\b(?:indien mogelijk|waar mogelijk|zo mogelijk|voor zover mogelijk|in overweging|mogelijkerwijs|zou\s+(?:\S+\s+){0,6}kunnen)\b`),
    weight: -0.35,
    reason: 'hedge',
  },
  { pattern: re(String.raw`\b(?:niet\s+(?:\S+\s+){0,4}toe(?:zeggen|zegt)|geen toezegging)\b`), weight: -0.6, reason: 'hedge' },
  // Conditions and softeners: `indien nodig`, `mocht … blijken`, `wellicht`, `in beginsel`.
  {
    pattern: re(
      String.raw`\b(?:indien nodig|waar nodig|zo nodig|zonodig|wellicht|eventueel|in beginsel|in principe|mocht(?:en)?\s+(?:\S+\s+){0,8}?(?:blijken|nodig|zijn))\b`,
    ),
    weight: -0.25,
    reason: 'hedge',
  },
];

/** Not a promise for later: what this letter itself does (`In deze brief zal ik …`), or a report of the past. */
export const NOT_FUTURE: readonly Cue[] = [
  {
    pattern: re(String.raw`\b(?:in|met|via|middels|bij)\s+deze\s+(?:kamer)?(?:brief|notitie|rapportage|voortgangsrapportage|gedeelte|paragraaf)\b`),
    weight: -0.6,
    reason: 'thisLetter',
  },
  {
    pattern: re(String.raw`\bin (?:het|de) (?:eerste|tweede|derde|volgende|laatste) (?:gedeelte|deel|paragraaf|hoofdstuk) van deze\b`),
    weight: -0.6,
    reason: 'thisLetter',
  },
  {
    pattern: re(
      String.raw`\b(?:heb(?:ben)?|had(?:den)?)\s+(?:ik|wij|we)\s+(?:u|uw kamer|de kamer)?\s*(?:\S+\s+){0,3}?(?:bericht|meegedeeld|medegedeeld|laten weten|geïnformeerd|aangegeven|gemeld)\b`,
    ),
    weight: -0.4,
    reason: 'pastReport',
  },
  { pattern: re(String.raw`\b(?:bij|in)\s+(?:mijn |onze )?brief van \d{1,2} \p{L}+ \d{4}\s+(?:heb|hebben)\b`), weight: -0.4, reason: 'pastReport' },
  { pattern: re(String.raw`^\s*(?:vraag|antwoord)\s+\d`), weight: -0.3, reason: 'thisLetter' },
  // Sending this letter or what comes with it: `Hierbij stuur ik u …`, `Bijgaand ontvangt u …`, `ontvangt u deze brief
  // nu`, `Parallel aan deze brief ontvangt u …`, `ontvangt u als bijlage …`.
  {
    pattern: re(
      String.raw`(?:\b(?:hierbij|bijgaand|bijgevoegd|als bijlage\d*(?!\s+bij\s+(?:de|een|het)\s+(?:volgende|komende|nieuwe|eerstvolgende)))\b|\b(?:parallel aan|naast|tegelijk met|gelijktijdig met)\s+deze\s+(?:kamer)?brief\b|\b(?:ontvangt u|u ontvangt)\s+(?:\S+\s+){0,2}?(?:deze|hierbij|bijgaand|nu)\b)`,
    ),
    weight: -0.6,
    reason: 'thisLetter',
  },
  // A request of the Kamer or a committee that the sentence reports or a motion makes: `De commissie heeft mij
  // gevraagd … aan de Kamer te doen toekomen`, `Verzoekt de regering om …`. What the writer then does is a later sentence's.
  {
    pattern: re(
      String.raw`\b(?:(?:heeft|hebben|had|hadden)\s+(?:mij|ons|het kabinet)\s+(?:\S+\s+){0,10}?(?:gevraagd|verzocht)|verzoek(?:t|en)?\s+(?:mij|ons|het kabinet|de regering))\b`,
    ),
    weight: -0.35,
    reason: 'othersSay',
  },
  // What cannot be done is no promise (`het niet mogelijk blijkt om uw Kamer voor eind 2025 te informeren`), nor a
  // promise made before and reported as such (`de in december gedane toezegging … te sturen`).
  {
    // Not when a `maar` clause follows: `…, dat is niet mogelijk gebleken, maar ik zal u in september informeren`.
    pattern: re(String.raw`\bniet\s+(?:\S+\s+){0,3}?(?:mogelijk|haalbaar|lukt|lukken|gelukt)\b(?![^.]*\bmaar\b)`),
    weight: -0.4,
    reason: 'notPromised',
  },
  // Weaker: a later promise may well mention the earlier one (`Ik zal u voor 1 juli informeren over de eerder gedane
  // toezegging`).
  { pattern: re(String.raw`\b(?:gedane|eerder gedane|eerdere)\s+toezegging\b`), weight: -0.2, reason: 'notPromised' },
  // Money or support pledged to others, not a promise to the Kamer (`Het geld dat in 2023 is toegezegd aan Oekraïne`).
  {
    pattern: re(
      String.raw`\b(?:toegezegd\s+aan\s+(?!(?:u|uw kamer|de kamer|de tweede kamer|de eerste kamer)\b)|(?:middelen|geld|bedrag|miljoen|miljard|euro|steun|subsidie|bijdrage)\b[^.]{0,40}\btoegezegd\b)`,
    ),
    weight: -0.4,
    reason: 'notPromised',
  },
  // An attitude of the writer, not an act (`Deze signalen worden door mij zeer serieus genomen`).
  {
    pattern: re(
      String.raw`\bdoor\s+(?:mij|ons|het kabinet)\s+(?:\S+\s+){0,3}?(?:serieus genomen|gedeeld|onderschreven|gesteund|herkend|gewaardeerd|betreurd|verwelkomd)\b`,
    ),
    weight: -0.3,
    reason: 'state',
  },
  // A state, not an act: the future only of being or staying (`Ik zal uiteraard eindverantwoordelijk blijven.`).
  {
    pattern: re(String.raw`\b(?:zal|zullen)\s+(?:\S+\s+){0,4}?(?!(?:gereed|klaar|beschikbaar|afgerond|openbaar)\s)(?:\p{L}+\s+)(?:blijven|zijn)\s*[.;:]?\s*$`),
    weight: -0.3,
    reason: 'state',
  },
];

export const CONCLUSION_CUES: readonly Cue[] = [
  {
    pattern: re(
      String.raw`\b(?:concludeer|concludeert|concluderen|concludeerde|concludeerden|geconcludeerd|kom(?:t|en)? tot de conclusie|leidt tot de conclusie|de conclusie is)\b`,
    ),
    weight: 0.7,
    reason: 'conclude',
  },
  { pattern: re(String.raw`\b(?:constateer|constateert|constateren|constateerde|constateerden|geconstateerd)\b`), weight: 0.65, reason: 'conclude' },
  { pattern: re(String.raw`^\s*(?:kortom|samenvattend|alles overziend(?:e)?|al met al|concluderend|samengevat)\b`), weight: 0.7, reason: 'conclude' },
  { pattern: re(String.raw`\bhet beeld is dat\b`), weight: 0.55, reason: 'conclude' },
  // Not in a condition: `wanneer blijkt dat …`, `waaruit blijkt dat …`.
  { pattern: re(String.raw`(?<!\b(?:wanneer|als|indien|waaruit|zodra|mocht|tenzij|of)\s)\bblijkt dat\b`), weight: 0.5, reason: 'finding' },
];

/** A conclusion cue said by someone else (`De leden van de VVD-fractie constateren`): not the letter's own. */
export const OTHERS_SPEAK: readonly Cue[] = [
  {
    pattern: re(
      String.raw`\b(?:de leden|fractie|de commissie|de raad|de rekenkamer|de indieners|het lid|overleg|partijen)\b[^.]{0,60}\b(?:concluder|constater|constateert|concludeert|geconstateerd|geconcludeerd)`,
    ),
    weight: -0.4,
    reason: 'othersSay',
  },
  { pattern: re(String.raw`\b(?:in hoeverre|of|vraagt|vragen)\b[^.]*\?\s*$`), weight: -0.4, reason: 'othersSay' },
  // A finding reported to the Kamer before (`Op 15 maart is uw Kamer geïnformeerd over dat … geconstateerd is`).
  {
    pattern: re(String.raw`\b(?:is|werd|ben|bent)\s+(?:uw kamer|de kamer|u)\s+(?:\S+\s+){0,2}?(?:geïnformeerd|geinformeerd|bericht)\b`),
    weight: -0.4,
    reason: 'pastReport',
  },
  // A condition states no finding: `Als dan blijkt dat …, wordt aangegeven …`.
  { pattern: re(String.raw`^\s*(?:als|indien|wanneer|mocht|mochten|zodra|tenzij)\b`), weight: -0.4, reason: 'hedge' },
];

/** The writer draws the conclusion (`constateer ik`, `kan ik concluderen`): cues of others and conditions do not lower it. */
export const WRITER_CONCLUDES = re(
  String.raw`\b(?:(?:ik|wij|we)\s+(?:\S+\s+){0,2}?(?:concludeer|constateer|concluderen|constateren)|(?:concludeer|constateer|concluderen|constateren)\s+(?:ik|wij|we)|(?:kan|kunnen|moet|moeten)\s+(?:ik|wij|we)\s+(?:\S+\s+){0,4}?(?:concluderen|constateren))\b`,
);

/**
 * A deliverable owned by a named body (a capital: `Het rapport van de Algemene Rekenkamer zal in juni verschijnen`),
 * not by the writer (`Een evaluatie van de regeling zal …` is the writer's). Case-sensitive, unlike the cues.
 */
export const THIRD_PARTY_DELIVERABLE =
  /\b(?:rapport|reactie|advies|oordeel|evaluatie|besluit|voorstel|brief|analyse)\s+van\s+(?:de|het)\s+(?!(?:Minister|Staatssecretaris|Kabinet|Regering|Ministerie)\b)\p{Lu}/u;

/** Follows a conclusion: `Daarmee is …`, `Dit betekent dat …`. */
export const FOLLOW_ON = re(String.raw`^\s*(?:daarmee|dit betekent|dat betekent|dit houdt in|hierdoor|daardoor)\b`);

/** A heading that opens the measures: `Stand van zaken maatregelen`, `Acties`, `Inzet van het kabinet`. */
export const MEASURE_SECTION = re(String.raw`\b(?:maatregel\w*|actie\w*|actiepunt\w*|inzet|aanpak|verbeter\w*|interventie\w*|stappen)\b`);

/** An action being taken (in a measure's paragraph): `verricht sinds 1 juli 2023`, `wordt ingevoerd`. */
export const MEASURE_ACTION: readonly Cue[] = [
  { pattern: re(String.raw`\bsinds\s+(?:\d{1,2}\s+)?\p{L}+\s+\d{4}\b`), weight: 0.35, reason: 'actionSince' },
  {
    pattern: re(
      String.raw`\b(?:wordt|worden|is|zijn)\s+(?:\S+\s+){0,4}?(?:ingevoerd|ingesteld|uitgebreid|versterkt|opgericht|ingericht|aangescherpt|gestart)\b`,
    ),
    weight: 0.3,
    reason: 'actionTaken',
  },
  {
    pattern: re(String.raw`\b(?:het kabinet|ik|wij)\s+(?:neemt|neem|nemen|treft|tref|treffen)\s+(?:\S+\s+){0,4}maatregel`),
    weight: 0.4,
    reason: 'actionTaken',
  },
];
