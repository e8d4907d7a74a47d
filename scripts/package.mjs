// `npm run package`: builds the VSIX with @vscode/vsce. The marketplace page is the README without its relative
// images and links (they would point nowhere inside a VSIX of an extension without a public repository).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const out = args.includes('--out') ? resolve(args[args.indexOf('--out') + 1]) : join(root, 'kamerstuk-annotator.vsix');

function marketplaceReadme(markdown) {
  return markdown.replace(/^!\[[^\]]*\]\((?!https?:)[^)]*\)\s*\n/gm, '').replace(/\[([^\]]+)\]\((?!https?:|#)[^)]*\)/g, '$1');
}

mkdirSync(join(root, 'out'), { recursive: true });
const readme = join(root, 'out', 'README.marketplace.md');
writeFileSync(readme, marketplaceReadme(readFileSync(join(root, 'README.md'), 'utf8')));
const r = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
    'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '--readme-path',
    'out/README.marketplace.md',
    '--out',
    out,
  ],
  { cwd: root, encoding: 'utf8' },
);
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
if (r.status === 0 && /WARNING/i.test(r.stdout + r.stderr)) {
  console.error('vsce printed a warning: the package must build without warnings.');
  process.exit(1);
}
process.exit(r.status ?? 1);
