// Limits the forms show live; pure, so client components can import them.
export const MESSAGE_MAX = 2000;
