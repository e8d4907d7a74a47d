// `npm run bench`: runs every registered case and prints its ratio and medians. Add a suite by importing its
// `cases` below. `npm run bench -- <filter>` runs only cases whose name contains the filter.
import { formatResult, type BenchCase } from './harness';
import { cases as harnessCases } from './harness.bench';
import { cases as metadataCases } from './metadata.bench';
import { cases as annotationCases } from './annotations.bench';
import { cases as citationCases } from './citations.bench';
import { cases as approximateSearchCases } from './approximate-search.bench';
import { cases as markdownLimitCases } from './markdown-limits.bench';
import { cases as activationCases } from './activation.bench';
import { cases as letterCases } from './letters.bench';
import { cases as previewCases } from './preview.bench';
import { cases as suggestionCases } from './suggestions.bench';
import { cases as workspaceCases } from './workspace.bench';
import { cases as commitmentCases } from './commitments.bench';

const suites: BenchCase[][] = [
  harnessCases,
  metadataCases,
  annotationCases,
  citationCases,
  approximateSearchCases,
  markdownLimitCases,
  activationCases,
  letterCases,
  previewCases,
  suggestionCases,
  workspaceCases,
  commitmentCases,
];

async function main(): Promise<void> {
  const filter = process.argv[2];
  const all = suites.flat().filter((c) => !filter || c.name.includes(filter));
  console.log(`Kamerstuk Annotator bench — node ${process.version}, ${all.length} case(s)\n`);
  let missed = 0;
  for (const c of all) {
    const r = await c.run();
    if (!r.met) missed++;
    console.log(formatResult(c.name, r) + '\n');
  }
  console.log(`${all.length - missed} of ${all.length} targets met in this run`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
