// Starts code-server (VS Code's server + web workbench) on 127.0.0.1 with a throwaway profile, and builds the
// workbench URL that loads this extension in development mode. Used by the integration runner and `npm start`.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const QUIET_SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/**
 * @param {{ installed: {node: string, codeServer: string}, settings?: object, log?: (line: string) => void,
 *           extensionsToInstall?: string[], keepProfile?: string }} opts
 */
export async function startCodeServer(opts) {
  const profile = opts.keepProfile ?? mkdtempSync(join(tmpdir(), 'kamerstuk-vscode-'));
  const dirs = {
    userData: join(profile, 'user-data'),
    extensions: join(profile, 'extensions'),
    tmp: join(profile, 'tmp'),
    xdg: join(profile, 'xdg'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...opts.settings }, null, 2));
  writeFileSync(join(profile, 'config.yaml'), 'auth: none\ncert: false\n');

  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('VSCODE_') || k.startsWith('npm_') || k === 'ELECTRON_RUN_AS_NODE') continue;
    env[k] = v;
  }
  Object.assign(env, {
    EXTENSIONS_GALLERY: '{}',
    TMPDIR: dirs.tmp,
    XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
    XDG_DATA_HOME: join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
    XDG_RUNTIME_DIR: join(dirs.xdg, 'runtime'),
    ...(opts.env ?? {}),
  });
  // One flag and its value per line.
  // prettier-ignore
  const common = [
    opts.installed.codeServer,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--config', join(profile, 'config.yaml'),
  ];
  for (const vsix of opts.extensionsToInstall ?? []) {
    await new Promise((resolve, reject) => {
      const p = spawn(opts.installed.node, [...common, '--install-extension', vsix], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => (out += d));
      p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`--install-extension failed (${code}): ${out}`))));
    });
  }
  // One flag and its value per line.
  // prettier-ignore
  const args = [
    ...common,
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--vscode-option', 'enable-smoke-test-driver',
  ];
  const child = spawn(opts.installed.node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = opts.log ?? (() => {});
  let stopped = false;
  const stop = () => {
    if (!stopped) {
      stopped = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    if (!opts.keepProfile) rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  const port = await new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (d) => {
      const text = d.toString();
      buffer += text;
      for (const line of text.split('\n')) if (line.trim()) log(line);
      const m = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(buffer);
      if (m) resolve(Number(m[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`code-server exited early (${code}):\n${buffer.slice(-2000)}`)));
    setTimeout(() => reject(new Error(`code-server did not start within 60 s:\n${buffer.slice(-2000)}`)), 60_000).unref();
  }).catch((e) => {
    stop();
    throw e;
  });

  const base = `http://127.0.0.1:${port}`;
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  /** Workbench URL opening `folder`, with payload entries such as extensionDevelopmentPath. */
  const workbenchUrl = (folder, payload) => `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return { port, base, remote, workbenchUrl, stop, profile, child };
}

/** Chromium flags that keep Debian's Chromium quiet on a machine with no internet. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumPath() {
  return process.env.KAMERSTUK_CHROMIUM || '/usr/bin/chromium';
}
