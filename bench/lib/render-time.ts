/**
 * Server render time of a page for one signed-in person: the median wall time of `times`
 * sequential GETs of the full HTML (after one warm-up request), in milliseconds.
 */
export async function medianRenderMs(url: string, cookie: string | undefined, times = 7): Promise<number> {
  const get = async () => {
    const start = performance.now();
    const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    return performance.now() - start;
  };
  await get();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) ms.push(await get());
  ms.sort((a, b) => a - b);
  return Math.round(ms[Math.floor(ms.length / 2)]!);
}
