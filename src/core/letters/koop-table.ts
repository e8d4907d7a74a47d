// KOOP (CALS) tables -> GFM tables: `table/tgroup/(colspec, thead, tbody)/row/entry`. A cell spanning columns
// (`namest`/`nameend`) or rows (`morerows`) is written once and the cells it covers are left empty, since GFM has
// no spans. Without a `thead` the first row is the header (GFM needs one).
import type { PhrasingContent, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Element, ElementContent } from 'xast';
import { inline, tidy, type PhrasingHost } from './koop-phrasing';
import { attribute, child, elements } from './xml';

/** The tables of one `table` element (one per `tgroup`), with its title as a paragraph before them. */
export function tables(table: Element, host: PhrasingHost, titleOf: (el: Element) => RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  const titel = child(table, 'titel');
  if (titel) out.push(...titleOf(titel));
  const groups = elements(table, 'tgroup');
  if (groups.length === 0) host.warn('a table without tgroup: its text is kept as paragraphs');
  for (const group of groups) out.push(tgroup(group, host));
  return out;
}

function tgroup(group: Element, host: PhrasingHost): Table {
  const colspecs = elements(group, 'colspec');
  const names = colspecs.map((c, i) => attribute(c, 'colname') ?? String(i + 1));
  const declared = Number(attribute(group, 'cols'));
  const thead = child(group, 'thead');
  const head = thead ? elements(thead, 'row') : [];
  const body = elements(group, 'tbody').flatMap((b) => elements(b, 'row'));
  const rows = [...head, ...body, ...elements(group, 'tfoot').flatMap((f) => elements(f, 'row'))];
  const width = Math.max(Number.isFinite(declared) && declared > 0 ? declared : 0, names.length, 1);
  const grid: PhrasingContent[][][] = [];
  /** Rows still covered by a cell above (morerows), per column. */
  const coveredUntil: number[] = [];
  rows.forEach((row, r) => {
    const cells: PhrasingContent[][] = [];
    let col = 0;
    const skipCovered = () => {
      while ((coveredUntil[col] ?? -1) >= r) cells[col++] = [];
    };
    for (const entry of elements(row, 'entry')) {
      skipCovered();
      const start = columnIndex(attribute(entry, 'namest') ?? attribute(entry, 'colname'), names) ?? col;
      while (col < start) cells[col++] = [];
      const end = Math.max(columnIndex(attribute(entry, 'nameend'), names) ?? start, start);
      cells[col] = cell(entry, host);
      const down = Number(attribute(entry, 'morerows') ?? 0);
      for (let c = start; c <= end; c++) {
        if (c > start) cells[c] = [];
        if (down > 0) coveredUntil[c] = r + down;
      }
      col = end + 1;
    }
    skipCovered();
    grid.push(cells);
  });
  const columns = Math.max(width, ...grid.map((g) => g.length));
  const mdRows: TableRow[] = grid.map((cells) => ({
    type: 'tableRow',
    children: Array.from({ length: columns }, (_, i): TableCell => ({ type: 'tableCell', children: cells[i] ?? [] })),
  }));
  if (mdRows.length === 0) mdRows.push({ type: 'tableRow', children: Array.from({ length: columns }, () => ({ type: 'tableCell', children: [] })) });
  return { type: 'table', align: Array.from({ length: columns }, () => null), children: mdRows };
}

function columnIndex(name: string | undefined, names: readonly string[]): number | undefined {
  if (!name) return undefined;
  const i = names.indexOf(name);
  return i < 0 ? undefined : i;
}

/** Blocks a cell can hold; GFM cells hold one line, so each is a space-separated part of it. */
const CELL_BLOCKS = new Set(['al', 'al-groep', 'lijst', 'li']);

/** A cell's text: its paragraphs and list items on one line, separated by a space. */
function cell(entry: Element, host: PhrasingHost): PhrasingContent[] {
  return tidy(cellParts(entry.children, host));
}

function cellParts(nodes: readonly ElementContent[], host: PhrasingHost): PhrasingContent[] {
  return nodes.flatMap((c) =>
    c.type === 'element' && CELL_BLOCKS.has(c.name) ? [{ type: 'text', value: ' ' } as const, ...cellParts(c.children, host)] : inline([c], host),
  );
}
