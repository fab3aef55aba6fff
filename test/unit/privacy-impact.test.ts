import fs from 'node:fs';
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';

// docs/privacy-impact.md must name every table (as a heading) and every column of the schema.
const doc = fs.readFileSync('docs/privacy-impact.md', 'utf8');
const tables = Object.values(schema).flatMap((v) => (is(v, PgTable) ? [getTableConfig(v as PgTable)] : []));

describe('the privacy impact assessment covers the schema', () => {
  it('every table has a section, every column is named in it', () => {
    expect(tables.length).toBeGreaterThan(20);
    const missing: string[] = [];
    for (const table of tables) {
      const heading = doc.split('\n').findIndex((l) => l.startsWith('### ') && l.split(/[ ,]+/).includes(table.name));
      if (heading < 0) {
        missing.push(table.name);
        continue;
      }
      const section = doc.split('\n').slice(heading + 1).join('\n').split('\n### ')[0]!;
      for (const column of table.columns) if (!section.includes(`\`${column.name}\``) && !section.includes(`\`${table.name}.${column.name}\``)) missing.push(`${table.name}.${column.name}`);
    }
    expect(missing).toEqual([]);
  });
});
