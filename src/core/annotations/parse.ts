// Parsing an annotation file: YAML syntax errors and schema errors become diagnostics with line and column.
//
// Hostile files are refused before anything recursive walks them: the YAML is read token by token and refused as
// soon as its collections nest deeper than YAML_LIMITS.maxDepth (the yaml composer, toJS and stringify recurse
// once per level); a composed document is refused when its aliases would expand beyond YAML_LIMITS ("billion
// laughs"), or refer to the node that contains them or to no anchor. Such a file is an error like one that does
// not parse: it never yields a store, so it is never written.

import { Composer, type CST, type Document, Lexer, LineCounter, Parser, type YAMLError, YAMLParseError } from 'yaml';
import { type AnnotationDiagnostic, message, type Message, MESSAGES } from './messages';
import { diagnosticAt, nodeRange, validateDocument, type ValidatedFile, type ValidateOptions } from './validate';
import { type AliasProblem, findAliasProblem, YAML_LIMITS } from './yaml-nodes';

export interface ParsedAnnotationFile extends ValidatedFile {
  document: Document;
  lines: LineCounter;
}

/** A failure with `composed`: the YAML itself was read (only the schema failed), for checks that need no store. */
export type ParseOutcome =
  { ok: true; file: ParsedAnnotationFile } | { ok: false; diagnostics: AnnotationDiagnostic[]; composed?: { document: Document; lines: LineCounter } };

export function parseAnnotationYaml(text: string, options: ValidateOptions = {}): ParseOutcome {
  const lines = new LineCounter();
  const tokens = readTokens(text, lines);
  if (!tokens.ok) return { ok: false, diagnostics: [nestingDiagnostic(lines, tokens.offset)] };
  const document = composeDocument(tokens.tokens, text.length);
  if (document.errors.length) return { ok: false, diagnostics: syntaxDiagnostics(document.errors, text, lines) };
  const aliasProblem = findAliasProblem(document, YAML_LIMITS);
  if (aliasProblem) return { ok: false, diagnostics: [aliasDiagnostic(lines, aliasProblem)] };
  const { diagnostics, file } = validateDocument(document, lines, options);
  if (!file) return { ok: false, diagnostics, composed: { document, lines } };
  return { ok: true, file: { ...file, document, lines } };
}

type TokenOutcome = { ok: true; tokens: CST.Token[] } | { ok: false; offset: number };

/** The CST of `text`, built without recursion; stops at the first collection nested too deep. */
function readTokens(text: string, lines: LineCounter): TokenOutcome {
  const parser = new Parser(lines.addNewLine);
  const tokens: CST.Token[] = [];
  lines.addNewLine(0);
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    const tooDeep = innermostCollectionBeyondLimit(parser.stack);
    if (tooDeep) return { ok: false, offset: tooDeep.offset };
  }
  for (const token of parser.end()) tokens.push(token);
  return { ok: true, tokens };
}

/** The parser's stack holds every open collection (plus the document and at most a scalar or two). */
function innermostCollectionBeyondLimit(stack: readonly CST.Token[]): CST.Token | undefined {
  if (stack.length <= YAML_LIMITS.maxDepth) return undefined;
  const open = stack.filter((t) => t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection');
  return open.length > YAML_LIMITS.maxDepth ? open[open.length - 1] : undefined;
}

/** The one document of the file; a second document is an error. */
function composeDocument(tokens: readonly CST.Token[], length: number): Document.Parsed {
  const composer = new Composer({ uniqueKeys: true, strict: true });
  let first: Document.Parsed | undefined;
  for (const doc of composer.compose(tokens, true, length)) {
    if (!first) first = doc;
    else {
      first.errors.push(new YAMLParseError([doc.range[0], doc.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
      break;
    }
  }
  // compose(…, forceDoc = true) always yields a document, at the latest for an empty stream.
  return first!;
}

function nestingDiagnostic(lines: LineCounter, offset: number): AnnotationDiagnostic {
  return diagnosticAt(lines, [offset, offset + 1], 'nesting-depth', message(MESSAGES.nestingTooDeep, YAML_LIMITS.maxDepth));
}

const ALIAS_MESSAGES: Record<AliasProblem['kind'], (alias: string) => Message> = {
  expansion: () => message(MESSAGES.aliasExpansion, YAML_LIMITS.maxAliasValues),
  depth: (alias) => message(MESSAGES.aliasTooDeep, alias, YAML_LIMITS.maxDepth),
  cycle: (alias) => message(MESSAGES.aliasCycle, alias),
  unresolved: (alias) => message(MESSAGES.aliasUnresolved, alias),
};

/** At the alias itself; codes `alias-expansion`, `alias-depth`, `alias-cycle`, `alias-unresolved`. */
function aliasDiagnostic(lines: LineCounter, { kind, alias }: AliasProblem): AnnotationDiagnostic {
  return diagnosticAt(lines, nodeRange(alias), `alias-${kind}`, ALIAS_MESSAGES[kind](alias.source));
}

/**
 * One diagnostic per line with a syntax error (yaml often reports one slip two or three times), in the user's
 * language for the slips people make by hand: indentation, a tab, an unclosed quote.
 */
function syntaxDiagnostics(errors: readonly YAMLError[], text: string, lines: LineCounter): AnnotationDiagnostic[] {
  const out: AnnotationDiagnostic[] = [];
  for (const e of errors) {
    const d = yamlDiagnostic(e, text, lines);
    if (!out.some((o) => o.line === d.line)) out.push(d);
  }
  return out;
}

const INDENTATION_ERRORS = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY']);

/** Our own message for a slip yaml names by code, else yaml's first sentence. */
function syntaxMessage(e: YAMLError): Message {
  if (INDENTATION_ERRORS.has(e.code) || (e.code === 'MISSING_CHAR' && /without - indicator/.test(e.message))) return message(MESSAGES.yamlIndentation);
  if (e.code === 'TAB_AS_INDENT') return message(MESSAGES.yamlTab);
  if (e.code === 'MISSING_CHAR' && /quote/.test(e.message)) return message(MESSAGES.yamlOpenQuote);
  // A pretty message repeats the position and quotes the source line; keep the first sentence.
  return message(MESSAGES.yamlSyntax, e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''));
}

function yamlDiagnostic(e: YAMLError, text: string, lines: LineCounter): AnnotationDiagnostic {
  const [from, to] = e.pos;
  if (e.code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(text.slice(from))?.[0].trim() || '?';
    return diagnosticAt(lines, [from, from + key.length], 'duplicate-key', message(MESSAGES.duplicateKey, key));
  }
  return diagnosticAt(lines, [from, Math.max(from, to)], 'yaml-syntax', syntaxMessage(e));
}
