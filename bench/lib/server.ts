import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface Running {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts a server process and waits until `readyPath` answers 200 (or the process dies). */
export async function startProcess(command: string, args: string[], env: Record<string, string | undefined>, port: number, readyPath: string): Promise<Running> {
  const child = spawn(command, args, { env: { ...process.env, ...env, PORT: String(port), HOSTNAME: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(url + readyPath)).status === 200) return { url, pid: child.pid!, stop: () => stop(child) };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop(child);
  throw new Error(`${command} did not become ready on ${url}${readyPath}:\n${output}`);
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await once(child, 'exit');
  clearTimeout(timer);
}
