import { openWorkbookFile } from '../src/host/xlsxFile';
(async () => {
  const h = await openWorkbookFile(process.argv[2]);
  const gs = await h.readGrids();
  console.log(gs.map(g => g.name).join(' | '));
  for (const n of process.argv.slice(3)) {
    const g = gs.find(x => x.name === n)!;
    g.rows.forEach((r, i) => console.log(i + 1, JSON.stringify(r)));
    console.log('merges', JSON.stringify((g as any).merges));
  }
})();
