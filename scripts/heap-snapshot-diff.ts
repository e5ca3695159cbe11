/**
 * What grew between two heap snapshots of one process: live bytes and object counts summed by
 * constructor (node type and name), largest growth first.
 *
 *   npx tsx scripts/heap-snapshot-diff.ts <first.heapsnapshot> <second.heapsnapshot> [--top 25]
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  readonly snapshot: {
    readonly meta: {
      readonly node_fields: string[];
      readonly node_types: [string[], ...unknown[]];
    };
  };
  readonly nodes: number[];
  readonly strings: string[];
}

function summary(file: string): Map<string, { bytes: number; count: number }> {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = data.snapshot.meta.node_fields;
  const types = data.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const sums = new Map<string, { bytes: number; count: number }>();
  for (let i = 0; i < data.nodes.length; i += width) {
    const type = types[data.nodes[i + typeAt] ?? 0] ?? '?';
    const name =
      type === 'object' || type === 'native' || type === 'closure'
        ? (data.strings[data.nodes[i + nameAt] ?? 0] ?? '?').slice(0, 60)
        : '';
    const key = `${type} ${name}`.trim();
    const entry = sums.get(key) ?? { bytes: 0, count: 0 };
    entry.bytes += data.nodes[i + sizeAt] ?? 0;
    entry.count += 1;
    sums.set(key, entry);
  }
  return sums;
}

const [firstFile, secondFile] = process.argv.slice(2);
if (firstFile === undefined || secondFile === undefined) {
  console.error(
    'usage: heap-snapshot-diff.ts <first.heapsnapshot> <second.heapsnapshot> [--top 25]',
  );
  process.exit(1);
}
const topAt = process.argv.indexOf('--top');
const top = topAt === -1 ? 25 : Number(process.argv[topAt + 1]);
const first = summary(firstFile);
const second = summary(secondFile);
const total = (sums: Map<string, { bytes: number }>) =>
  [...sums.values()].reduce((sum, entry) => sum + entry.bytes, 0);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
console.log(`live heap: ${mb(total(first))} -> ${mb(total(second))}`);
const keys = new Set([...first.keys(), ...second.keys()]);
[...keys]
  .map((key) => {
    const a = first.get(key) ?? { bytes: 0, count: 0 };
    const b = second.get(key) ?? { bytes: 0, count: 0 };
    return { key, bytes: b.bytes - a.bytes, count: b.count - a.count };
  })
  .sort((a, b) => b.bytes - a.bytes)
  .slice(0, top)
  .forEach(({ key, bytes, count }) => {
    console.log(
      `${(bytes / 1024).toFixed(0).padStart(9)} KB  ${String(count).padStart(8)} objects  ${key}`,
    );
  });
