import fs from 'node:fs';

/** A process and its descendants (a cluster's primary and workers), from /proc. */
function tree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const all = [root];
  for (let i = 0; i < all.length; i++) all.push(...(children.get(all[i]!) ?? []));
  return all;
}

function residentMb(pid: number): number {
  try {
    const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return Number(line?.match(/\d+/)?.[0] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/**
 * Samples the resident memory of a server's processes every 200 ms until stopped: the peak of
 * the largest single process (the per-process budget) and how many processes there were.
 */
export function sampleResident(root: number) {
  let peak = 0;
  let processes = 0;
  const timer = setInterval(() => {
    const pids = tree(root);
    processes = Math.max(processes, pids.length);
    for (const pid of pids) peak = Math.max(peak, residentMb(pid));
  }, 200);
  return {
    stop: () => {
      clearInterval(timer);
      return { peakMbPerProcess: Math.round(peak), processes };
    },
  };
}
