// The text of a letter as annotations address it: without a byte order mark, with every line ending as LF. The
// stored offsets (`start`, `end`) count UTF-16 code units of this text, so a tag made in a CRLF working copy (git's
// core.autocrlf on Windows) or in a file with a BOM has the same offsets as in an LF checkout of the same commit.
// The editor converts at its boundary: VS Code's documents keep CRLF in getText() (and drop the BOM).

const BOM = 0xfeff;
const CR = 0x0d;
const LF = 0x0a;

export class LetterSource {
  /** The canonical text: no BOM, LF line endings (a lone CR becomes LF too). */
  readonly text: string;
  /** 1 when the raw text starts with a BOM. */
  readonly #bom: number;
  /** Raw offsets of the CRs left out (of each CRLF), ascending. */
  readonly #crRaw: Int32Array;
  /** The same CRs as canonical offsets: where their LF landed, ascending. */
  readonly #crCanonical: Int32Array;

  constructor(readonly raw: string) {
    this.#bom = raw.charCodeAt(0) === BOM ? 1 : 0;
    if (!raw.includes('\r')) {
      this.text = raw.slice(this.#bom);
      this.#crRaw = this.#crCanonical = new Int32Array(0);
      return;
    }
    const removed: number[] = [];
    let out = '';
    let from = this.#bom;
    for (let i = from; i < raw.length; i++) {
      if (raw.charCodeAt(i) !== CR) continue;
      out += raw.slice(from, i);
      if (raw.charCodeAt(i + 1) === LF) removed.push(i);
      else out += '\n';
      from = i + 1;
    }
    this.text = out + raw.slice(from);
    this.#crRaw = Int32Array.from(removed);
    this.#crCanonical = Int32Array.from(removed, (r, k) => r - this.#bom - k);
  }

  /** Whether raw and canonical offsets are the same everywhere. */
  get isCanonical(): boolean {
    return this.#bom === 0 && this.#crRaw.length === 0;
  }

  /** The raw offset of a canonical one (a line end maps before its CR). */
  toRaw(offset: number): number {
    return offset + this.#bom + countBelow(this.#crCanonical, offset);
  }

  /** The canonical offset of a raw one (between a CR and its LF: the LF; at the BOM: the first character). */
  fromRaw(offset: number): number {
    return Math.max(0, offset - this.#bom) - countBelow(this.#crRaw, offset);
  }
}

/** How many values of the ascending `values` are below `limit`. */
function countBelow(values: Int32Array, limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
