/**
 * The shape of src/ as a test: feature folders depend one way only. Every import between the top-level
 * folders of src/ (static, re-export, dynamic, type-only alike) is read from the source; a loop between two
 * or more folders fails, naming the files that close it, and so does an import against the declared
 * order. A feature folder's edge files count with the layer they plug into (see `part`). src/core is the pure centre: anyone may import
 * it, it imports nothing outside itself.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The module specifiers a file imports: `import … from`, `export … from`, `import '…'`, `import('…')`. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  const patterns = [/\b(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.push(m[1]!);
  return found;
}

/**
 * The part of src/ a file belongs to: its top-level folder, or the file itself (config.ts, server.ts) —
 * except the edge files a feature folder keeps beside its use cases, which belong to the layer they plug
 * into: *.routes.ts and *.schema.ts (TypeBox request/response schemas) to http, which mounts them;
 * *.cli.ts to cli, which runs them; *.table.ts (row types, importing nothing) to db, whose schema.ts
 * assembles them into the one Database type.
 */
export function part(path: string): string {
  const [first, ...rest] = path.split(/[\\/]/);
  if (rest.length === 0) return first!.replace(/\.tsx?$/, '');
  if (/\.(routes|schema)\.ts$/.test(path)) return 'http';
  if (/\.cli\.ts$/.test(path)) return 'cli';
  if (/\.table\.ts$/.test(path)) return 'db';
  return first!;
}

/**
 * The order the parts depend in, lowest first: a part imports only parts before it (ARCHITECTURE.md).
 * portal sits below applications because portal-layout.ts is the page frame the public apply pages share;
 * config (read from the environment by the entry points) above http, whose security settings it fills.
 */
const ORDER = [
  'core', 'security', 'parse', 'inspect', 'render', 'db', 'agencies', 'calendar', 'auth', 'search', 'disclosure', 'matters', 'proposals', 'statistics', 'reports', 'portal',
  'applications', 'letters', 'audit', 'demo', 'http', 'config', 'cli', 'server',
];

interface Edge { from: string; to: string; file: string; target: string }

/** Every import from one top-level part of src/ to another. */
function edges(): Edge[] {
  const result: Edge[] = [];
  for (const file of sourceFiles(SRC)) {
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
      if (!target.startsWith(SRC + sep)) continue;
      const from = part(relative(SRC, file));
      const to = part(relative(SRC, target));
      if (from !== to) result.push({ from, to, file: relative(SRC, file), target: relative(SRC, target) });
    }
  }
  return result;
}

/** The strongly connected components (Tarjan) with more than one member: the loops. */
function loops(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return found;
}

describe('architecture: imports between the top-level folders of src/', () => {
  const all = edges();

  it('finds the imports it checks', () => {
    assert.ok(all.some((e) => e.from === 'http' && e.to === 'core'), 'the import reader found no http → core import');
    assert.ok(all.some((e) => e.file.includes('cli') && e.target.startsWith('db')), 'the import reader found no dynamic cli → db import');
  });

  it('src/core imports nothing outside src/core', () => {
    const out = all.filter((e) => e.from === 'core');
    assert.deepEqual(out.map((e) => `${e.file} → ${e.target}`), []);
  });

  it('every part is in the declared order and imports only parts below it', () => {
    const parts = new Set(sourceFiles(SRC).map((f) => part(relative(SRC, f))));
    assert.deepEqual([...parts].filter((p) => !ORDER.includes(p)).sort(), [], 'parts of src/ missing from ORDER');
    const upward = all.filter((e) => ORDER.indexOf(e.to) > ORDER.indexOf(e.from));
    assert.deepEqual([...new Set(upward.map((e) => `${e.from} → ${e.to}: ${e.file} → ${e.target}`))], []);
  });

  it('services never open a transaction: the edge opens it and passes it in (src/db/transaction.ts)', () => {
    const opening = sourceFiles(SRC).filter((f) => f.endsWith('.service.ts') && /\.transaction\(\)/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(opening.map((f) => relative(SRC, f)), []);
  });

  it('has no loop between folders (features depend one way only)', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of all) {
      if (!graph.has(e.from)) graph.set(e.from, new Set());
      graph.get(e.from)!.add(e.to);
    }
    const found = loops(graph).map((members) => {
      const inside = all.filter((e) => members.includes(e.from) && members.includes(e.to));
      return `${members.join(' ⇄ ')}:\n${[...new Set(inside.map((e) => `    ${e.file} → ${e.target}`))].sort().join('\n')}`;
    });
    assert.equal(found.length, 0, `loops between folders of src/:\n${found.join('\n')}`);
  });
});
