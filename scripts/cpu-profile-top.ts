/**
 * The top frames of a `node --cpu-prof` profile by self time (and by total time, a frame's
 * own samples plus its callees', each counted once per sample), summed over every node of the
 * same function, so a hot function called from many places shows as one line.
 *
 *   npx tsx scripts/cpu-profile-top.ts <file.cpuprofile> [--top 40] [--filter text]
 *     [--from <s>] [--to <s>]
 *
 * `--from`/`--to` keep the samples between those seconds after the profile started (the bench
 * prints when each of its rounds starts), leaving out the server's start-up and idle time.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
  };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: cpu-profile-top.ts <file.cpuprofile> [--top 40] [--filter text]');
  process.exit(1);
}
const top = Number(option('top') ?? 40);
const filter = option('filter');
const from = Number(option('from') ?? 0) * 1e6;
const to = Number(option('to') ?? Infinity) * 1e6;
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where =
    url === '' ? '' : ` ${url.replace(/^.*\/(dist|node_modules)\//, '$1/')}:${lineNumber + 1}`;
  return `${functionName === '' ? '(anonymous)' : functionName}${where}`;
}

const self = new Map<string, number>();
const total = new Map<string, number>();
let all = 0;
let elapsed = 0;
profile.samples.forEach((id, i) => {
  const micros = profile.timeDeltas[i] ?? 0;
  elapsed += micros;
  if (elapsed < from || elapsed > to) return;
  all += micros;
  const node = byId.get(id);
  if (!node) return;
  const name = label(node);
  self.set(name, (self.get(name) ?? 0) + micros);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at);
    if (!frame) break;
    const frameName = label(frame);
    if (seen.has(frameName)) continue;
    seen.add(frameName);
    total.set(frameName, (total.get(frameName) ?? 0) + micros);
  }
});

function print(title: string, sums: Map<string, number>): void {
  console.log(`\n${title} (of ${(all / 1000).toFixed(0)} ms sampled)`);
  [...sums]
    .filter(([name]) => filter === undefined || name.includes(filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([name, micros]) => {
      const share = ((100 * micros) / all).toFixed(1).padStart(5);
      console.log(`${share}%  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${name}`);
    });
}

print('self time', self);
print('total time', total);
