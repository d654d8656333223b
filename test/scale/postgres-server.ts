/**
 * A throwaway PostgreSQL server on loopback for the SQL pushdown tests: initdb into a temporary
 * directory, start on a free 127.0.0.1 port, talk to it through psql, stop and delete it after.
 * Uses the Debian package's binaries (installed by .ci/run; installed here too when running as root
 * with apt-get available). `start()` returns the reason instead of a server when one genuinely
 * cannot be started, so the test can skip with that message.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresServer {
  /** Runs SQL (several statements allowed) and returns the last result as CSV rows of objects. */
  query(sql: string): Record<string, string>[];
  stop(): void;
}

function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(root, versions[0], 'bin');
}

function tryInstall(): string | null {
  if (process.getuid?.() !== 0) return 'the Debian package postgresql is not installed and this process is not root (apt-get install -y postgresql)';
  const r = spawnSync(
    'sh',
    [
      '-c',
      'DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql)',
    ],
    { encoding: 'utf8', timeout: 300_000 },
  );
  return r.status === 0 ? null : `apt-get install postgresql failed: ${(r.stderr || r.stdout).split('\n').slice(-4).join(' ')}`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function parseCsv(text: string): Record<string, string>[] {
  // psql --csv: our results hold only identifiers and numbers, so no quoting occurs.
  const lines = text.split('\n').filter((l) => l.length > 0);
  const header = (lines[0] ?? '').split(',');
  return lines.slice(1).map((line) => Object.fromEntries(line.split(',').map((v, i) => [header[i] as string, v])));
}

/** Starts a server, or returns why it cannot. */
export async function startPostgres(): Promise<PostgresServer | { unavailable: string }> {
  let bin = binDir();
  if (bin === null) {
    const failure = tryInstall();
    if (failure !== null) return { unavailable: failure };
    bin = binDir();
    if (bin === null) return { unavailable: 'postgresql installed but no initdb found under /usr/lib/postgresql' };
  }
  const asRoot = process.getuid?.() === 0;
  let uid: number | undefined;
  let gid: number | undefined;
  if (asRoot) {
    // PostgreSQL refuses to run as root: run it as the package's postgres user.
    try {
      uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    } catch {
      return { unavailable: 'running as root and there is no postgres user to run the server as' };
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'peak-end-pg-'));
  if (uid !== undefined && gid !== undefined) chownSync(dir, uid, gid);
  const run = (cmd: string, args: string[], input?: string) =>
    spawnSync(asRoot ? 'runuser' : cmd, asRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, { encoding: 'utf8', input, timeout: 120_000, cwd: dir });
  const data = join(dir, 'data');
  const init = run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { unavailable: `initdb failed: ${init.stderr.trim().split('\n').slice(-3).join(' ')}` };
  }
  const port = await freePort();
  const start = run(join(bin, 'pg_ctl'), ['-D', data, '-w', '-t', '60', '-l', join(dir, 'server.log'), '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`, 'start']);
  if (start.status !== 0) {
    const log = spawnSync('tail', ['-5', join(dir, 'server.log')], { encoding: 'utf8' }).stdout;
    rmSync(dir, { recursive: true, force: true });
    return { unavailable: `pg_ctl start failed: ${start.stderr.trim()} ${log}` };
  }
  const psql = existsSync(join(bin, 'psql')) ? join(bin, 'psql') : 'psql';
  return {
    query(sql: string) {
      const r = spawnSync(psql, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-X', '-q', '--csv', '-v', 'ON_ERROR_STOP=1', '-f', '-'], {
        encoding: 'utf8',
        input: sql,
        maxBuffer: 64 << 20,
      });
      if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
      return parseCsv(r.stdout);
    },
    stop() {
      run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
