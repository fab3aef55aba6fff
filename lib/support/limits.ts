// Limits the support editor shows live; pure, so client components can import them.
export const SUPPORT_MARKDOWN_MAX = 5000;
/** About this much text still prints on one A6 card (the shipped defaults are under it). */
export const SUPPORT_A6_CHARS = 2600;
