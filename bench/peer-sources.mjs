// Inputs of the peers (headless Chromium: HTML; Typst: markup), read from their harnesses in bench/.peers/:
//   seed   : the peer's report.html / report.typ as it is
//   large  : the application table (between the APPLY markers) repeated `repeat` times, exactly as the peers'
//            own bench.mjs does it
//   rows:N : the peer's page setup and table styles, then one table of N data rows with the same shape as our
//            row-scaling table (bench/reports.mjs: 3 row-header levels with rowspans, 7 numeric columns under the
//            3-row header of 表三)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir, rowsReport } from './reports.mjs';

export const peersDir = join(benchDir, '.peers');

const CN_HEADER_NOTE = '项目';

/** The leaf rows of our row-scaling table, flattened with the rowspans of their ancestors. */
function flatRows(rows) {
  const { sections } = rowsReport(rows);
  const groups = sections[0].content[0].table.rows;
  const out = [];
  for (const group of groups) {
    const groupSize = group.children.reduce((sum, sub) => sum + sub.children.length, 0);
    group.children.forEach((sub, s) => {
      sub.children.forEach((leaf, l) => {
        out.push({
          group: s === 0 && l === 0 ? { label: group.label, span: groupSize } : null,
          sub: l === 0 ? { label: sub.label, span: sub.children.length } : null,
          label: leaf.label,
          values: leaf.values,
        });
      });
    });
  }
  return out;
}

// ---- HTML (Chromium) ---------------------------------------------------------------------------------------------
export function chromiumSource(name) {
  const html = readFileSync(join(peersDir, 'chromium', 'report.html'), 'utf8');
  const [kind, arg] = name.split(':');
  if (kind === 'seed') return html;
  if (kind === 'large') {
    const re = /<!--APPLY-BEGIN-->([\s\S]*?)<!--APPLY-END-->/;
    const m = html.match(re);
    if (!m) throw new Error('APPLY markers not found in report.html');
    return html.replace(re, () => m[1].repeat(arg === undefined ? 50 : Number(arg)));
  }
  if (kind === 'rows') {
    const head = html.slice(0, html.indexOf('<body>') + '<body>'.length);
    const body = [];
    body.push(`<h1>行数扩展测试表（${arg}行）</h1>`);
    body.push('<section class="tbl tbl-apply"><h3>表 三级行标题</h3><table class="t-apply">');
    body.push('<colgroup><col style="width:8%"><col style="width:11%"><col style="width:22%"><col span="7" style="width:8.42%"></colgroup>');
    body.push('<thead>');
    body.push(`<tr><th colspan="3" rowspan="3" class="note">${CN_HEADER_NOTE}</th><th colspan="7">申请人情况</th></tr>`);
    body.push('<tr><th rowspan="2">自然人</th><th colspan="5">法人或其他组织</th><th rowspan="2">总计</th></tr>');
    body.push('<tr><th>商业企业</th><th>科研机构</th><th>社会公益组织</th><th>法律服务机构</th><th>其他</th></tr>');
    body.push('</thead><tbody>');
    for (const row of flatRows(Number(arg))) {
      let tr = '<tr>';
      if (row.group) tr += `<td rowspan="${row.group.span}" class="vlabel">${row.group.label}</td>`;
      if (row.sub) tr += `<td rowspan="${row.sub.span}" class="left">${row.sub.label}</td>`;
      tr += `<td class="left">${row.label}</td>`;
      for (const v of row.values) tr += `<td>${v}</td>`;
      body.push(`${tr}</tr>`);
    }
    body.push('</tbody></table></section></body></html>');
    return `${head}\n${body.join('\n')}\n`;
  }
  throw new Error(`unknown report ${name}`);
}

// ---- Typst ---------------------------------------------------------------------------------------------------------
export function typstSource(name) {
  const src = readFileSync(join(peersDir, 'typst', 'report.typ'), 'utf8');
  const [kind, arg] = name.split(':');
  if (kind === 'seed') return src;
  if (kind === 'large') {
    const re = /^\/\/ APPLY-BEGIN\n([\s\S]*?)^\/\/ APPLY-END\n/m;
    const m = src.match(re);
    if (!m) throw new Error('APPLY markers not found in report.typ');
    return src.replace(re, () => m[1].repeat(arg === undefined ? 50 : Number(arg)));
  }
  if (kind === 'rows') {
    // The set-up part of report.typ: everything before the level-1 title (page, text, par, headings, table helpers).
    const titleAt = src.search(/^= /m);
    if (titleAt < 0) throw new Error('title line not found in report.typ');
    const lines = [src.slice(0, titleAt)];
    lines.push(`= 行数扩展测试表（${arg}行）\n`);
    lines.push('=== 表 三级行标题\n');
    lines.push('#table(');
    lines.push('  columns: (8%, 11%, 22%, ..range(7).map(_ => 8.42%)),');
    lines.push('  table.header(');
    lines.push(`    note(colspan: 3, rowspan: 3)[${CN_HEADER_NOTE}],`);
    lines.push('    th(colspan: 7)[申请人情况],');
    lines.push('    th(rowspan: 2)[自然人], th(colspan: 5)[法人或其他组织], th(rowspan: 2)[总计],');
    lines.push('    th[商业企业], th[科研机构], th[社会公益组织], th[法律服务机构], th[其他],');
    lines.push('  ),');
    for (const row of flatRows(Number(arg))) {
      let line = '  ';
      if (row.group) line += `table.cell(rowspan: ${row.group.span})[${row.group.label}], `;
      if (row.sub) line += `lc(rowspan: ${row.sub.span})[${row.sub.label}], `;
      line += `lc[${row.label}], ${row.values.map((v) => `[${v}]`).join(', ')},`;
      lines.push(line);
    }
    lines.push(')\n');
    return lines.join('\n');
  }
  throw new Error(`unknown report ${name}`);
}
