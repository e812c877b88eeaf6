// The one renderer of the Shared Responsibility Report (report.ts): markdown for the CLI, and HTML that is both a
// standalone file (`iac-hints scan --format html`) and the editor's webview. The HTML loads nothing: its style and
// its small filter script are inline, allowed by a content security policy with the nonce the caller passes;
// colours are the editor theme's CSS variables (`--vscode-*`) with light and dark fallbacks for a browser.
import type { ReportCell, ReportRange, ReportResource, ReportStatus, ResponsibilityReport } from './report';
import { REPORT_STATUSES, STATUS_LABELS, lensTitle } from './report';
import { TOOL_NAME, TOOL_VERSION } from './version';

/** A short mark before each status, so that a status never rests on colour alone. */
const MARKS: Readonly<Record<ReportStatus, string>> = {
  missed: '✗',
  depends: '◐',
  'cannot-be-checked': '?',
  suppressed: '⊘',
  addressed: '✓',
  'aws-default': '☁',
  'not-applicable': '–',
};

export interface RenderOptions {
  /** The heading's subject, e.g. "the workspace" or a file name (default: the files' count). */
  readonly scope?: string;
  /**
   * Files left out of the report, named as the report names files: the editor leaves out files too large to analyse
   * on its own thread (the CLI, which waits, leaves out none).
   */
  readonly notAnalysed?: readonly string[];
}

function notAnalysedLine(options: RenderOptions): string | undefined {
  const files = options.notAnalysed ?? [];
  if (files.length === 0) return undefined;
  return `Not in this report: ${plural(files.length, 'file')} the editor could not analyse (too large for its thread, and its analysis worker failed: ${files.join(', ')}); \`iac-hints scan --format html\` includes them.`;
}

export interface HtmlOptions extends RenderOptions {
  /**
   * A fresh random value (base64 or hex, at least 128 bits) for each rendering: the style and script carry it and
   * the content security policy allows nothing else.
   */
  readonly nonce: string;
  /** The link target of a place in a file (default: the file's path with `#L<line>`, for a standalone file). */
  readonly hrefOf?: (file: string, range: ReportRange) => string;
  /** The content security policy's extra sources, e.g. a webview's `cspSource` (default none). */
  readonly cspSource?: string;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

function totalsLine(report: ResponsibilityReport): string {
  const cells = report.totals.cells;
  const parts = REPORT_STATUSES.filter((status) => cells[status] > 0).map((status) => `${cells[status]} ${STATUS_LABELS[status]}`);
  return `${plural(report.totals.resources, 'resource')} in ${plural(report.files.length, 'file')}; customer duties: ${parts.length > 0 ? parts.join(', ') : 'none checked'}.`;
}

function cellText(cell: ReportCell): string {
  const label = cell.status === 'aws-default' && cell.since ? `AWS default since ${cell.since}` : STATUS_LABELS[cell.status];
  return `${MARKS[cell.status]} ${label}`;
}

function cellDetail(cell: ReportCell): string {
  if (cell.status === 'suppressed' && cell.suppression) {
    const by = cell.suppression.tool ? ` (${cell.suppression.tool}${cell.suppression.peerId ? ` ${cell.suppression.peerId}` : ''})` : '';
    return `suppressed${by}: ${cell.suppression.reason}. ${cell.detail}`;
  }
  return cell.detail;
}

// ---------------------------------------------------------------------------------------------------------------
// Markdown

/**
 * Text from the templates (logical ids, file names, values quoted in messages) as literal markdown: every character
 * that could open markup (HTML tags and comments, entities, links, emphasis, code, a table's pipes) is escaped, and
 * line breaks become spaces, so a hostile template cannot hide or rewrite the report (e.g. in a pull request comment).
 * An underscore inside a word stays as it is (GFM never reads it as emphasis): `aws_s3_bucket` remains readable.
 */
function mdCell(text: string): string {
  return text
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*[\]<>~|&]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, (character) => `\\${character}`);
}

/**
 * `text` as one code span: fenced by one more backtick than its longest run of backticks, padded when it starts or
 * ends with one (CommonMark); in a table cell a pipe is `\|` (GFM splits cells before reading code spans).
 */
function mdCode(text: string, inTable: boolean): string {
  const flat = text.replace(/\r?\n|\r/g, ' ');
  const body = inTable ? flat.replace(/\|/g, '\\|') : flat;
  const fence = '`'.repeat(Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

const line = (range: ReportRange): number => range.start.line + 1;

/**
 * The report as GitHub-flavoured markdown: totals, the AWS side per service category, the matrix (resources by
 * item), then each resource's items with status, severity, detail, rules and the line of the setting.
 */
export function reportMarkdown(report: ResponsibilityReport, options: RenderOptions = {}): string {
  const out: string[] = [];
  out.push(`# Shared Responsibility Report${options.scope ? `: ${mdCell(options.scope)}` : ''}`, '');
  out.push(totalsLine(report), '');
  const leftOut = notAnalysedLine(options);
  if (leftOut) out.push(mdCell(leftOut), '');
  out.push('## AWS side', '', 'AWS secures the cloud itself for every resource; how much of the stack it runs depends on the service category.', '');
  out.push('| Category | Resources | AWS manages | The customer manages |', '| --- | --- | --- | --- |');
  for (const category of report.awsSide) {
    out.push(`| ${mdCell(category.label)} | ${category.resources} | ${mdCell(category.awsManages.join('; '))} | ${mdCell(category.customerManages.join('; '))} |`);
  }
  if (report.uncategorised > 0) out.push('', `${plural(report.uncategorised, 'resource')} of a service not in the knowledge base (no category).`);
  out.push('', '## Customer side', '');
  if (report.resources.length === 0) {
    out.push('No resource with a customer duty was found.', '');
    return `${out.join('\n')}\n`;
  }
  out.push(`Legend: ${REPORT_STATUSES.map((status) => `${MARKS[status]} ${STATUS_LABELS[status]}`).join(', ')}.`, '');
  out.push(`| Resource | Type | File | ${report.items.map((item) => mdCell(item.label)).join(' | ')} |`);
  out.push(`| --- | --- | --- | ${report.items.map(() => '---').join(' | ')} |`);
  for (const resource of report.resources) {
    const byItem = new Map(resource.cells.map((cell) => [cell.item, cell]));
    const cells = report.items.map((item) => {
      const cell = byItem.get(item.id);
      return cell ? mdCell(cellText(cell)) : '';
    });
    out.push(`| ${mdCode(resource.id, true)} | ${mdCode(resource.type, true)} | ${mdCell(resource.file)}:${line(resource.range)} | ${cells.join(' | ')} |`);
  }
  out.push('', '## Details', '');
  const labels = new Map(report.items.map((item) => [item.id, item.label]));
  for (const resource of report.resources) {
    out.push(`### ${mdCode(resource.id, false)} (${mdCode(resource.type, false)}${resource.category ? `, ${mdCell(resource.category)}` : ''})`, '');
    out.push(`${mdCell(resource.file)}:${line(resource.range)}. ${lensTitle(resource)}.`, '');
    for (const cell of resource.cells) {
      const where = cell.range ? `, line ${line(cell.range)}` : '';
      const severity = cell.severity && (cell.status === 'missed' || cell.status === 'depends' || cell.status === 'suppressed') ? `, ${cell.severity}` : '';
      out.push(`- **${mdCell(labels.get(cell.item) ?? cell.item)}**: ${cellText(cell)}${severity}: ${mdCell(cellDetail(cell))} (${mdCell(cell.ruleIds.join(', '))}${where})`);
    }
    out.push('');
  }
  out.push(`Generated by ${TOOL_NAME} ${TOOL_VERSION}.`);
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// HTML

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function defaultHref(file: string, range: ReportRange): string {
  return `${encodeURI(file.replace(/\\/g, '/'))}#L${range.start.line + 1}`;
}

/** A link that opens `file` at `range`: a plain link in a browser, a message to the editor in the webview. */
function placeLink(options: HtmlOptions, file: string, range: ReportRange, text: string, label: string): string {
  const href = (options.hrefOf ?? defaultHref)(file, range);
  const data = `data-href="${escapeHtml(href)}" data-file="${escapeHtml(file)}" data-line="${range.start.line}" data-character="${range.start.character}" data-end-line="${range.end.line}" data-end-character="${range.end.character}"`;
  return `<a class="place" href="${escapeHtml(href)}" ${data} aria-label="${escapeHtml(label)}">${text}</a>`;
}

const STYLE = `
:root {
  --fg: var(--vscode-editor-foreground, #1f2328);
  --bg: var(--vscode-editor-background, #ffffff);
  --muted: var(--vscode-descriptionForeground, #59636e);
  --border: var(--vscode-panel-border, #d1d9e0);
  --link: var(--vscode-textLink-foreground, #0969da);
  --focus: var(--vscode-focusBorder, #0969da);
  --header: var(--vscode-editorWidget-background, #f6f8fa);
  --input-bg: var(--vscode-dropdown-background, #ffffff);
  --input-fg: var(--vscode-dropdown-foreground, #1f2328);
  --input-border: var(--vscode-dropdown-border, #d1d9e0);
  --highlight: var(--vscode-editor-findMatchHighlightBackground, #fff8c5);
  --missed: var(--vscode-errorForeground, #cf222e);
  --depends: var(--vscode-editorWarning-foreground, #9a6700);
  --unknown: var(--vscode-editorWarning-foreground, #9a6700);
  --ok: var(--vscode-testing-iconPassed, #1a7f37);
  --aws: var(--vscode-editorInfo-foreground, #0969da);
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: var(--vscode-editor-foreground, #e6edf3);
    --bg: var(--vscode-editor-background, #0d1117);
    --muted: var(--vscode-descriptionForeground, #9198a1);
    --border: var(--vscode-panel-border, #3d444d);
    --link: var(--vscode-textLink-foreground, #4493f8);
    --focus: var(--vscode-focusBorder, #4493f8);
    --header: var(--vscode-editorWidget-background, #151b23);
    --input-bg: var(--vscode-dropdown-background, #0d1117);
    --input-fg: var(--vscode-dropdown-foreground, #e6edf3);
    --input-border: var(--vscode-dropdown-border, #3d444d);
    --highlight: var(--vscode-editor-findMatchHighlightBackground, #3b2e00);
    --missed: var(--vscode-errorForeground, #f85149);
    --depends: var(--vscode-editorWarning-foreground, #d29922);
    --unknown: var(--vscode-editorWarning-foreground, #d29922);
    --ok: var(--vscode-testing-iconPassed, #3fb950);
    --aws: var(--vscode-editorInfo-foreground, #4493f8);
  }
}
body { color: var(--fg); background: var(--bg); font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 14px); margin: 1em 1.5em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.5em; }
a { color: var(--link); }
a:focus, select:focus, tr:focus, button:focus { outline: 2px solid var(--focus); outline-offset: 1px; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid var(--border); padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
thead th { background: var(--header); position: sticky; top: 0; }
.matrix td.cell { white-space: nowrap; }
.matrix tbody th { font-weight: normal; min-width: 16em; }
.matrix tbody th .muted { font-size: 0.9em; }
caption { text-align: left; caption-side: top; padding: 0.25em 0; }
.muted, .summary { color: var(--muted); }
.status-missed { color: var(--missed); font-weight: 600; }
.status-depends { color: var(--depends); }
.status-cannot-be-checked { color: var(--unknown); }
.status-suppressed { color: var(--muted); }
.status-addressed { color: var(--ok); }
.status-aws-default { color: var(--aws); }
.status-not-applicable { color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: 1em; align-items: end; margin: 0.5em 0; }
.filters label { display: flex; flex-direction: column; font-size: 0.9em; color: var(--muted); }
select, button { color: var(--input-fg); background: var(--input-bg); border: 1px solid var(--input-border); padding: 0.2em; font: inherit; }
.hidden { display: none; }
.dim { opacity: 0.35; }
tr.revealed > * { background: var(--highlight); }
code { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); }
ul.cells { margin: 0.25em 0 1em; }
`;

/**
 * The filters and the links, under a strict CSP: no eval, no inline handlers. In the webview
 * (acquireVsCodeApi exists) a link asks the editor to open the place and the filters survive a refresh; the editor
 * may send `{ type: 'reveal', key }` to show a resource's row.
 */
const SCRIPT = `
(function () {
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  var ids = ['filter-item', 'filter-severity', 'filter-status', 'filter-file'];
  var selects = ids.map(function (id) { return document.getElementById(id); });
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.resource'));
  var details = Array.prototype.slice.call(document.querySelectorAll('section.resource'));
  var shown = document.getElementById('shown');
  function value(i) { return selects[i] ? selects[i].value : ''; }
  function cellMatches(cell, item, severity, status) {
    return (!item || cell.getAttribute('data-item') === item) && (!severity || cell.getAttribute('data-severity') === severity) && (!status || cell.getAttribute('data-status') === status);
  }
  function apply() {
    var item = value(0), severity = value(1), status = value(2), file = value(3);
    var columns = document.querySelectorAll('[data-column]');
    for (var c = 0; c < columns.length; c++) columns[c].classList.toggle('hidden', !!item && columns[c].getAttribute('data-column') !== item);
    var count = 0;
    function filter(element) {
      var cells = Array.prototype.slice.call(element.querySelectorAll('[data-status]'));
      var any = false;
      cells.forEach(function (cell) {
        var match = cellMatches(cell, item, severity, status);
        if (match) any = true;
        cell.classList.toggle('dim', !match && (!!severity || !!status));
        if (cell.tagName === 'LI') cell.classList.toggle('hidden', !!item && cell.getAttribute('data-item') !== item);
      });
      var visible = (!file || element.getAttribute('data-file') === file) && (any || (!item && !severity && !status));
      element.classList.toggle('hidden', !visible);
      return visible;
    }
    rows.forEach(function (row) { if (filter(row)) count++; });
    details.forEach(filter);
    if (shown) shown.textContent = count + ' of ' + rows.length + ' resources shown';
    if (vscode) vscode.setState({ filters: selects.map(function (s) { return s ? s.value : ''; }) });
  }
  var saved = vscode && vscode.getState();
  if (saved && saved.filters) selects.forEach(function (s, i) { if (s && saved.filters[i] !== undefined) { s.value = saved.filters[i]; if (s.value !== saved.filters[i]) s.value = ''; } });
  selects.forEach(function (s) { if (s) s.addEventListener('change', apply); });
  var reset = document.getElementById('filter-reset');
  if (reset) reset.addEventListener('click', function () { selects.forEach(function (s) { if (s) s.value = ''; }); apply(); });
  document.addEventListener('click', function (event) {
    var target = event.target;
    var link = target && target.closest ? target.closest('a.place') : null;
    if (!link || !vscode) return;
    event.preventDefault();
    vscode.postMessage({ type: 'open', href: link.getAttribute('data-href'), file: link.getAttribute('data-file'),
      range: { start: { line: +link.getAttribute('data-line'), character: +link.getAttribute('data-character') },
               end: { line: +link.getAttribute('data-end-line'), character: +link.getAttribute('data-end-character') } } });
  });
  function reveal(key) {
    var row = rows.filter(function (r) { return r.getAttribute('data-key') === key; })[0];
    if (!row) return;
    if (row.classList.contains('hidden')) { selects.forEach(function (s) { if (s) s.value = ''; }); apply(); }
    rows.forEach(function (r) { r.classList.remove('revealed'); });
    row.classList.add('revealed');
    row.scrollIntoView({ block: 'center' });
    row.focus();
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (data && data.type === 'reveal' && typeof data.key === 'string') reveal(data.key);
  });
  apply();
  if (location.hash.indexOf('#resource=') === 0) reveal(decodeURIComponent(location.hash.slice(10)));
  if (vscode) vscode.postMessage({ type: 'ready' });
})();
`;

function option(value: string, label: string): string {
  return `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;
}

function htmlCell(options: HtmlOptions, resource: ReportResource, cell: ReportCell, itemLabel: string): string {
  const text = escapeHtml(cellText(cell));
  const label = `${resource.id}, ${itemLabel}: ${cellText(cell).slice(2)}. ${cellDetail(cell)}`;
  return cell.range ? placeLink(options, resource.file, cell.range, text, `${label} Open the setting.`) : `<span aria-label="${escapeHtml(label)}">${text}</span>`;
}

/**
 * The report as one HTML document: standalone (no external resource; open it in a browser) and the webview's page.
 * Keyboard: the filters are labelled selects, every place is a link, a revealed row takes the focus.
 */
export function reportHtml(report: ResponsibilityReport, options: HtmlOptions): string {
  const nonce = escapeHtml(options.nonce);
  const extra = options.cspSource ? ` ${options.cspSource}` : '';
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'${extra}; script-src 'nonce-${nonce}'; img-src data:${extra};`;
  const labels = new Map(report.items.map((item) => [item.id, item.label]));
  const out: string[] = [];
  out.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>Shared Responsibility Report${options.scope ? `: ${escapeHtml(options.scope)}` : ''}</title>`);
  out.push(`<style nonce="${nonce}">${STYLE}</style>`, '</head>', '<body>');
  out.push(`<h1>Shared Responsibility Report${options.scope ? `: ${escapeHtml(options.scope)}` : ''}</h1>`);
  out.push(`<p class="summary" id="totals">${escapeHtml(totalsLine(report))}</p>`);
  const leftOut = notAnalysedLine(options);
  if (leftOut) out.push(`<p class="muted" id="not-analysed">${escapeHtml(leftOut)}</p>`);

  out.push('<h2>AWS side</h2>', '<p class="muted">AWS secures the cloud itself for every resource; how much of the stack it runs depends on the service category.</p>');
  out.push('<table class="aws-side"><thead><tr><th scope="col">Category</th><th scope="col">Resources</th><th scope="col">AWS manages</th><th scope="col">The customer manages</th></tr></thead><tbody>');
  for (const category of report.awsSide) {
    out.push(`<tr data-category="${escapeHtml(category.id)}"><th scope="row">${escapeHtml(category.label)}</th><td>${category.resources}</td><td>${escapeHtml(category.awsManages.join('; '))}</td><td>${escapeHtml(category.customerManages.join('; '))}</td></tr>`);
  }
  out.push('</tbody></table>');
  if (report.uncategorised > 0) out.push(`<p class="muted">${escapeHtml(plural(report.uncategorised, 'resource'))} of a service not in the knowledge base (no category).</p>`);

  out.push('<h2>Customer side</h2>');
  if (report.resources.length === 0) {
    out.push('<p>No resource with a customer duty was found.</p>');
  } else {
    const severities = ['error', 'warning', 'info'];
    out.push('<div class="filters" role="group" aria-label="Filters">');
    out.push(`<label for="filter-item">Item<select id="filter-item">${option('', 'All items')}${report.items.map((item) => option(item.id, item.label)).join('')}</select></label>`);
    out.push(`<label for="filter-severity">Severity<select id="filter-severity">${option('', 'All severities')}${severities.map((severity) => option(severity, severity)).join('')}</select></label>`);
    out.push(`<label for="filter-status">Status<select id="filter-status">${option('', 'All statuses')}${REPORT_STATUSES.map((status) => option(status, STATUS_LABELS[status])).join('')}</select></label>`);
    out.push(`<label for="filter-file">File<select id="filter-file">${option('', 'All files')}${report.files.map((file) => option(file, file)).join('')}</select></label>`);
    out.push('<button type="button" id="filter-reset">Clear filters</button>');
    out.push(`<span id="shown" class="muted" role="status" aria-live="polite">${report.resources.length} of ${report.resources.length} resources shown</span>`);
    out.push('</div>');
    out.push(`<p class="muted">${REPORT_STATUSES.map((status) => `<span class="status-${status}">${escapeHtml(`${MARKS[status]} ${STATUS_LABELS[status]}`)}</span>`).join(' · ')}</p>`);
    out.push('<table class="matrix"><caption class="muted">Resources by customer responsibility item</caption><thead><tr><th scope="col">Resource</th><th scope="col">Category</th>');
    for (const item of report.items) out.push(`<th scope="col" data-column="${escapeHtml(item.id)}">${escapeHtml(item.label)}</th>`);
    out.push('</tr></thead><tbody>');
    for (const resource of report.resources) {
      const byItem = new Map(resource.cells.map((cell) => [cell.item, cell]));
      out.push(`<tr class="resource" tabindex="-1" data-key="${escapeHtml(resource.key)}" data-file="${escapeHtml(resource.file)}">`);
      out.push(`<th scope="row">${placeLink(options, resource.file, resource.range, `<code>${escapeHtml(resource.id)}</code>`, `${resource.id} (${resource.type}) in ${resource.file}: open`)}<br><span class="muted"><code>${escapeHtml(resource.type)}</code> · ${escapeHtml(resource.file)}:${line(resource.range)}</span><br><span class="muted lens">${escapeHtml(lensTitle(resource))}</span></th>`);
      out.push(`<td>${escapeHtml(resource.category ?? '—')}</td>`);
      for (const item of report.items) {
        const cell = byItem.get(item.id);
        out.push(cell
          ? `<td class="cell status-${cell.status}" data-column="${escapeHtml(item.id)}" data-item="${escapeHtml(item.id)}" data-status="${cell.status}" data-severity="${cell.severity ?? ''}" title="${escapeHtml(cellDetail(cell))}">${htmlCell(options, resource, cell, item.label)}</td>`
          : `<td class="cell" data-column="${escapeHtml(item.id)}"><span class="muted" aria-label="not checked">·</span></td>`);
      }
      out.push('</tr>');
    }
    out.push('</tbody></table>');

    out.push('<h2>Details</h2>');
    for (const resource of report.resources) {
      out.push(`<section class="resource" data-key="${escapeHtml(resource.key)}" data-file="${escapeHtml(resource.file)}" aria-label="${escapeHtml(resource.id)}">`);
      out.push(`<h3><code>${escapeHtml(resource.id)}</code> <span class="muted">(<code>${escapeHtml(resource.type)}</code>${resource.category ? `, ${escapeHtml(resource.category)}` : ''}) ${placeLink(options, resource.file, resource.range, `${escapeHtml(resource.file)}:${line(resource.range)}`, `open ${resource.id} in ${resource.file}`)}</span></h3>`);
      out.push('<ul class="cells">');
      for (const cell of resource.cells) {
        const label = labels.get(cell.item) ?? cell.item;
        const where = cell.range ? ` ${placeLink(options, resource.file, cell.range, `line ${line(cell.range)}`, `${resource.id}, ${label}: open the setting at line ${line(cell.range)}`)}` : '';
        out.push(`<li data-item="${escapeHtml(cell.item)}" data-status="${cell.status}" data-severity="${cell.severity ?? ''}"><strong>${escapeHtml(label)}</strong>: <span class="status-${cell.status}">${escapeHtml(cellText(cell))}</span>${cell.severity && (cell.status === 'missed' || cell.status === 'depends' || cell.status === 'suppressed') ? ` (${cell.severity})` : ''}: ${escapeHtml(cellDetail(cell))} <span class="muted">${escapeHtml(cell.ruleIds.join(', '))}</span>${where}</li>`);
      }
      out.push('</ul></section>');
    }
  }
  out.push(`<p class="muted">Generated by ${escapeHtml(TOOL_NAME)} ${escapeHtml(TOOL_VERSION)}.</p>`);
  out.push(`<script nonce="${nonce}">${SCRIPT}</script>`, '</body>', '</html>');
  return `${out.join('\n')}\n`;
}
