// Packs the package (`npm pack`) and installs the tarball into a fresh project in a temporary
// folder, as a user would (dependencies from the npm cache that `npm ci` filled). Shared by the
// smoke tests (smoke.mjs, smoke-notebook.mjs). Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** Returns { work, tarball, project, installed }; the caller removes `work`. */
export function installPackedPackage(root) {
  const work = mkdtempSync(join(tmpdir(), 'peak-end-smoke-'));
  const tarball = join(work, execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop());
  const project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ private: true, type: 'module', dependencies: { 'peak-end': `file:${tarball}` } }));
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: project, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`ok  npm pack + npm install of ${basename(tarball)}`);
  return { work, tarball, project, installed: join(project, 'node_modules', 'peak-end') };
}
