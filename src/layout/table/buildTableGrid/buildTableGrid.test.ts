import { describe, expect, test } from 'vitest';
import { buildTableGrid } from './buildTableGrid.ts';

const spans = (cells: readonly { text: string; row: number; col: number; rowSpan: number; colSpan: number }[]) =>
  cells.map((c) => `${c.text}@${c.row},${c.col} ${c.rowSpan}x${c.colSpan}`);

describe('buildTableGrid', () => {
  test('computes the spans of a 3-row column header with a corner (表三 shape)', () => {
    const grid = buildTableGrid(
      {
        bands: [
          {
            corner: '勾稽关系',
            columns: [{ label: '申请人情况', children: ['自然人', { label: '法人或其他组织', children: ['商业企业', '其他'] }, '总计'] }],
            rows: [
              { label: '一、新收', values: [1, 2, 3, 6] },
              { label: '三、结果', children: [{ label: '（一）公开', values: [1, 0, 0, 1] }, { label: '（三）不予公开', children: [{ label: '1.秘密', values: [0, 0, 0, 0] }, { label: '2.其他', values: [0, 0, 0, 0] }] }] },
            ],
          },
        ],
      },
      { kind: 'bands' },
      [],
    );
    expect(grid.stubColumns).toBe(3);
    expect(grid.dataColumns).toBe(4);
    const band = grid.bands[0]!;
    expect(band.headRows).toBe(3);
    expect(spans(band.head)).toEqual([
      '勾稽关系@0,0 3x3',
      '申请人情况@0,3 1x4',
      '自然人@1,3 2x1',
      '法人或其他组织@1,4 1x2',
      '商业企业@2,4 1x1',
      '其他@2,5 1x1',
      '总计@1,6 2x1',
    ]);
    const labels = band.body.filter((c) => c.kind === 'row');
    expect(spans(labels)).toEqual(['一、新收@0,0 1x3', '（一）公开@1,1 1x2', '1.秘密@2,2 1x1', '2.其他@3,2 1x1', '（三）不予公开@2,1 2x1', '三、结果@1,0 3x1']);
    expect(band.bodyRows).toBe(4);
    expect(band.body.find((c) => c.kind === 'value' && c.row === 3 && c.col === 6)?.where).toBe('三、结果 › （三）不予公开 › 2.其他 × 申请人情况 › 总计'.replace('申请人情况 › ', ''));
  });

  test('widens the last column of a band with fewer data columns and adds its title row', () => {
    const grid = buildTableGrid(
      {
        bands: [
          { title: '第（一）项', corner: '信息内容', columns: ['a', 'b', 'c'], rows: [{ label: '规章', values: [0, 0, 0] }] },
          { title: '第（八）项', corner: '信息内容', columns: ['a', 'b'], rows: [{ label: '收费', values: [0, '+3'] }] },
        ],
      },
      { kind: 'bands' },
      [],
    );
    const second = grid.bands[1]!;
    expect(spans(second.head)).toEqual(['第（八）项@0,0 1x4', '信息内容@1,0 1x1', 'a@1,1 1x1', 'b@1,2 1x2']);
    expect(spans(second.body)).toEqual(['0@0,1 1x1', '+3@0,2 1x2', '收费@0,0 1x1']);
  });

  test('a table whose rows have no labels has no row-header column (表四 shape)', () => {
    const grid = buildTableGrid({ bands: [{ columns: [{ label: '复议', children: ['维持', '总计'] }, '诉讼'], rows: [{ values: [0, 0, 0] }] }] }, { kind: 'bands' }, []);
    expect(grid.stubColumns).toBe(0);
    expect(spans(grid.bands[0]!.head)).toEqual(['复议@0,0 1x2', '维持@1,0 1x1', '总计@1,1 1x1', '诉讼@0,2 2x1']);
  });

  describe('paths follow what the caller wrote', () => {
    const table = { bands: [{ corner: '项目', columns: ['甲', '乙'], rows: [{ label: '一', values: [1, 2] }, { label: '二', values: [3, 4] }] }] };
    const paths = (grid: ReturnType<typeof buildTableGrid>) => [...grid.bands[0]!.head, ...grid.bands[0]!.body].map((c) => `${c.text}:${c.path.join('.')}`);

    test('header trees with bands: under bands[i]', () => {
      expect(paths(buildTableGrid(table, { kind: 'bands' }, ['t']))).toContain('4:t.bands.0.rows.1.values.1');
    });

    test('the one-band shorthand: no bands[0]', () => {
      const got = paths(buildTableGrid(table, { kind: 'inline' }, ['t']));
      expect(got).toContain('4:t.rows.1.values.1');
      expect(got).toContain('项目:t.corner');
    });

    test('a form table: values at their keys under data, labels at data', () => {
      const valueKeys = [[[['a', 'x'], ['a', 'y']], [['b', 'x'], ['b', 'y']]]];
      const got = paths(buildTableGrid(table, { kind: 'form', form: 'table4', valueKeys }, ['f']));
      expect(got).toContain('4:f.data.b.y');
      expect(got).toContain('1:f.data.a.x');
      expect(got).toContain('二:f.data');
      expect(got).toContain('甲:f.data');
    });
  });
});
