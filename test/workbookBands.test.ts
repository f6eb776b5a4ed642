/** The workbook's own 等次: read from a note or an 等次 table, used by the engine and the summary's formulas, overridden by settings. */
import { outputsPlan } from '../src/app/outputs';
import { scoreAssessment } from '../src/app/scoreAssessment';
import { DEFAULT_WORKBOOK_SETTINGS } from '../src/app/settings';
import { grid } from '../src/sheet/grid';
import { bandsInNote, findWorkbookBands } from '../src/sheet/readBands';
import note from './fixtures/bands-in-note.grid';

it('reads the bands of a note, whatever dash or comma it uses', () => {
  expect(bandsInNote('90分以上为优秀，75—89分为良好，60－74分为合格；60分以下为不合格。')?.map((b) => b.label)).toEqual(['优秀', '良好', '合格', '不合格']);
  expect(bandsInNote('考核总分值设为100分。')).toBeNull();
  expect(bandsInNote('90分以上为优秀')).toBeNull();
});

it('a range in whole points reaches up to the next band, so no total falls between two bands', () => {
  const found = findWorkbookBands([grid([['注：90分以上为优秀，75-89分为良好，75分以下为一般']], { name: '说明' })]);
  expect(found).toEqual({
    sheet: '说明',
    cell: 'A1',
    source: 'note',
    bands: [
      { label: '优秀', range: '90分以上' },
      { label: '良好', range: '[75,90)' },
      { label: '一般', range: '75分以下' },
    ],
  });
});

it('says where the bands came from, and the summary’s band formula tests them as the engine does', () => {
  const result = scoreAssessment(note);
  const d = result.diagnostics.find((x) => x.code === 'BANDS_FROM_WORKBOOK');
  expect(d).toMatchObject({ sheet: '城关镇', cell: 'A8', message: '等次按工作簿中的说明计：优秀（90分以上）、良好（75分以上不足90分）、合格（60分以上不足75分）、不合格（60分以下）' });
  const { plan, summary } = outputsPlan(result, note, DEFAULT_WORKBOOK_SETTINGS, { today: '2024-12-25' });
  const band = plan.sheets?.find((s) => s.name === summary)?.cells.find((c) => c.value === '良好');
  expect(band?.formula).toContain('AND(H5>=75,H5<90),"良好"');
});

it('bands set in the settings win over the workbook’s', () => {
  const result = scoreAssessment(note, { ranking: 'dense', veto: 'zero', bands: [{ label: '80分以上' }, { label: '80分以下' }] });
  expect(result.units.map((u) => u.placement.band?.label)).toEqual(['80分以上', '80分以上', '80分以下']);
  expect(result.diagnostics.map((x) => x.code)).not.toContain('BANDS_FROM_WORKBOOK');
});
