/** A one-line progress bar on stderr, one line per step; `\r` redraws it in a terminal. */
export function progressBar(out: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastDrawn = 0;
  return (step: string, done: number, total: number) => {
    const finished = done >= total;
    if (!finished && Date.now() - lastDrawn < 200) return;
    lastDrawn = Date.now();
    const share = total > 0 ? Math.min(1, done / total) : 1;
    const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
    const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
    const line = `${step.padEnd(11)} [${bar}] ${String(Math.round(share * 100)).padStart(3)} %  ${done.toLocaleString('en')}/${total.toLocaleString('en')}  ${seconds} s`;
    if (out.isTTY) out.write(`\r${line}${finished ? '\n' : ''}`);
    else if (finished) out.write(`${line}\n`);
  };
}
