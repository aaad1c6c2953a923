// The HTML report's stylesheet: plain, dense tables; charts one per row; @media print keeps charts and tables whole and drops the navigation.

export const HTML_REPORT_STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 1140px; padding: 0 16px 32px; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.35em; margin: 18px 0 4px; }
h2 { font-size: 1.15em; border-bottom: 1px solid #ccc; padding-bottom: 2px; margin-top: 28px; }
h3 { font-size: 1.05em; margin: 16px 0 2px; }
.status, .note { color: #555; margin: 4px 0; }
nav a { color: #1f5fa8; }
table { border-collapse: collapse; margin: 10px 0 16px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #ddd; padding: 2px 8px; vertical-align: top; text-align: left; }
th[scope="row"] { font-weight: 500; color: #333; background: #fafafa; white-space: nowrap; }
td.v-number { text-align: right; }
table.kv td.v { max-width: 760px; overflow-wrap: anywhere; }
table.bars td.bar { width: 320px; }
table.bars td.bar span { display: block; height: 10px; background: #4c78a8; min-width: 1px; }
.row { display: flex; flex-wrap: wrap; gap: 0 24px; align-items: flex-start; }
.chart { margin: 6px 0 14px; min-height: 250px; }
code { background: #f3f3f3; padding: 0 3px; }
footer { color: #666; margin-top: 28px; font-size: 0.9em; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  .chart, table, .symbol h3 { break-inside: avoid; page-break-inside: avoid; }
  h2 { break-after: avoid; page-break-after: avoid; }
  td.bar span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .uplot canvas { max-width: 100%; }
  a { color: inherit; text-decoration: none; }
}
`;
