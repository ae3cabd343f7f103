// The generated 100,000-item roadmap of `make bench` and of the issue 13 end-to-end test (short
// lines, to stay under the 5 MB limit; a dependency every tenth item).
export function generatedLarge(items = 100000) {
  const lines = [`# Generated roadmap (${items.toLocaleString('en')} items)`, ''];
  for (let s = 0; s < items / 100; s++) {
    lines.push(`## Workstream ${s + 1}`, '');
    for (let i = 0; i < 100; i++) {
      const n = s * 100 + i;
      const dep = n % 10 === 5 ? ` (depends on: Task ${n - 1})` : '';
      lines.push(`- [${n % 3 === 0 ? 'x' : ' '}] Task ${n}: part ${i} (P${n % 4})${dep}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

// The 5,000-item board of the board benchmarks (bench.mjs, bench/cpu.mjs): 50 phases of 100
// tasks, each depending on the one before and the one seven before (~10,000 edges).
export function generated(items = 5000) {
  const lines = ['# Generated roadmap (5,000 items)', '', 'Claimed: 40% complete.', ''];
  const perSection = 100;
  for (let s = 0; s < items / perSection; s++) {
    lines.push(`## Phase ${s + 1}: Workstream ${s + 1} (Week ${s + 1})`, '');
    for (let i = 0; i < perSection; i++) {
      const n = s * perSection + i;
      const box = n % 3 === 0 ? 'x' : ' ';
      const prio = ['P0', 'P1', 'P2', 'P3'][n % 4];
      const deps = [n - 1, n - 7].filter((d) => d >= 0).map((d) => `Task ${d}`);
      const dep = deps.length ? ` (depends on: ${deps.join(', ')})` : '';
      lines.push(`- [${box}] **Task ${n}**: implement part ${n} of workstream ${s + 1} (${prio}) — ⏱ \`~2 hours\`${dep}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
