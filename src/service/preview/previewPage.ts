// The preview page: one HTML document with its script inline, so the build (tsc) needs no asset
// step. Its script avoids template literals so that this file can hold it in one.

/** The HTML of `GET /`. */
export const PREVIEW_PAGE = String.raw`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gov-report-pdf 预览 / preview</title>
<link rel="stylesheet" href="/assets/noto-sans-sc/400.css">
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font-family: 'Noto Sans SC', sans-serif; color: #1f2328; background: #eef0f3; height: 100vh; display: flex; flex-direction: column; }
  header { display: flex; gap: .5rem; align-items: center; padding: .5rem 1rem; background: #fff; border-bottom: 1px solid #d0d7de; flex-wrap: wrap; }
  header h1 { font-size: 1rem; margin: 0 1rem 0 0; font-weight: 400; }
  button, input { font: inherit; }
  button { padding: .25rem .75rem; border: 1px solid #8c959f; border-radius: 4px; background: #f6f8fa; cursor: pointer; }
  main { flex: 1; display: grid; grid-template-columns: minmax(20rem, 1fr) minmax(20rem, 1fr); min-height: 0; }
  .left { display: flex; flex-direction: column; min-height: 0; border-right: 1px solid #d0d7de; }
  textarea { flex: 1; width: 100%; border: 0; padding: .75rem; font-family: 'Noto Sans SC', monospace; font-size: 13px; line-height: 1.5; resize: none; outline: none; }
  #problems { max-height: 40%; overflow: auto; margin: 0; padding: 0; list-style: none; border-top: 1px solid #d0d7de; background: #fff; }
  #problems li { padding: .35rem .75rem; border-bottom: 1px solid #eaeef2; cursor: pointer; font-size: 13px; }
  #problems li:hover { background: #f6f8fa; }
  #problems li.error::before { content: '错误 '; color: #cf222e; }
  #problems li.warning::before { content: '警告 '; color: #9a6700; }
  #problems .path { color: #57606a; font-size: 12px; display: block; }
  #pages { overflow: auto; padding: 1rem; display: flex; flex-direction: column; align-items: center; gap: 1rem; }
  #pages.stale { opacity: .4; }
  #pages canvas { background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.25); max-width: 100%; height: auto; }
  #status { margin-left: auto; color: #57606a; font-size: 13px; }
</style>
</head>
<body>
<header>
  <h1>gov-report-pdf 预览 / preview</h1>
  <button type="button" data-skeleton="2019">2019 版模板 / 2019 skeleton</button>
  <button type="button" data-skeleton="2021">2021 版模板 / 2021 skeleton</button>
  <button type="button" id="render">渲染 / Render</button>
  <label>令牌 / token <input id="token" type="password" size="12" autocomplete="off"></label>
  <span id="status" role="status">粘贴报告 JSON / paste a report</span>
</header>
<main>
  <section class="left">
    <textarea id="report" spellcheck="false" aria-label="报告 JSON / report JSON" placeholder="{ &quot;meta&quot;: { … }, &quot;sections&quot;: [ … ] }"></textarea>
    <ul id="problems" aria-label="问题 / problems"></ul>
  </section>
  <section id="pages" aria-label="页面 / pages" data-page-count="0"></section>
</main>
<script type="module">
import * as pdfjs from '/assets/pdfjs/pdf.min.mjs';
pdfjs.GlobalWorkerOptions.workerSrc = '/assets/pdfjs/pdf.worker.min.mjs';

const editor = document.getElementById('report');
const pagesEl = document.getElementById('pages');
const problemsEl = document.getElementById('problems');
const statusEl = document.getElementById('status');
const tokenEl = document.getElementById('token');
let generation = 0;
let timer;
let inFlight;

function headers(extra) {
  const all = Object.assign({}, extra);
  if (tokenEl.value !== '') all.authorization = 'Bearer ' + tokenEl.value;
  return all;
}
function setStatus(text) { statusEl.textContent = text; }

// Each edit renders again after a pause; the request before it is cancelled (the server drops its job).
editor.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(render, 700); });
document.getElementById('render').addEventListener('click', () => { clearTimeout(timer); render(); });
for (const button of document.querySelectorAll('[data-skeleton]')) {
  button.addEventListener('click', async () => {
    const response = await fetch('/v1/skeleton/' + button.dataset.skeleton, { headers: headers({}) });
    editor.value = JSON.stringify(await response.json(), null, 2);
    render();
  });
}

function decodeProblems(value) {
  if (!value) return [];
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64 + '==='.slice((base64.length + 3) % 4)), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

async function render() {
  const mine = ++generation;
  if (inFlight) inFlight.abort();
  inFlight = new AbortController();
  setStatus('渲染中… / rendering…');
  let response;
  try {
    response = await fetch('/v1/render', { method: 'POST', headers: headers({ 'content-type': 'application/json' }), body: editor.value, signal: inFlight.signal });
  } catch (error) {
    if (mine === generation) setStatus('请求失败 / request failed: ' + error.message);
    return;
  }
  if (response.ok) {
    const pdf = new Uint8Array(await response.arrayBuffer());
    let issues = decodeProblems(response.headers.get('x-report-problems'));
    if (response.headers.get('x-report-problems-truncated')) {
      const checked = await fetch('/v1/check', { method: 'POST', headers: headers({ 'content-type': 'application/json' }), body: editor.value });
      issues = (await checked.json()).issues;
    }
    if (mine !== generation) return;
    showProblems(issues);
    const count = await drawPages(pdf, mine);
    if (mine === generation) setStatus(count + ' 页 / pages · ' + issues.length + ' 个问题 / problems');
    return;
  }
  const problem = await response.json().catch(() => null);
  if (mine !== generation) return;
  const issues = problem && problem.issues ? problem.issues : [{ severity: 'error', path: [], pathText: '', message: { zh: problem ? problem.detail : response.statusText, en: '' } }];
  showProblems(issues);
  pagesEl.classList.add('stale');
  setStatus((problem ? problem.title + ' (' + problem.code + ')' : response.status) + ' · ' + issues.length + ' 个问题 / problems');
}

async function drawPages(bytes, mine) {
  const doc = await pdfjs.getDocument({ data: bytes }).promise;
  const canvases = [];
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const viewport = page.getViewport({ scale: 1.25 });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(viewport.width);
    canvas.height = Math.ceil(viewport.height);
    canvas.dataset.page = String(number);
    await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
    canvases.push(canvas);
    if (mine !== generation) { doc.destroy(); return canvases.length; }
  }
  pagesEl.replaceChildren(...canvases);
  pagesEl.classList.remove('stale');
  pagesEl.dataset.pageCount = String(canvases.length);
  doc.destroy();
  return canvases.length;
}

function showProblems(issues) {
  problemsEl.replaceChildren(...issues.map((issue) => {
    const item = document.createElement('li');
    item.className = issue.severity;
    item.tabIndex = 0;
    item.append(issue.message.zh + (issue.message.en ? ' / ' + issue.message.en : ''));
    const path = document.createElement('span');
    path.className = 'path';
    path.textContent = issue.pathText || '（报告根 / the report root）';
    item.append(path);
    const select = () => selectPath(issue.path || []);
    item.addEventListener('click', select);
    item.addEventListener('keydown', (event) => { if (event.key === 'Enter') select(); });
    return item;
  }));
}

// Finds the text range of the value at a path (keys and indexes) in JSON text; when the path
// goes further than the text (a missing key), the range of the deepest value that exists.
function locate(text, path) {
  let i = 0;
  const ws = () => { while (i < text.length && /\s/.test(text[i])) i++; };
  const skipString = () => { i++; while (i < text.length && text[i] !== '"') { if (text[i] === '\\') i++; i++; } i++; };
  const skipValue = () => {
    ws();
    const c = text[i];
    if (c === '"') return skipString();
    if (c === '{' || c === '[') {
      let depth = 0;
      while (i < text.length) {
        const d = text[i];
        if (d === '"') { skipString(); continue; }
        if (d === '{' || d === '[') depth++;
        else if (d === '}' || d === ']') { depth--; if (depth === 0) { i++; return; } }
        i++;
      }
      return;
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i])) i++;
  };
  const rangeAt = (start) => { i = start; skipValue(); return [start, i]; };
  ws();
  let current = i;
  for (const key of path) {
    ws();
    const c = text[i];
    let found = false;
    if (c === '{') {
      i++;
      for (;;) {
        ws();
        if (i >= text.length || text[i] !== '"') break;
        const keyStart = i;
        skipString();
        let name;
        try { name = JSON.parse(text.slice(keyStart, i)); } catch (error) { break; }
        ws(); i++; ws();
        if (name === String(key)) { found = true; break; }
        skipValue(); ws();
        if (text[i] === ',') i++;
      }
    } else if (c === '[') {
      i++;
      for (let index = 0; ; index++) {
        ws();
        if (i >= text.length || text[i] === ']') break;
        if (index === key) { found = true; break; }
        skipValue(); ws();
        if (text[i] === ',') i++;
      }
    }
    if (!found) return rangeAt(current);
    ws();
    current = i;
  }
  return rangeAt(current);
}

function selectPath(path) {
  const [start, end] = locate(editor.value, path);
  editor.focus();
  editor.setSelectionRange(start, end);
  const line = editor.value.slice(0, start).split('\n').length - 1;
  const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 20;
  editor.scrollTop = Math.max(0, line * lineHeight - editor.clientHeight / 3);
}
</script>
</body>
</html>
`;
