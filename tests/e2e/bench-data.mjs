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

