// Motion outcomes and vote tallies from OData Besluit and Stemming records.
import { type FractieVote, type MotionOutcome, type OutcomeResult, VOTE_NIET_DEELGENOMEN, VOTE_TEGEN, VOTE_VOOR, type VoteTally, voteTotals } from './model';

type Row = Record<string, unknown>;

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** The outcome a BesluitTekst states (`Aangenomen.`, `Verworpen.`, `Aangehouden (...)`, …). */
export function outcomeFromBesluitTekst(tekst: string): OutcomeResult | undefined {
  const t = tekst.toLowerCase();
  if (/\bingediend\b/.test(t) && !/aangenomen|verworpen|aangehouden|ingetrokken/.test(t)) return undefined;
  if (/aangenomen|overeenkomstig/.test(t)) return 'aangenomen';
  if (/verworpen/.test(t)) return 'verworpen';
  if (/ingetrokken/.test(t)) return 'ingetrokken';
  if (/aangehouden|uitgesteld/.test(t)) return 'aangehouden';
  if (/controversieel/.test(t)) return 'controversieel';
  return undefined;
}

/** A Besluit that records a decision, not the motion's mere submission or a proposal. */
export function isDecision(besluit: Row): boolean {
  const status = text(besluit.Status)?.toLowerCase() ?? '';
  if (status === 'voorstel' || status === 'concept voorstel') return false;
  const tekst = text(besluit.BesluitTekst) ?? '';
  return outcomeFromBesluitTekst(tekst) !== undefined;
}

/** The date of a Besluit: its Agendapunt's Activiteit, as tkconv reads it. */
export function besluitDate(besluit: Row): string | undefined {
  const ap = besluit.Agendapunt as Row | undefined;
  const act = ap && typeof ap === 'object' ? (ap.Activiteit as Row | undefined) : undefined;
  const d = text(act?.Datum) ?? text(act?.Aanvangstijd);
  return d && /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : undefined;
}

/** Of several Besluiten on one Zaak, the one that decided the motion: the latest decision. */
export function decisiveBesluit(besluiten: Row[]): Row | undefined {
  const decisions = besluiten.filter(isDecision);
  if (decisions.length === 0) return undefined;
  return decisions
    .map((b, i) => ({ b, i, d: besluitDate(b) ?? '', order: Number(b.AgendapuntZaakBesluitVolgorde) || 0 }))
    .sort((x, y) => x.d.localeCompare(y.d) || x.order - y.order || x.i - y.i)
    .at(-1)!.b;
}

export function outcomeOf(besluit: Row): MotionOutcome | undefined {
  const tekst = text(besluit.BesluitTekst);
  const result = tekst ? outcomeFromBesluitTekst(tekst) : undefined;
  if (!result) return undefined;
  const out: MotionOutcome = { result, besluitTekst: tekst };
  const date = besluitDate(besluit);
  if (date) out.date = date;
  return out;
}

/** Whether a Besluit's votes are per member: the Besluit says so, or every row names a person. */
export function isHoofdelijk(besluit: Row, stemmingen: Row[]): boolean {
  const said = `${text(besluit.StemmingsSoort) ?? ''} ${text(besluit.BesluitTekst) ?? ''}`.toLowerCase();
  if (said.includes('hoofdelijk')) return true;
  if (said.includes('met handopsteken')) return false;
  return stemmingen.length > 0 && stemmingen.every((s) => text(s.Persoon_Id) !== undefined);
}

/**
 * Tallies Stemming rows. Per fractie: FractieGrootte summed per Soort, one row per fractie (duplicates dropped).
 * Hoofdelijk: each member counts one, one row per member, grouped per fractie and Soort.
 * Deleted rows (`Verwijderd`) are skipped even if the server sent them.
 */
export function tally(stemmingen: Row[], hoofdelijk: boolean): VoteTally {
  const live = stemmingen.filter((s) => s.Verwijderd !== true && text(s.Soort));
  const seen = new Set<string>();
  const groups = new Map<string, FractieVote>();
  const hasFractieRows = live.some((x) => !text(x.Persoon_Id));
  for (const s of live) {
    const fractie = text(s.ActorFractie) ?? (hoofdelijk ? '—' : text(s.ActorNaam)) ?? '—';
    const soort = text(s.Soort)!;
    if (!hoofdelijk && hasFractieRows && text(s.Persoon_Id)) continue; // stray member rows (API issue #131)
    const key = hoofdelijk
      ? `p:${text(s.Persoon_Id) ?? text(s.SidActorLid) ?? text(s.ActorNaam) ?? JSON.stringify(s)}`
      : `f:${text(s.Fractie_Id) ?? fractie.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const count = hoofdelijk ? 1 : Math.max(0, Number(s.FractieGrootte) || 0);
    const g = `${fractie}\u0000${soort}`;
    const row = groups.get(g) ?? { fractie, soort, zetels: 0 };
    row.zetels += count;
    if (s.Vergissing === true) row.vergissing = true;
    groups.set(g, row);
  }
  const votes = [...groups.values()].sort((a, b) => soortRank(a.soort) - soortRank(b.soort) || b.zetels - a.zetels || a.fractie.localeCompare(b.fractie));
  return { hoofdelijk, votes, totals: voteTotals(votes) };
}

function soortRank(s: string): number {
  const i = [VOTE_VOOR, VOTE_TEGEN, VOTE_NIET_DEELGENOMEN].indexOf(s);
  return i < 0 ? 3 : i;
}
