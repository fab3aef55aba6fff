// On paper the page is one A6 card: the page's own text only (no header, navigation, footer or
// buttons), small print, tight spacing. A6 written as 105 × 148 mm: Chromium ignores the keyword.
// A plain <style> in the page, not a global stylesheet, so other pages print as before; it leaves
// with the page on navigation.
const PRINT_CSS = `@media print {
  @page { size: 105mm 148mm; margin: 5mm; }
  html, body { background: #fff !important; color: #000 !important; min-height: 0 !important; }
  body > :not(main), [data-noprint] { display: none !important; }
  main { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  .support-card { font-size: 7pt; line-height: 1.22; }
  .support-card h1 { font-size: 9.5pt; margin: 0 0 1mm; }
  .support-card h2 { font-size: 8pt; margin: 1.6mm 0 0.4mm !important; }
  .support-card h3, .support-card h4 { font-size: 7.5pt; margin: 1mm 0 0.3mm !important; }
  .support-card * + * { margin-top: 0; }
  .support-card p, .support-card ul, .support-card ol { margin: 0.5mm 0 !important; }
  .support-card li { margin: 0.2mm 0 !important; }
  .support-card ul, .support-card ol { padding-left: 3mm !important; }
  .support-card a { color: inherit; text-decoration: none; }
  .support-card hr { margin: 1mm 0 !important; }
}`;

export function PrintStyles() {
  return <style>{PRINT_CSS}</style>;
}
