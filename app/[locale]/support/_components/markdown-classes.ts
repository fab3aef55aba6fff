/** How the support Markdown's elements look on screen: on the page and in the coordinator's preview. */
export const MARKDOWN_CLASSES =
  'space-y-2 [overflow-wrap:anywhere] [&_h2]:pt-3 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:pt-2 [&_h3]:font-semibold [&_h4]:font-semibold [&_hr]:border-stone-300 [&_ol]:list-decimal [&_ol]:space-y-1 [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:space-y-1 [&_ul]:pl-5';
