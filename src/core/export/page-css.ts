// The exported page's own stylesheet: a readable page on screen (light, or dark when the reader's system is),
// and print rules so "Print to PDF" from a browser keeps the tag colours and puts no navigation on paper.

export const PAGE_CSS = `body {
  font-family: Georgia, "Times New Roman", serif;
  line-height: 1.55;
  color: #1f1f1f;
  background: #ffffff;
  max-width: 46em;
  margin: 2em auto;
  padding: 0 1.25em;
}
h1, h2, h3, h4, th, .kst-tag-label, .kst-meta dt, .kst-summary, .kst-notes, footer {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.kst-meta dl {
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: 0.2em 1em;
}
.kst-meta dt {
  font-weight: 600;
}
.kst-meta dd {
  margin: 0;
}
table {
  border-collapse: collapse;
  width: 100%;
  margin: 0.5em 0 1.5em;
  font-size: 0.92em;
}
th, td {
  border: 1px solid rgba(128, 128, 128, 0.45);
  padding: 0.3em 0.5em;
  text-align: left;
  vertical-align: top;
}
table.kst-counts {
  width: auto;
  min-width: 16em;
}
td.kst-number {
  text-align: right;
  white-space: nowrap;
}
.kst-letter {
  border-top: 1px solid rgba(128, 128, 128, 0.45);
  margin-top: 2em;
}
.kst-notes ol {
  padding-left: 1.5em;
}
.kst-notes li {
  margin-bottom: 0.4em;
}
.kst-status {
  font-style: italic;
}
footer {
  margin-top: 3em;
  font-size: 0.8em;
  opacity: 0.75;
}
@media (prefers-color-scheme: dark) {
  body {
    color: #e0e0e0;
    background: #1e1e1e;
  }
  .kst-tag {
    --kst-mark-strength: 30%;
  }
  a {
    color: #8ab4f8;
  }
}
@media (forced-colors: active) {
  .kst-tag {
    border-width: 3px;
    outline: 1px solid;
  }
}
@media print {
  @page {
    margin: 2cm;
  }
  body {
    max-width: none;
    margin: 0;
    padding: 0;
    color: #000000;
    background: #ffffff;
    font-size: 11pt;
  }
  .kst-tag, .kst-tag-label {
    --kst-mark-strength: 16%;
    -webkit-print-color-adjust: exact;
    print-color-adjust: exact;
  }
  a {
    color: inherit;
  }
  h1, h2, h3 {
    break-after: avoid;
  }
  tr, li, .kst-legend {
    break-inside: avoid;
  }
  .kst-back {
    display: none;
  }
}
`;
