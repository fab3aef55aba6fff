import { gzipSync } from 'node:zlib';

export interface PageWeight {
  files: number;
  bytes: number;
  gzip: number;
  /** Each script: path and gzipped bytes. */
  scripts: { src: string; gzip: number }[];
}

/** A page's HTML or a script's body, fetched however the caller is signed in. */
export type Fetch = (url: string) => Promise<Buffer>;

/**
 * First-load JS of a page: every script its server-rendered HTML loads or preloads (what the
 * browser fetches before the page is interactive; later dynamic imports are not counted), with
 * each file's size as served and gzipped at the default level, as Next.js's compression does.
 */
export async function firstLoadJs(base: string, path: string, get: Fetch): Promise<PageWeight> {
  const html = (await get(base + path)).toString('utf8');
  const sources = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    // noModule scripts are polyfills for old browsers: current ones neither fetch nor run them.
    const isScript = tag.startsWith('<script')
      ? !/\bnomodule\b/i.test(tag)
      : /\bas="script"/.test(tag) && /\brel="(preload|modulepreload)"/.test(tag);
    const src = /\b(?:src|href)="([^"]+\.js[^"]*)"/.exec(tag)?.[1];
    if (isScript && src) sources.add(src.replaceAll('&amp;', '&'));
  }
  const scripts = [];
  let bytes = 0;
  for (const src of sources) {
    const body = await get(new URL(src, base).href);
    bytes += body.length;
    scripts.push({ src, gzip: gzipSync(body).length });
  }
  return { files: sources.size, bytes, gzip: scripts.reduce((sum, s) => sum + s.gzip, 0), scripts };
}
